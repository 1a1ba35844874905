import { useState } from 'react';
import { ErrorNotice } from '../../components/status.tsx';
import { expect, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { OPEN_TRAINING } from './trainings-page.tsx';

/** On a published version of a work instruction: opens its training (or the one opened already) and goes to it. */
export function OpenTrainingButton({ code, version }: { code: string; version: number }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [error, setError] = useState<unknown>(null);
  if (!can('manageTraining')) return null;
  const open = async () => {
    setError(null);
    try {
      navigate(`/trainings/${expect((await request(OPEN_TRAINING, { code, version })).openTraining, 'OpenedTraining').training.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => void open()} data-testid="version-open-training">{t('training.open')}</button>
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}
