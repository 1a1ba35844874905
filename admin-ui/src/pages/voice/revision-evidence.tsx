import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { QueryView } from '../../components/status.tsx';

const EVIDENCE = graphql(`query RevisionEvidence($id: Int!) { revisionEvidence(instanceId: $id) { __typename ...ErrorFields
  ... on QueryRevisionEvidenceSuccess { data { kind itemId text date projectId projectName label } } } }`, [ErrorFields]);

/**
 * What a standard revision was opened with — the customer feedback and findings — shown to the
 * person working on its task: texts, dates, projects, and links to the findings.
 */
export function RevisionEvidence({ instanceId }: { instanceId: number }) {
  const { t } = useI18n();
  const state = useQuery(async () => expect((await request(EVIDENCE, { id: instanceId })).revisionEvidence, 'QueryRevisionEvidenceSuccess').data, [instanceId]);
  return (
    <section className="revision-evidence" aria-labelledby="evidence-title" data-testid="revision-evidence">
      <h3 id="evidence-title">{t('loop.evidence')}</h3>
      <QueryView state={state}>
        {(items) => items.length === 0 ? <p className="muted">{t('loop.evidenceNone')}</p> : (
          <>
            <p className="small muted">{t('loop.evidenceIntro')} {t('loop.evidenceCount', { feedback: items.filter((i) => i.kind === 'feedback').length, findings: items.filter((i) => i.kind === 'finding').length })}</p>
            <ul className="evidence-list">
              {items.map((e) => (
                <li key={`${e.kind}-${e.itemId}`} data-testid={`evidence-${e.kind}`}>
                  <span className="small muted">{t(`loop.kind.${e.kind}`)} · {e.date} · {e.projectName}{e.label ? ` · ${e.label}` : ''}</span>
                  <div>{e.kind === 'finding' ? <Link to={`/findings/${e.itemId}`}>{e.text}</Link> : <q>{e.text}</q>}</div>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryView>
    </section>
  );
}
