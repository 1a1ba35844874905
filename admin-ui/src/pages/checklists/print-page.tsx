import { QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { ChecklistFields, groupByInstruction } from './checklist-items.tsx';

const BY_ID = graphql(`query ChecklistById($id: String!) { checklistById(id: $id) { __typename ...ErrorFields ...ChecklistFields } }`, [ErrorFields, ChecklistFields]);

/** A checklist laid out for paper: one row per item with boxes to tick, a signature line. */
export function PrintChecklistPage({ id }: { id: string }) {
  const { t, lang, term } = useI18n();
  const state = useQuery(async () => expect((await request(BY_ID, { id })).checklistById, 'Checklist'), [id]);
  return (
    <div className="print-page">
      <QueryView state={state}>
        {(c) => {
          let n = 0;
          return (
            <article data-testid="print-checklist">
              <div className="print-toolbar no-print">
                <Link className="btn" to={`/checklists?projectId=${c.project.id}&tier=${c.tier}${c.scope ? `&scope=${c.scope}` : ''}${c.period ? `&date=${c.period}-01` : ''}`}>← {t('print.back')}</Link>
                <button type="button" className="btn btn-primary" onClick={() => window.print()}>{t('print.print')}</button>
              </div>
              <header>
                <h1>{c.project.name} · {term('tier', c.tier)} {t('print.checklist')}</h1>
                <p>{t('checklists.meta', { edition: c.edition, count: c.itemCount, scope: c.scope || t('checklists.allModules') })}{c.period ? ` · ${t('checklists.period', { period: c.period })}` : ''}{c.variantProfile ? ` · ${t('checklists.variant', { profile: term('profile', c.variantProfile), version: c.variantVersion ?? '' })}` : ''}</p>
                <p className="print-fields">{t('print.inspector')} ________　{t('print.date')} ________　{t('print.place')} ________</p>
              </header>
              <table className="print-table">
                <thead><tr><th>#</th><th>{t('item.title')}</th><th>{t('item.criterion')}</th><th>{t('print.result')}</th><th>{t('print.actual')}</th></tr></thead>
                {groupByInstruction(c.items).map((g) => (
                  <tbody key={`${g.code}@${g.version}`}>
                    <tr className="print-group"><th colSpan={5}>{g.code} {g.title} (v{g.version})</th></tr>
                    {g.items.map((item) => (
                      <tr key={item.id}>
                        <td>{++n}</td>
                        <td>{item.title}</td>
                        <td>{lang === 'zh' ? item.criterion.zh : item.criterion.en}</td>
                        <td className="boxes">☐ {t('print.pass')}　☐ {t('print.fail')}　☐ {t('print.na')}</td>
                        <td />
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
              <footer className="print-footer">
                <p>{t('print.signature')} ____________________</p>
                <p className="small">{t('checklists.id')} {c.id}</p>
              </footer>
            </article>
          );
        }}
      </QueryView>
    </div>
  );
}
