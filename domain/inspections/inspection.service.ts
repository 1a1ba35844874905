import { inTransaction, forkOf, isUniqueViolation } from '../shared/persistence.ts';
import { inspectionRepository } from './inspection.repository.ts';
import { evaluateAnswers, type Answer } from '../checklists/evaluate.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { editionMessage } from '../editions/edition.messages.ts';
import { inspectionMessage } from './inspection.messages.ts';
import type { JsonValue } from '../shared/json.ts';
import { contentHash } from '../standards/content-hash.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize } from '../shared/access.ts';
import { scopeOf, visibleOr } from '../organisations/scope.ts';
import { findingRepository, reasonsJson } from '../findings/finding.repository.ts';
import type { IInspection } from './inspection.entity.ts';
import { photoRepository } from '../photos/photo.repository.ts';
import { projectRepository } from '../projects/project.repository.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { JobsContext } from '../shared/service-context.ts';
import { getChecklistById, todayInChina } from '../checklists/checklist.service.ts';
import { isAssessmentTier } from '../checklists/generate.ts';
import { requireDates } from '../shared/dates.ts';
import { requireRecentDay } from './inspection-day.ts';
import { retirementRepository } from '../editions/retirement.repository.ts';
import { assertInspectorQualified } from './inspection-qualification.service.ts';
import { checkDetail } from '../qualifications/qualification-check.service.ts';

export interface SubmitArgs {
  checklistId: string;
  /** chosen by the phone once per inspection; a retry with it returns the first result */
  clientSubmissionId: string;
  answers: Answer[];
  placeId?: number | null;
  /** YYYY-MM-DD, the day of the inspection; today when omitted */
  inspectedOn?: string | null;
}

export interface SubmitResult {
  inspection: IInspection;
  /** true when this was a retry of a submission already stored */
  replayed: boolean;
}

function sameSubmission(existing: IInspection, hash: string, inspector: string): SubmitResult {
  if (existing.inspector !== inspector) throw new ConflictError(inspectionMessage('inspection.submission_id_taken', { id: existing.clientSubmissionId }));
  if (existing.answersHash !== hash) {
    throw new ConflictError(inspectionMessage('inspection.submission_id_reused', { id: existing.clientSubmissionId, inspection: existing.id }));
  }
  return { inspection: existing, replayed: true };
}


/**
 * Submits an inspection: idempotent on `clientSubmissionId` (an offline phone retries; the same
 * answers return the first result, different ones are a ConflictError). The answers are validated
 * against the checklist's pinned schemas; every failed constraint becomes a finding naming the
 * standard version and item. One transaction: nothing partial is stored.
 */
export async function submitInspection(ctx: JobsContext, args: SubmitArgs): Promise<SubmitResult> {
  const actor = authorize(ctx.actor, 'inspect');
  const id = args.clientSubmissionId?.trim() ?? '';
  if (id.length === 0 || id.length > 128) throw new ValidationError(inspectionMessage('inspection.submission_id_required'), [issue('/clientSubmissionId', inspectionMessage('inspection.submission_id_rule'))]);
  requireDates({ inspectedOn: args.inspectedOn });
  const inspectedOn = args.inspectedOn ?? todayInChina();
  // What the phone sent, and who sent it: a retry after midnight is the same submission.
  const hash = contentHash({ inspector: actor.username, checklistId: args.checklistId, placeId: args.placeId ?? null, inspectedOn: args.inspectedOn ?? null, answers: [...args.answers].sort((a, b) => a.itemId.localeCompare(b.itemId)) } as unknown as JsonValue);
  const existing = await inspectionRepository.findBySubmission(ctx.em, actor.organisationId, id);
  if (existing) return sameSubmission(existing, hash, actor.username);
  requireRecentDay('inspectedOn', inspectedOn, todayInChina());

  // only a checklist of a project the inspector may inspect (held on it, its region or the organisation)
  const { checklist } = await getChecklistById(ctx.em, args.checklistId, scopeOf(actor, 'inspect'));
  // a scenario assessment or mystery audit is taken by an assessor
  if (isAssessmentTier(checklist.tier)) authorize(actor, 'runAssessments');
  const retired = await retirementRepository.find(ctx.em, checklist.edition);
  if (retired) throw new ConflictError(editionMessage('edition.retired_fetch_current', { edition: checklist.edition, date: retired.retiredAt.toISOString().slice(0, 10), note: retired.note }));
  if (args.placeId != null && !(await projectRepository.findPlace(ctx.em, args.placeId, checklist.projectId))) {
    throw new ValidationError(inspectionMessage('inspection.place_not_in_project'), [issue('/placeId', inspectionMessage('inspection.place_other_project', { place: args.placeId, project: checklist.projectId }))]);
  }
  const qualifications = await assertInspectorQualified(ctx.em, actor, checklist, id, inspectedOn);
  const photoIds = [...new Set(args.answers.flatMap((a) => [...(a.photos ?? []), ...(Array.isArray(a.value) ? (a.value as unknown[]).filter((v): v is string => typeof v === 'string') : [])]))];
  const known = await photoRepository.existing(ctx.em, photoIds);
  const evaluation = evaluateAnswers(checklist, args.answers, (photo) => known.has(photo));

  try {
    return await inTransaction(ctx.em, async (em) => {
      // checked again inside the transaction: a retirement may have committed meanwhile
      if (await retirementRepository.find(em, checklist.edition)) throw new ConflictError(editionMessage('edition.retired_meanwhile', { edition: checklist.edition }));
      const now = new Date();
      const inspection = await inspectionRepository.insert(em, {
        checklistId: checklist.id, projectId: checklist.projectId, placeId: args.placeId ?? null, tier: checklist.tier, editionName: checklist.edition,
        inspector: actor.username, clientSubmissionId: id, answersHash: hash, answersJson: JSON.stringify(args.answers),
        applicable: evaluation.applicable, passed: evaluation.passed, score: evaluation.applicable ? evaluation.score : null, executionRate: evaluation.applicable ? evaluation.executionRate : null,
        variantProfile: checklist.variant?.profile ?? null, variantVersion: checklist.variant?.version ?? null,
        findingCount: evaluation.failed.length, inspectedOn, submittedAt: now,
      });
      const tallies = new Map<string, { version: number; applicable: number; passed: number }>();
      for (const r of evaluation.results) {
        const t = tallies.get(r.item.code) ?? { version: r.item.version, applicable: 0, passed: 0 };
        if (r.status !== 'not-applicable') t.applicable += 1;
        if (r.status === 'passed') t.passed += 1;
        tallies.set(r.item.code, t);
      }
      await inspectionRepository.insertTallies(em, inspection.id, [...tallies].map(([code, t]) => ({ code, ...t })));
      findingRepository.insertAll(em, evaluation.failed.map((r) => ({
        inspectionId: inspection.id, projectId: checklist.projectId, placeId: args.placeId ?? null, itemId: r.item.id, code: r.item.code, version: r.item.version,
        module: r.item.module, itemKey: r.item.key, title: r.item.title, severity: r.item.severity, weight: r.item.weight,
        expectedZh: r.item.criterion.zh, expectedEn: r.item.criterion.en, actualJson: JSON.stringify(r.answer.value ?? null), reasonsJson: reasonsJson(r.reasons),
        touchpoints: r.item.touchpoints, photos: r.item.input === 'photos' ? ((r.answer.value as string[]) ?? []) : (r.answer.photos ?? []), remark: r.answer.remark ?? null,
        status: 'open', rectifyDueAt: r.item.rectifyWithinHours ? new Date(now.getTime() + r.item.rectifyWithinHours * 3600_000) : null, rectifyWithinHours: r.item.rectifyWithinHours ?? null, foundOn: inspectedOn, createdAt: now,
      })));
      await appendAudit(em, actor, { action: 'inspection.submitted', subjectType: 'inspection', subjectKey: String(inspection.id), detail: { checklistId: checklist.id, clientSubmissionId: id, findings: evaluation.failed.length, score: evaluation.score, ...(qualifications.length ? { qualifications: qualifications.map(checkDetail) } : {}) } });
      // major and critical findings open their rectification right after the commit, through the job queue
      if (evaluation.failed.some((r) => r.item.severity === 'major' || r.item.severity === 'critical')) {
        await ctx.jobs.enqueue(em, [{ kind: 'open-rectifications', inspectionId: inspection.id }]);
      }
      return { inspection, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request with the same clientSubmissionId won the race: answer as its retry.
    const winner = await inspectionRepository.findBySubmission(forkOf(ctx.em), actor.organisationId, id);
    if (!winner) throw error;
    return sameSubmission(winner, hash, actor.username);
  }
}

export async function getInspection(ctx: ServiceContext, id: number): Promise<IInspection> {
  const scope = scopeOf(ctx.actor, 'readInspections');
  return visibleOr(scope, await inspectionRepository.find(ctx.em, id), () => new NotFoundError(inspectionMessage('inspection.not_found', { id }), String(id)));
}
