import { useEffect, useRef, useState } from 'react';
import { TextField } from '../../components/fields.tsx';
import { ErrorNotice } from '../../components/status.tsx';
import { ApiError, ErrorFields, expect, graphql, request, type Issue } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';

const NEXT = graphql(`query NextStandardCode($parent: String) { nextStandardCode(parent: $parent) }`);
const CREATE = graphql(`
  mutation CreateStandard($title: String!, $parent: String, $code: String) { createStandard(title: $title, parent: $parent, code: $code) { __typename ...ErrorFields ... on StandardVersion { code } } }
`, [ErrorFields]);

/** What is being created: a module (no parent), a procedure under a module, an instruction under a procedure. */
export interface NewStandardTarget {
  parent: { code: string; title: string; kind: string } | null;
}

/**
 * Asks for the title of a new module, procedure or work instruction and proposes the next free
 * code (editable); the server creates it as a draft from the template, and the editor opens.
 * The server's objections are shown on the field they concern; nothing is created then.
 */
export function NewStandardDialog({ target, onClose }: { target: NewStandardTarget; onClose(): void }) {
  const { t, term } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [code, setCode] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const parent = target.parent?.code ?? null;
  const kind = !target.parent ? 'module' : target.parent.kind === 'module' ? 'procedure' : 'instruction';

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    request(NEXT, { parent }).then((r) => live && setCode(r.nextStandardCode ?? ''), (e: unknown) => live && setError(e));
    return () => { live = false; };
  }, [parent]);

  const at = (pointer: string) => issues.filter((i) => i.pointer === pointer).map((i) => i.message);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setIssues([]);
    try {
      const created = expect((await request(CREATE, { title, parent, code: code.trim() || null })).createStandard, 'StandardVersion');
      onClose();
      navigate(`/standards/${created.code}/edit`);
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'ValidationError' && e.issues.some((i) => ['/title', '/code', '/parent'].includes(i.pointer))) setIssues(e.issues);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="new-standard-dialog" aria-labelledby="new-standard-heading" onClose={onClose} data-testid="new-standard-dialog">
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <h2 id="new-standard-heading">{t('create.heading', { kind: term('kind', kind) })}</h2>
        {target.parent ? <p className="muted">{t('create.under', { parent: `${target.parent.code} ${target.parent.title}` })}</p> : null}
        <TextField label={t('create.title')} hint={t('create.titleHint')} value={title} onChange={setTitle} issues={at('/title')} testId="new-standard-title" />
        <TextField label={t('create.code')} hint={t('create.codeHint')} value={code} onChange={setCode} issues={[...at('/code'), ...at('/parent')]} testId="new-standard-code" />
        <p className="muted small">{t(kind === 'instruction' ? 'create.templateInstruction' : 'create.templateContainer')}</p>
        <ErrorNotice error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>{t('create.cancel')}</button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="new-standard-submit">{t('create.submit')}</button>
        </div>
      </form>
    </dialog>
  );
}
