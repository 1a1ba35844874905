import { ConflictError, NotFoundError, ValidationError, issue, type Issue } from '../shared/errors.ts';
import { authorize } from '../shared/access.ts';
import { isCalendarDate } from '../shared/dates.ts';
import { isUniqueViolation } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { IUser, Qualification } from '../users/user.entity.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { checkCertificate, warningsDue, type CheckReason } from './certificates.ts';
import { qualificationRepository } from './qualification.repository.ts';
import { qualificationMessage } from './qualification.messages.ts';
import type { IQualificationRequirement, IQualificationWarning } from './qualification.entity.ts';

export const REQUIREMENT_SUBJECTS = ['tier', 'document'] as const;
const MAX_TEXT = 128;

/** The qualification requirements of the caller's organisation. */
export function listRequirements(ctx: ServiceContext): Promise<IQualificationRequirement[]> {
  const actor = authorize(ctx.actor, 'readTraining');
  return qualificationRepository.requirements(ctx.em, actor.organisationId);
}

/** Adds a requirement: inspections of a tier, or covering a module or document, need a certificate. */
export async function addRequirement(ctx: ServiceContext, input: { subject: string; target: string; certificate: string }): Promise<IQualificationRequirement> {
  const actor = authorize(ctx.actor, 'manageQualifications');
  const issues: Issue[] = [];
  if (!(REQUIREMENT_SUBJECTS as readonly string[]).includes(input.subject)) issues.push(issue('/subject', qualificationMessage('qualification.subject_unknown', { subject: String(input.subject).slice(0, 32) })));
  for (const key of ['target', 'certificate'] as const) if (!input[key]?.trim() || input[key].length > MAX_TEXT) issues.push(issue(`/${key}`, qualificationMessage('qualification.required')));
  if (issues.length > 0) throw new ValidationError(qualificationMessage('qualification.requirement_invalid'), issues);
  try {
    return await qualificationRepository.insertRequirement(ctx.em, { organisationId: actor.organisationId!, subject: input.subject, target: input.target.trim(), certificate: input.certificate.trim(), createdBy: actor.username, createdAt: new Date() });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError(qualificationMessage('qualification.requirement_exists', { target: input.target.trim(), certificate: input.certificate.trim() }));
  }
}

/** Removes a requirement of the caller's organisation (another's answers as missing). */
export async function removeRequirement(ctx: ServiceContext, id: number): Promise<IQualificationRequirement> {
  const actor = authorize(ctx.actor, 'manageQualifications');
  const row = await qualificationRepository.findRequirement(ctx.em, id);
  if (!row || (actor.organisationId !== null && row.organisationId !== actor.organisationId)) throw new NotFoundError(qualificationMessage('qualification.requirement_not_found', { id }), String(id));
  await qualificationRepository.removeRequirement(ctx.em, row);
  return row;
}

/** A person's certificate with its status today. */
export interface CertificateStatus extends Qualification {
  username: string;
  displayName: string;
  status: CheckReason | 'expiring';
}

/** Every certificate of the organisation's people, with its status today (valid, expiring within 30 days, expired). */
export async function peopleCertificates(ctx: ServiceContext): Promise<CertificateStatus[]> {
  const actor = authorize(ctx.actor, 'readTraining');
  const today = todayInChina();
  const people = actor.organisationId === null ? [] : await qualificationRepository.people(ctx.em, actor.organisationId);
  return people.flatMap((u) => (u.qualifications ?? []).map((q) => {
    const expiring = warningsDue([q], today).length > 0;
    const check = checkCertificate([q], q.certificate, today);
    return { ...q, username: u.username, displayName: u.displayName, status: check.passed ? (expiring ? 'expiring' as const : 'valid' as const) : check.reason };
  }));
}

/** Replaces a person's certificates (each named, with an optional number and a real expiry date). */
export async function setCertificates(ctx: ServiceContext, username: string, certificates: Qualification[]): Promise<IUser> {
  const actor = authorize(ctx.actor, 'manageQualifications');
  const user = await qualificationRepository.user(ctx.em, username);
  if (!user || (actor.organisationId !== null && user.organisationId !== actor.organisationId)) throw new NotFoundError(qualificationMessage('qualification.person_not_found', { username }), username);
  const issues: Issue[] = [];
  certificates.forEach((c, i) => {
    if (!c.certificate?.trim() || c.certificate.length > MAX_TEXT) issues.push(issue(`/certificates/${i}/certificate`, qualificationMessage('qualification.required')));
    if (c.number && c.number.length > MAX_TEXT) issues.push(issue(`/certificates/${i}/number`, qualificationMessage('qualification.required')));
    if (c.expiresOn != null && !isCalendarDate(c.expiresOn)) issues.push(issue(`/certificates/${i}/expiresOn`, qualificationMessage('qualification.required')));
  });
  if (issues.length > 0) throw new ValidationError(qualificationMessage('qualification.certificates_invalid', { username }), issues);
  const clean = certificates.map((c) => ({ certificate: c.certificate.trim(), ...(c.number?.trim() ? { number: c.number.trim() } : {}), ...(c.expiresOn ? { expiresOn: c.expiresOn } : {}) }));
  return qualificationRepository.setCertificates(ctx.em, user, clean);
}

/** The caller's own expiry warnings (as holder or as manager), newest first. */
export function myWarnings(ctx: ServiceContext): Promise<IQualificationWarning[]> {
  // every role may take quizzes: anyone signed in reads their own warnings
  const actor = authorize(ctx.actor, 'takeQuizzes');
  return qualificationRepository.warningsFor(ctx.em, actor.organisationId, actor.username);
}
