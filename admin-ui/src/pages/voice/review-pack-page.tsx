import { useState } from 'react';
import { download, ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { ErrorNotice, QueryView } from '../../components/status.tsx';

const PACK = graphql(`query ReviewPack($code: String!, $since: String) { reviewPack(standardCode: $code, since: $since) { __typename ...ErrorFields
  ... on ReviewPack { code title version since findings feedback items { key title touchpoints findings feedback months { month findings feedback } topTexts { kind itemId text date projectName } } } } }`, [ErrorFields]);

/**
 * `/standards/<code>/review-pack`: the standard's quarterly review pack (评审资料) — per item, the
 * findings against it and the customer feedback touching it since a day (by default the
 * publication of its current version), by month, with the texts to read first; and as a workbook.
 */
export function ReviewPackPage({ code }: { code: string }) {
  const { t } = useI18n();
  const since = useLocation().query.get('since');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const state = useQuery(async () => expect((await request(PACK, { code, since })).reviewPack, 'ReviewPack'), [code, since]);
  return (
    <div className="page" data-testid="review-pack">
      <p className="small"><Link to={`/standards/${code}`}>{t('loop.backToStandard')}</Link></p>
      <h1>{t('loop.reviewPackTitle', { code })}</h1>
      <QueryView state={state}>
        {(pack) => (
          <>
            <p className="muted">{pack.title} · {t('loop.reviewPackIntro', { since: pack.since })}</p>
            <div className="filters" role="group">
              <label className="field inline-field">
                <span>{t('loop.since')}</span>
                <input type="date" value={pack.since} data-testid="pack-since" onChange={(e) => setQuery({ since: e.target.value || null })} />
              </label>
              <button type="button" className="btn" data-testid="pack-download" onClick={() => download(`/standards/${encodeURIComponent(code)}/review-pack.xlsx?since=${pack.since}`, `review-pack_${code}.xlsx`).catch(setDownloadError)}>{t('loop.download')}</button>
            </div>
            <ErrorNotice error={downloadError} />
            <p data-testid="pack-totals">{t('loop.totals', { findings: pack.findings, feedback: pack.feedback, version: pack.version })}</p>
            <div className="table-scroll">
              <table className="table" data-testid="pack-table">
                <thead><tr><th>{t('loop.item')}</th><th>{t('loop.findings')}</th><th>{t('loop.feedback')}</th><th>{t('loop.trend')}</th><th>{t('loop.topTexts')}</th></tr></thead>
                <tbody>
                  {pack.items.map((i) => (
                    <tr key={i.key} data-testid={`pack-item-${i.key}`}>
                      <td><strong>{i.title}</strong><div className="small muted"><code>{i.key}</code>{i.touchpoints.length ? ` · ${i.touchpoints.join('、')}` : ''}</div></td>
                      <td className="num" data-testid="pack-findings">{i.findings}</td>
                      <td className="num" data-testid="pack-feedback">{i.feedback}</td>
                      <td className="small">{i.months.map((m) => `${m.month.slice(5)}月 ${m.findings}/${m.feedback}`).join(' · ')}</td>
                      <td className="small">
                        <ul className="link-list">
                          {i.topTexts.map((x) => (
                            <li key={`${x.kind}-${x.itemId}`}>{t(`loop.kind.${x.kind}`)} {x.date} {x.projectName}：{x.kind === 'finding' ? <Link to={`/findings/${x.itemId}`}>{x.text}</Link> : <q>{x.text}</q>}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}
