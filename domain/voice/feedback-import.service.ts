/**
 * Bulk import of feedback from a call centre's export (.xlsx or CSV): every row checked and
 * reported — accepted, refused (why, in which column) or a duplicate of an item already held.
 * Atomic by default: one refused row and nothing is imported (the report says what to fix);
 * `partial` imports the good rows. Duplicates are skipped either way: importing an export twice adds nothing.
 */
import { authorize } from '../shared/access.ts';
import { ValidationError, issue, type Issue } from '../shared/errors.ts';
import type { Message } from '../shared/messages.ts';
import { REPETITION_WINDOW_DAYS } from './analysis/types.ts';
import { inTransaction } from '../shared/persistence.ts';
import type { JobsContext, ServiceContext } from '../shared/service-context.ts';
import { scopeOf } from '../organisations/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { IProject } from '../projects/project.entity.ts';
import type { IFeedback } from './feedback.entity.ts';
import { feedbackMessage } from './feedback.messages.ts';
import { feedbackRepository } from './feedback.repository.ts';
import { feedbackIssues, normalised, type FeedbackInput } from './feedback-rules.ts';
import { afterFeedbackStored, analyseFeedback, feedbackRow } from './feedback.service.ts';
import { cellText, channelOf, IMPORT_LIMITS, mapHeaders, parseTime, readTable, REQUIRED_FIELDS, type ImportField, type Table } from './feedback-import.ts';

export type RowStatus = 'accepted' | 'refused' | 'duplicate';

/** What became of one row of the file. */
export interface ImportRow {
  /** the row's number in the file (the header is row 1 when it is the first) */
  row: number;
  status: RowStatus;
  sourceId: string | null;
  /** the stored item (accepted rows that were imported) */
  feedbackId: number | null;
  /** why the row was refused: each problem with the file's column header it lies in */
  problems: { column: string; issue: Issue }[];
}

export interface ImportReport {
  fileName: string;
  rows: number;
  accepted: number;
  refused: number;
  duplicates: number;
  /** how many items were stored (0 when an atomic import met a refused row) */
  imported: number;
  partial: boolean;
  items: ImportRow[];
}

type Candidate = { row: number; input: FeedbackInput | null; project: IProject | null; problems: ImportRow['problems'] };

function refuse(message: Message): never {
  throw new ValidationError(message, [issue('/file', message)]);
}

/** How many of the ascending times lie in [at - window, at). */
function inWindowBefore(times: readonly number[], at: number): number {
  const lowerBound = (value: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lowerBound(at) - lowerBound(at - REPETITION_WINDOW_DAYS * 86_400_000);
}

/** The table in the file, within the limits, with every required column; else a ValidationError about the file. */
function tableOf(name: string, bytes: Uint8Array): { table: Table; columns: Map<ImportField, number> } {
  if (bytes.length > IMPORT_LIMITS.maxBytes) refuse(feedbackMessage('import.too_large', { bytes: bytes.length, limit: IMPORT_LIMITS.maxBytes }));
  let table: Table;
  try {
    table = readTable(bytes);
  } catch (error) {
    refuse(feedbackMessage('import.broken', { name, reason: error instanceof Error ? error.message : String(error) }));
  }
  if (table.rows.length === 0) refuse(feedbackMessage('import.empty', { name }));
  if (table.rows.length > IMPORT_LIMITS.maxRows) refuse(feedbackMessage('import.too_many_rows', { rows: table.rows.length, limit: IMPORT_LIMITS.maxRows }));
  const columns = mapHeaders(table.headers);
  const missing = REQUIRED_FIELDS.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    throw new ValidationError(feedbackMessage('import.columns_missing', { names: missing }), missing.map((f) => issue(`/columns/${f}`, feedbackMessage('import.column_missing', { name: f }))));
  }
  return { table, columns };
}

/** A row read into an input (or the problems that stop it), its project resolved by code or name. */
function candidateOf(table: Table, columns: Map<ImportField, number>, projects: Map<string, IProject>, entry: Table['rows'][number], now: Date): Candidate {
  const header = (f: ImportField) => table.headers[columns.get(f)!] ?? f;
  const cell = (f: ImportField) => (columns.has(f) ? entry.cells[columns.get(f)!] ?? null : null);
  const problems: Candidate['problems'] = [];
  const projectName = cellText(cell('project'));
  const project = projects.get(projectName.toUpperCase()) ?? projects.get(projectName) ?? null;
  if (!project) problems.push({ column: header('project'), issue: issue('/project', feedbackMessage('feedback.project_unknown', { value: projectName })) });
  const receivedAt = parseTime(cell('receivedAt'));
  if (!receivedAt) problems.push({ column: header('receivedAt'), issue: issue('/receivedAt', feedbackMessage('feedback.time_invalid', { value: cellText(cell('receivedAt')) })) });
  const input: FeedbackInput = {
    projectId: project?.id ?? 0, channel: channelOf(cellText(cell('channel'))), receivedAt: receivedAt ?? new Date(), text: cellText(cell('text')),
    place: cellText(cell('place')), contact: cellText(cell('contact')), sourceId: cellText(cell('sourceId')),
  };
  for (const found of feedbackIssues(input, now)) {
    if (found.pointer === '/receivedAt' && !receivedAt) continue;
    const field = found.pointer.slice(1) as ImportField;
    problems.push({ column: columns.has(field) ? header(field) : field, issue: found });
  }
  return { row: entry.row, input: problems.length === 0 ? normalised(input) : null, project, problems };
}

/**
 * Imports a file of feedback into the caller's organisation (permission importFeedback; projects
 * by code or name among those the caller reaches). Returns the per-row report; the file as a whole
 * (too large, unreadable, missing columns) is a ValidationError.
 */
export async function importFeedback(ctx: JobsContext, file: { name: string; bytes: Uint8Array }, options: { partial?: boolean | null } = {}): Promise<ImportReport> {
  const actor = authorize(ctx.actor, 'importFeedback');
  const partial = options.partial === true;
  const { table, columns } = tableOf(file.name, file.bytes);
  const reachable = await feedbackRepository.projectsOf(ctx.em, scopeOf(actor, 'importFeedback'));
  const projects = new Map<string, IProject>();
  for (const p of reachable) projects.set(p.code.toUpperCase(), p).set(p.name, p);
  const now = new Date();
  const candidates = table.rows.map((entry) => candidateOf(table, columns, projects, entry, now));
  const organisationId = reachable[0]?.organisationId ?? actor.organisationId ?? 0;
  const held = await feedbackRepository.existingSourceIds(ctx.em, organisationId, candidates.flatMap((c) => (c.input?.sourceId ? [c.input.sourceId] : [])));
  const seen = new Set<string>();
  const items: ImportRow[] = candidates.map((c) => {
    const sourceId = c.input?.sourceId ?? null;
    const duplicate = sourceId !== null && (held.has(sourceId) || seen.has(sourceId));
    if (sourceId) seen.add(sourceId);
    return { row: c.row, status: c.problems.length > 0 ? 'refused' : duplicate ? 'duplicate' : 'accepted', sourceId, feedbackId: null, problems: c.problems };
  });
  const refused = items.filter((i) => i.status === 'refused').length;
  const accepted = candidates.filter((_c, i) => items[i].status === 'accepted');
  const report = { fileName: file.name, rows: items.length, accepted: accepted.length, refused, duplicates: items.filter((i) => i.status === 'duplicate').length, imported: 0, partial, items };
  if ((refused > 0 && !partial) || accepted.length === 0) return report;
  const stored = await storeRows(ctx, accepted, file.name, report);
  stored.forEach(({ row, id }) => (items.find((i) => i.row === row)!.feedbackId = id));
  report.imported = stored.length;
  await afterFeedbackStored(ctx, await feedbackRepository.findMany(ctx.em, stored.map((s) => s.id)));
  return report;
}

/** Stores the accepted rows in time order in one transaction (repetition counts the earlier ones of the file), with the audit event. */
async function storeRows(ctx: ServiceContext, accepted: Candidate[], fileName: string, report: Omit<ImportReport, 'items'>): Promise<{ row: number; id: number }[]> {
  const actor = ctx.actor!;
  const ordered = [...accepted].sort((a, b) => a.input!.receivedAt.getTime() - b.input!.receivedAt.getTime());
  return inTransaction(ctx.em, async (em) => {
    const rows: Parameters<typeof feedbackRepository.insertMany>[1] = [];
    const earlier = new Map<string, number[]>();
    const now = new Date();
    for (const c of ordered) {
      const input = c.input!;
      const at = input.receivedAt.getTime();
      // items of the file itself received in the window before this one repeat it too
      const analysis = await analyseFeedback(em, c.project!.id, input.text, input.receivedAt, (type) => inWindowBefore(earlier.get(`${c.project!.id}/${type}`) ?? [], at));
      const key = `${c.project!.id}/${analysis.problemType}`;
      if (!earlier.has(key)) earlier.set(key, []);
      earlier.get(key)!.push(at);
      rows.push(feedbackRow(c.project!, input, analysis, actor, now));
    }
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 500) ids.push(...(await feedbackRepository.insertMany(em, rows.slice(i, i + 500))));
    const organisationId = ordered[0].project!.organisationId;
    await appendAudit(em, { ...actor, organisationId }, { action: 'feedback.imported', subjectType: 'feedback_import', subjectKey: fileName, detail: { rows: report.rows, accepted: report.accepted, refused: report.refused, duplicates: report.duplicates, imported: ids.length, partial: report.partial } });
    return ordered.map((c, i) => ({ row: c.row, id: ids[i] }));
  });
}
