import { useState } from 'react';
import { Empty, ErrorNotice, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';

const DATA = graphql(`
  query Qualifications {
    myQualificationWarnings { __typename ...ErrorFields ... on QueryMyQualificationWarningsSuccess { data { id holder certificate number expiresOn threshold } } }
    qualificationRequirements { __typename ...ErrorFields ... on QueryQualificationRequirementsSuccess { data { id subject target certificate } } }
    personCertificates { __typename ...ErrorFields ... on QueryPersonCertificatesSuccess { data { username displayName certificate number expiresOn status } } }
  }
`, [ErrorFields]);

const ADD = graphql(`
  mutation AddQualificationRequirement($s: String!, $t: String!, $c: String!) {
    addQualificationRequirement(subject: $s, target: $t, certificate: $c) { __typename ...ErrorFields ... on QualificationRequirement { id } }
  }
`, [ErrorFields]);

const REMOVE = graphql(`
  mutation RemoveQualificationRequirement($id: Int!) { removeQualificationRequirement(id: $id) { __typename ...ErrorFields ... on QualificationRequirement { id } } }
`, [ErrorFields]);

const STATUS_BADGE: Record<string, string> = { valid: 'badge-ok', expiring: 'badge-warn', expired: 'badge-danger' };

/** Qualifications (资质): one's expiry warnings, the certificates inspections require, and every person's certificates with their status. */
export function QualificationsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const state = useQuery(async () => {
    const d = await request(DATA, {});
    return {
      warnings: expect(d.myQualificationWarnings, 'QueryMyQualificationWarningsSuccess').data,
      requirements: expect(d.qualificationRequirements, 'QueryQualificationRequirementsSuccess').data,
      certificates: expect(d.personCertificates, 'QueryPersonCertificatesSuccess').data,
    };
  }, []);
  const [subject, setSubject] = useState('tier');
  const [target, setTarget] = useState('');
  const [certificate, setCertificate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const change = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
      state.reload();
    } catch (e) {
      setError(e);
    }
  };
  const add = () => change(async () => {
    expect((await request(ADD, { s: subject, t: target.trim(), c: certificate.trim() })).addQualificationRequirement, 'QualificationRequirement');
    setTarget('');
    setCertificate('');
  });
  const remove = (id: number) => change(async () => { expect((await request(REMOVE, { id })).removeQualificationRequirement, 'QualificationRequirement'); });
  return (
    <div className="page">
      <header className="page-head"><h1>{t('quals.title')}</h1></header>
      <p className="muted">{t('quals.intro')}</p>
      <QueryView state={state}>
        {(d) => (
          <>
            <section className="card">
              <h2>{t('quals.warnings')}</h2>
              {d.warnings.length === 0 ? <Empty>{t('quals.noWarnings')}</Empty> : (
                <ul data-testid="quals-warnings">
                  {d.warnings.map((w) => (
                    <li key={w.id} data-testid="quals-warning">{t(w.threshold === 'expired' ? 'quals.warning.expired' : 'quals.warning.soon', { holder: w.holder, certificate: w.certificate, expiresOn: w.expiresOn })}</li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card">
              <h2>{t('quals.requirements')}</h2>
              <div className="table-wrap">
                <table data-testid="quals-requirements">
                  <thead><tr><th scope="col">{t('quals.subject')}</th><th scope="col">{t('quals.target')}</th><th scope="col">{t('quals.certificate')}</th><th /></tr></thead>
                  <tbody>
                    {d.requirements.map((r) => (
                      <tr key={r.id} data-testid="quals-requirement">
                        <td>{t(r.subject === 'tier' ? 'quals.subject.tier' : 'quals.subject.document')}</td><td>{r.target}</td><td>{r.certificate}</td>
                        <td>{can('manageQualifications') ? <button type="button" className="btn btn-ghost" onClick={() => void remove(r.id)}>{t('quals.remove')}</button> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {can('manageQualifications') ? (
                <form className="field-row" onSubmit={(e) => { e.preventDefault(); void add(); }} data-testid="quals-add">
                  <label className="field"><span>{t('quals.subject')}</span>
                    <select value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="quals-subject">
                      <option value="tier">{t('quals.subject.tier')}</option>
                      <option value="document">{t('quals.subject.document')}</option>
                    </select>
                  </label>
                  <label className="field"><span>{t('quals.target')}</span><input value={target} onChange={(e) => setTarget(e.target.value)} placeholder="quarterly / M03.P06" data-testid="quals-target" /></label>
                  <label className="field"><span>{t('quals.certificate')}</span><input value={certificate} onChange={(e) => setCertificate(e.target.value)} data-testid="quals-certificate" /></label>
                  <div><button type="submit" className="btn btn-primary" data-testid="quals-add-save">{t('quals.add')}</button></div>
                </form>
              ) : null}
              <ErrorNotice error={error} />
            </section>
            <section className="card">
              <h2>{t('quals.people')}</h2>
              <div className="table-wrap">
                <table data-testid="quals-certificates">
                  <thead><tr><th scope="col">{t('quals.person')}</th><th scope="col">{t('quals.certificate')}</th><th scope="col">{t('quals.number')}</th><th scope="col">{t('quals.expiresOn')}</th><th scope="col">{t('quals.status')}</th></tr></thead>
                  <tbody>
                    {d.certificates.map((c) => (
                      <tr key={`${c.username}|${c.certificate}|${c.number ?? ''}`} data-testid="quals-certificate-row">
                        <td>{c.displayName}</td><td>{c.certificate}</td><td>{c.number ?? ''}</td><td>{c.expiresOn ?? t('quals.noExpiry')}</td>
                        <td><span className={`badge ${STATUS_BADGE[c.status] ?? ''}`}>{t(`quals.status.${c.status}` as 'quals.status.valid')}</span></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        )}
      </QueryView>
    </div>
  );
}
