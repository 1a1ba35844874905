import { Badge } from '../../components/status.tsx';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** What the preview and the print view show of a checklist. */
export const ChecklistFields = graphql(`
  fragment ChecklistFields on Checklist { id project { id code name profile } tier scope edition period variantProfile variantVersion itemCount
    items { id code version module instructionTitle title description criterion { zh en } input unit options evidence severity weight method tiers touchpoints place rectifyWithinHours } }
`);

export type Checklist = ResultOf<typeof ChecklistFields>;
export type ChecklistItem = Checklist['items'][number];

/** Items grouped by the work instruction (and version) they come from, in checklist order. */
export function groupByInstruction(items: ChecklistItem[]): { code: string; version: number; title: string; items: ChecklistItem[] }[] {
  const groups: { code: string; version: number; title: string; items: ChecklistItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.code === item.code && last.version === item.version) last.items.push(item);
    else groups.push({ code: item.code, version: item.version, title: item.instructionTitle, items: [item] });
  }
  return groups;
}

/** A checklist's items, instruction by instruction, as the inspector's phone will show them. */
export function ChecklistItems({ checklist }: { checklist: Checklist }) {
  const { t, lang, term } = useI18n();
  let n = 0;
  return (
    <div className="checklist-groups">
      {groupByInstruction(checklist.items).map((g) => (
        <section key={`${g.code}@${g.version}`} className="checklist-group">
          <h3><code>{g.code}</code> {g.title} <small className="muted">v{g.version}</small></h3>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">#</th><th scope="col">{t('item.title')}</th><th scope="col">{t('item.criterion')}</th><th scope="col">{t('item.place')}</th><th scope="col">{t('item.method')}</th><th scope="col">{t('item.evidence')}</th><th scope="col">{t('item.severity')}</th><th scope="col">{t('item.weight')}</th></tr></thead>
              <tbody>
                {g.items.map((item) => (
                  <tr key={item.id}>
                    <td>{++n}</td>
                    <td>{item.title}{item.description ? <div className="muted small">{item.description}</div> : null}</td>
                    <td className="criterion">{lang === 'zh' ? item.criterion.zh : item.criterion.en}{item.options ? <div className="muted small">{item.options.join(' / ')}</div> : null}</td>
                    <td>{item.place ? term('place', item.place) : '—'}</td>
                    <td>{term('method', item.method)}</td>
                    <td>{term('evidence', item.evidence)}</td>
                    <td><Badge value={item.severity} prefix="severity" /></td>
                    <td>{item.weight}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
