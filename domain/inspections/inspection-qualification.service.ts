import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import type { Actor } from '../shared/access.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Checklist } from '../checklists/generate.ts';
import type { CertificateCheck } from '../qualifications/certificates.ts';
import { checkDetail, checkQualifications, refusalOf } from '../qualifications/qualification-check.service.ts';
import { qualificationMessage } from '../qualifications/qualification.messages.ts';
import { qualificationRepository } from '../qualifications/qualification.repository.ts';
import type { IQualificationRequirement } from '../qualifications/qualification.entity.ts';

/**
 * Whether a requirement applies to a checklist: its tier, or an inspection of a module or document —
 * a checklist scoped to it or to one of its sub-documents. A round that only samples a few of the
 * document's items among the whole library's does not need the specialist's certificate.
 */
export function appliesTo(r: Pick<IQualificationRequirement, 'subject' | 'target'>, checklist: Pick<Checklist, 'tier' | 'scope'>): boolean {
  if (r.subject === 'tier') return r.target === checklist.tier;
  const scope = checklist.scope;
  return Boolean(scope) && (scope === r.target || scope.startsWith(`${r.target}.`));
}

/**
 * Checks the inspector's certificates against the organisation's requirements for the checklist on
 * the inspection's day. A refusal is recorded (checks and audit trail) in its own transaction and
 * thrown; passed checks are returned for the inspection's own audit record.
 */
export async function assertInspectorQualified(em: EntityManager, actor: Actor, checklist: Pick<Checklist, 'id' | 'tier' | 'scope'>, submissionId: string, day: string): Promise<CertificateCheck[]> {
  if (actor.organisationId === null) return [];
  const organisationId = actor.organisationId;
  const required = (await qualificationRepository.requirements(em, organisationId)).filter((r) => appliesTo(r, checklist)).map((r) => r.certificate);
  if (required.length === 0) return [];
  const subject = { kind: 'inspection' as const, id: submissionId, label: qualificationMessage('qualification.subject_inspection') };
  // the refusal commits with its audit record; the error is thrown after
  const checks = await inTransaction(em, async (tx) => {
    const done = await checkQualifications(tx, actor, organisationId, required, subject, day);
    if (done.some((c) => !c.passed)) {
      await appendAudit(tx, actor, { action: 'inspection.qualification_refused', subjectType: 'checklist', subjectKey: checklist.id, detail: { clientSubmissionId: submissionId, checks: done.map(checkDetail) } });
    }
    return done;
  });
  const refusal = refusalOf(checks, actor.username, subject);
  if (refusal) throw refusal;
  return checks;
}
