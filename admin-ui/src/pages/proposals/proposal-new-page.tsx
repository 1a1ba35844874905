import { useMemo, useState, type FormEvent } from 'react';
import { serverProblems, formData, formProblems, formSchemaOf, SchemaForm, type FormSchema, type FormValue } from '../../components/schema-form.tsx';
import { ErrorNotice, QueryView } from '../../components/status.tsx';
import { ApiError, ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages/catalogue.ts';
import { navigate } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';

const FORM = graphql(`query ProposalForm { proposalForm }`);
const SUBMIT = graphql(`mutation SubmitProposal($input: ProposalInput!) { submitProposal(input: $input) { __typename ...ErrorFields ... on Proposal { id title } } }`, [ErrorFields]);

/** The proposal form: the server's schema (its limits), titled in the UI's language. */
function ProposalForm({ schema }: { schema: FormSchema }) {
  const { t } = useI18n();
  const [value, setValue] = useState<FormValue>({});
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const titled = useMemo<FormSchema>(() => ({
    ...schema,
    properties: Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, f]) => [k, { ...f, title: t(`proposal.field.${k}` as MessageKey) }])),
  }), [schema, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = formProblems(titled, value, t);
    if (typeof value.budget === 'number' && value.budget <= 0) local.budget = t('proposal.budgetPositive');
    setProblems(Object.fromEntries(Object.entries(local).map(([k, m]) => [k, [m]])));
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const done = expect((await request(SUBMIT, { input: formData(value) as never })).submitProposal, 'Proposal');
      navigate(`/proposals/${done.id}?submitted=1`);
    } catch (err) {
      const fields = serverProblems(err, t);
      if (fields) setProblems(fields);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card proposal-form" onSubmit={submit} noValidate data-testid="proposal-form">
      <SchemaForm schema={titled} value={value} problems={problems} disabled={busy} onField={(key, v) => {
        setProblems(({ [key]: _gone, ...rest }) => rest);
        setValue((prev) => ({ ...prev, [key]: v }));
      }} />
      <ErrorNotice error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="submit-proposal">{busy ? t('proposal.submitting') : t('proposal.submit')}</button>
    </form>
  );
}

/** `/proposals/new`: a frontline employee proposes an improvement; it starts the innovation-fund process. */
export function ProposalNewPage() {
  const { t } = useI18n();
  const state = useQuery(async () => formSchemaOf((await request(FORM, {})).proposalForm), []);
  return (
    <div className="page">
      <h1>{t('proposal.newTitle')}</h1>
      <p className="muted">{t('proposal.newIntro')}</p>
      <QueryView state={state}>{(schema) => (schema ? <ProposalForm schema={schema} /> : null)}</QueryView>
    </div>
  );
}
