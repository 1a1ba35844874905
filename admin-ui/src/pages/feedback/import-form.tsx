import { useState } from 'react';
import { ErrorNotice } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, requestWithFile, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';

const IMPORT = graphql(`
  mutation ImportFeedback($file: File!, $partial: Boolean) {
    importFeedback(file: $file, partial: $partial) { __typename ...ErrorFields
      ... on FeedbackImportReport { rows accepted refused duplicates imported partial items { row status sourceId feedbackId problems { column issue { message } } } }
    }
  }
`, [ErrorFields]);
type Report = Extract<ResultOf<typeof IMPORT>['importFeedback'], { __typename: 'FeedbackImportReport' }>;

const STATUS_BADGE: Record<string, string> = { accepted: 'badge-ok', refused: 'badge-danger', duplicate: 'badge-review' };

/** Importing a call centre's export, with the report of every row that was not simply accepted. */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [partial, setPartial] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<Report | null>(null);
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const result = expect((await requestWithFile(IMPORT, { partial }, file)).importFeedback, 'FeedbackImportReport');
      setReport(result);
      if (result.imported > 0) onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const shown = report?.items.filter((i) => i.status !== 'accepted' || report.items.length <= 20) ?? [];
  return (
    <details className="card" data-testid="feedback-import">
      <summary><h2 className="inline">{t('feedback.import')}</h2></summary>
      <p className="muted small">{t('feedback.importHelp')}</p>
      <form className="field-row" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label className="field"><span>{t('feedback.file')}</span><input type="file" accept=".xlsx,.csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="import-file" /></label>
        <label className="checkbox"><input type="checkbox" checked={partial} onChange={(e) => setPartial(e.target.checked)} data-testid="import-partial" /> {t('feedback.partial')}</label>
        <button type="submit" className="btn btn-primary" disabled={!file || busy} data-testid="import-run">{busy ? t('feedback.importing') : t('feedback.importRun')}</button>
      </form>
      <ErrorNotice error={error} />
      {report ? (
        <>
          <p className="notice" role="status" data-testid="import-summary">{t('feedback.report', { rows: report.rows, accepted: report.accepted, refused: report.refused, duplicates: report.duplicates, imported: report.imported })}</p>
          {shown.length > 0 ? (
            <div className="table-wrap">
              <table data-testid="import-report">
                <thead><tr><th scope="col">{t('feedback.row')}</th><th scope="col">{t('feedback.sourceId')}</th><th scope="col">{t('feedback.status')}</th><th scope="col">{t('feedback.problems')}</th></tr></thead>
                <tbody>
                  {shown.map((i) => (
                    <tr key={i.row} data-testid="import-row">
                      <td>{i.row}</td>
                      <td>{i.sourceId ?? '—'}</td>
                      <td><span className={`badge ${STATUS_BADGE[i.status]}`}>{t(`feedback.status.${i.status}`)}</span></td>
                      <td>{i.problems.map((p) => `${p.column}：${p.issue.message}`).join('；')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </details>
  );
}
