import { evaluateAnswers, type Answer, type ItemResult } from '../../domain/checklists/evaluate.ts';
import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { Checklist, ChecklistItem, RoutineTier } from '../../domain/checklists/generate.ts';
import { reasonsJson } from '../../domain/findings/finding.repository.ts';
import { contentHash } from '../../domain/standards/content-hash.ts';
import { auditHash } from '../../domain/audit/audit.service.ts';
import { canonicalJson, type JsonValue } from '../../domain/shared/json.ts';
import { daysOf, stream, type Scale } from './plan.ts';
import type { Prepared, RectificationPath } from './prepare.ts';

/** A row to insert, by column name. */
export type Row = Record<string, unknown>;
export const TABLES = ['inspection', 'inspection_tally', 'finding', 'workflow_instance', 'workflow_task', 'audit_event'] as const;
export type Table = (typeof TABLES)[number];
export type Rows = Record<Table, Row[]>;

/** The rows the real code left for one rectification path: its instance and its tasks, and the finding it was opened for. */
export interface Template {
  finding: Row;
  instance: Row;
  tasks: Row[];
}

/** The next id of each table and the audit chain's tail, carried from project to project. */
export interface Cursor {
  inspection: number;
  finding: number;
  instance: number;
  task: number;
  audit: number;
  seq: number;
  hash: string;
}

/** The share of items that fail per tier (scaled per project by its own quality, 0.5–1.5). */
const FAIL_RATE: Record<RoutineTier, number> = { daily: 0.11, monthly: 0.15, quarterly: 0.1 };
const DAY = 86_400_000;

interface Judged {
  answer: Answer;
  json: string;
  result: ItemResult;
}

/**
 * Generates the rows of a data set, project by project, from seeded streams: every routine
 * inspection of the span (daily, the 1st of each month, the 1st of each quarter), judged by the real
 * rule (`evaluateAnswers`, once per distinct item and answer, memoised), tallied and turned into
 * findings the way `submitInspection` stores them, each major and critical finding's rectification
 * replayed from the rows the real workflow engine left for its path, and one audit row per
 * submission and per rectification, chained with the real audit hash.
 */
export class ScaleGenerator {
  private readonly judged = new Map<string, Judged>();
  /** answers generated so far (every item of every inspection) */
  answers = 0;
  private readonly days: string[];
  private readonly end: number;

  private readonly scale: Scale;
  private readonly prepared: Prepared;
  private readonly templates: Record<RectificationPath, Template>;

  constructor(scale: Scale, prepared: Prepared, templates: Record<RectificationPath, Template>) {
    this.scale = scale;
    this.prepared = prepared;
    this.templates = templates;
    this.days = daysOf(scale);
    this.end = Date.parse(`${this.days.at(-1)}T23:59:59Z`);
  }

  /** The real verdict on one item's passing or failing answer, memoised by item and answer. */
  judge(checklist: Checklist, item: ChecklistItem, fail: boolean): Judged {
    const key = `${item.id}\u0000${JSON.stringify(item.schema)}\u0000${item.evidence}\u0000${fail}`;
    let judged = this.judged.get(key);
    if (!judged) {
      const answer: Answer = fail ? { itemId: item.id, value: failingValue(item), photos: [this.prepared.photo] } : passingAnswers([item], [this.prepared.photo])[0];
      const result = evaluateAnswers({ ...checklist, items: [item] }, [answer]).results[0];
      judged = { answer, json: JSON.stringify(answer), result };
      this.judged.set(key, judged);
    }
    return judged;
  }

  /** Every row of one project (its index in `prepared.projects`), ids and audit positions taken from `cursor`. */
  project(index: number, cursor: Cursor): Rows {
    const rows: Rows = { inspection: [], inspection_tally: [], finding: [], workflow_instance: [], workflow_task: [], audit_event: [] };
    const random = stream(this.scale.seed, index);
    const project = this.prepared.projects[index];
    const quality = 0.5 + random();
    const lists = this.prepared.checklists.get(project.id)!;
    for (const day of this.days) {
      const tiers: RoutineTier[] = ['daily'];
      if (day.endsWith('-01')) tiers.push('monthly');
      if (/-(01|04|07|10)-01$/.test(day)) tiers.push('quarterly');
      for (const tier of tiers) this.inspection(rows, cursor, random, lists[tier], day, FAIL_RATE[tier] * quality);
    }
    return rows;
  }

  private inspection(rows: Rows, cursor: Cursor, random: () => number, checklist: Checklist, day: string, rate: number): void {
    const id = cursor.inspection++;
    const submittedAt = new Date(Date.parse(`${day}T01:00:00Z`) + Math.floor(random() * 8 * 3600_000));
    const judged = checklist.items.map((item) => this.judge(checklist, item, failingValue(item) !== null && random() < rate));
    const results = judged.map((j) => j.result);
    this.answers += judged.length;
    const applicable = results.filter((r) => r.status !== 'not-applicable');
    const passed = applicable.filter((r) => r.status === 'passed');
    const failed = applicable.filter((r) => r.status === 'failed');
    const weight = (rs: ItemResult[]) => rs.reduce((n, r) => n + r.item.weight, 0);
    const score = applicable.length === 0 ? 100 : Math.round((weight(passed) / weight(applicable)) * 1000) / 10;
    const inspector = this.prepared.inspector.username;
    const submission = `scale-${checklist.projectId}-${checklist.tier}-${day}`;
    const answers = judged.map((j) => j.answer).sort((a, b) => a.itemId.localeCompare(b.itemId));
    rows.inspection.push({
      id, organisation_id: this.prepared.organisationId, checklist_id: checklist.id, project_id: checklist.projectId, place_id: null, tier: checklist.tier, edition_name: checklist.edition,
      inspector, client_submission_id: submission, answers_hash: contentHash({ inspector, checklistId: checklist.id, placeId: null, inspectedOn: day, answers } as unknown as JsonValue),
      answers_json: `[${judged.map((j) => j.json).join(',')}]`, applicable: applicable.length, passed: passed.length, score: applicable.length ? score : null,
      execution_rate: applicable.length ? (applicable.length === 0 ? 1 : Math.round((passed.length / applicable.length) * 10000) / 10000) : null,
      variant_profile: checklist.variant?.profile ?? null, variant_version: checklist.variant?.version ?? null, finding_count: failed.length, inspected_on: day, submitted_at: submittedAt,
    });
    const tallies = new Map<string, { version: number; applicable: number; passed: number }>();
    for (const r of results) {
      const t = tallies.get(r.item.code) ?? { version: r.item.version, applicable: 0, passed: 0 };
      if (r.status !== 'not-applicable') t.applicable += 1;
      if (r.status === 'passed') t.passed += 1;
      tallies.set(r.item.code, t);
    }
    for (const [code, t] of tallies) rows.inspection_tally.push({ inspection_id: id, code, ...t });
    this.audit(rows, cursor, submittedAt, inspector, 'inspection.submitted', 'inspection', String(id), { checklistId: checklist.id, clientSubmissionId: submission, findings: failed.length, score });
    for (const r of failed) this.finding(rows, cursor, random, id, checklist, r, day, submittedAt);
  }

  private finding(rows: Rows, cursor: Cursor, random: () => number, inspectionId: number, checklist: Checklist, r: ItemResult, day: string, at: Date): void {
    const id = cursor.finding++;
    const item = r.item;
    const rectifies = item.severity === 'major' || item.severity === 'critical';
    // older findings were mostly worked through; the last month's are spread over the steps
    const path: RectificationPath | null = !rectifies ? null : this.end - at.getTime() > 30 * DAY ? (random() < 0.92 ? 'closed' : 'verification') : (['analysis', 'verification', 'closed'] as const)[Math.floor(random() * 3)];
    const finding: Row = {
      id, organisation_id: this.prepared.organisationId, inspection_id: inspectionId, project_id: checklist.projectId, place_id: null, item_id: item.id, code: item.code, version: item.version,
      module: item.module, item_key: item.key, title: item.title, severity: item.severity, weight: item.weight, expected_zh: item.criterion.zh, expected_en: item.criterion.en,
      actual_json: JSON.stringify(r.answer.value ?? null), reasons_json: reasonsJson(r.reasons), touchpoints: item.touchpoints,
      photos: item.input === 'photos' ? ((r.answer.value as string[]) ?? []) : (r.answer.photos ?? []), remark: r.answer.remark ?? null,
      status: path === null ? 'open' : path === 'closed' ? 'closed' : 'rectifying',
      rectify_due_at: item.rectifyWithinHours ? new Date(at.getTime() + item.rectifyWithinHours * 3600_000) : null, rectify_within_hours: item.rectifyWithinHours ?? null, found_on: day, created_at: at,
    };
    rows.finding.push(finding);
    if (path) this.rectification(rows, cursor, random, finding, path);
  }

  /**
   * Replays a path's template for a finding: the instance and its tasks with new ids, the finding's
   * facts in the process variables, and the times moved to the finding's — each step taking
   * hours where the template's took milliseconds, the deadlines kept as the process set them.
   */
  private rectification(rows: Rows, cursor: Cursor, random: () => number, finding: Row, path: RectificationPath): void {
    const template = this.templates[path];
    const id = cursor.instance++;
    const base = (template.instance.started_at as Date).getTime();
    const start = (finding.created_at as Date).getTime() + Math.floor(random() * 3600_000);
    const stretch = 200_000 + random() * 2_400_000;
    const moved = (t: unknown) => (t == null ? null : new Date(start + ((t as Date).getTime() - base) * stretch));
    const snapshot = JSON.parse(template.instance.snapshot_json as string);
    snapshot.context.variables = {
      ...snapshot.context.variables, findingId: finding.id, projectId: finding.project_id, itemId: finding.item_id, code: finding.code, version: finding.version,
      module: finding.module, title: finding.title, severity: finding.severity, actual: JSON.parse(finding.actual_json as string), rectifyWithinHours: finding.rectify_within_hours,
    };
    rows.workflow_instance.push({
      ...template.instance, id, business_key: `finding:${finding.id}`, snapshot_json: JSON.stringify(snapshot), project_id: finding.project_id, organisation_id: finding.organisation_id,
      started_at: new Date(start), updated_at: moved(template.instance.updated_at), ended_at: moved(template.instance.ended_at),
    });
    for (const task of template.tasks) {
      const created = moved(task.created_at)!;
      const due = task.due_at == null ? null : new Date(created.getTime() + (task.due_at as Date).getTime() - (task.created_at as Date).getTime());
      rows.workflow_task.push({ ...task, id: cursor.task++, instance_id: id, project_id: finding.project_id, organisation_id: finding.organisation_id, created_at: created, due_at: due, completed_at: moved(task.completed_at), claimed_at: moved(task.claimed_at) });
    }
    this.audit(rows, cursor, new Date(start), 'system', 'workflow.started', 'workflow-instance', String(id), { businessKey: `finding:${finding.id}`, key: 'rectification' });
  }

  private audit(rows: Rows, cursor: Cursor, occurredAt: Date, actor: string, action: string, subjectType: string, subjectKey: string, detail: Record<string, unknown>): void {
    const row = { id: cursor.audit++, occurredAt, actor, action, subjectType, subjectKey, detail: canonicalJson(detail as JsonValue), prevHash: cursor.hash };
    const hash = auditHash(row);
    cursor.seq += 1;
    rows.audit_event.push({ id: row.id, organisation_id: this.prepared.organisationId, seq: cursor.seq, occurred_at: occurredAt, actor, action, subject_type: subjectType, subject_key: subjectKey, detail: row.detail, prev_hash: row.prevHash, hash });
    cursor.hash = hash;
  }
}
