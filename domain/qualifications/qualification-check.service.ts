import type { EntityManager } from '../shared/persistence.ts';
import type { Actor } from '../shared/access.ts';
import type { Message } from '../shared/messages.ts';
import { checkCertificate, type CertificateCheck } from './certificates.ts';
import { qualificationRepository } from './qualification.repository.ts';
import { qualificationMessage } from './qualification.messages.ts';
import { QualificationRequiredError } from './qualification-errors.ts';

/** What a check guards: a task or an inspection, and how messages name it. */
export interface CheckSubject {
  kind: 'task' | 'inspection';
  id: string;
  label: Message;
}

/**
 * Checks the actor's certificates against each required one on `day` and records every check
 * (passed or refused) on `em`. Returns the checks; the caller refuses with `refusalOf` when one failed.
 */
export async function checkQualifications(em: EntityManager, actor: Actor, organisationId: number, certificates: readonly string[], subject: CheckSubject, day: string): Promise<CertificateCheck[]> {
  if (certificates.length === 0) return [];
  const held = (await qualificationRepository.user(em, actor.username))?.qualifications ?? [];
  const checks = [...new Set(certificates)].map((c) => checkCertificate(held, c, day));
  const now = new Date();
  for (const c of checks) {
    await qualificationRepository.insertCheck(em, { organisationId, username: actor.username, subject: subject.kind, subjectId: subject.id, certificate: c.certificate, number: c.number, expiresOn: c.expiresOn, passed: c.passed, reason: c.reason, checkedAt: now });
  }
  return checks;
}

/** The typed error for the first failed check, naming the certificate and its expiry; null when all passed. */
export function refusalOf(checks: readonly CertificateCheck[], username: string, subject: CheckSubject): QualificationRequiredError | null {
  const failed = checks.find((c) => !c.passed);
  if (!failed) return null;
  const message = failed.reason === 'expired'
    ? qualificationMessage('qualification.expired', { username, certificate: failed.certificate, number: failed.number ?? '-', expiresOn: failed.expiresOn ?? '', subject: subject.label })
    : qualificationMessage('qualification.missing', { username, certificate: failed.certificate, subject: subject.label });
  return new QualificationRequiredError(message, failed);
}

/** A check as history and audit details keep it. */
export function checkDetail(c: CertificateCheck): Record<string, string | boolean | null> {
  return { certificate: c.certificate, number: c.number, expiresOn: c.expiresOn, passed: c.passed, reason: c.reason };
}
