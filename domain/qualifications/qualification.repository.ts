import type { EntityManager } from '../shared/persistence.ts';
import { User, type IUser } from '../users/user.entity.ts';
import { Membership } from '../organisations/organisation.entity.ts';
import { QualificationCheck, QualificationRequirement, QualificationWarning, type IQualificationCheck, type IQualificationRequirement, type IQualificationWarning } from './qualification.entity.ts';

/** Requirements, checks and warnings of qualifications, and the people they concern. */
export const qualificationRepository = {
  requirements(em: EntityManager, organisationId: number | null): Promise<IQualificationRequirement[]> {
    return em.find(QualificationRequirement, organisationId === null ? {} : { organisationId }, { orderBy: { subject: 'asc', target: 'asc', id: 'asc' } });
  },

  findRequirement(em: EntityManager, id: number): Promise<IQualificationRequirement | null> {
    return em.findOne(QualificationRequirement, { id });
  },

  async insertRequirement(em: EntityManager, row: Omit<IQualificationRequirement, 'id'>): Promise<IQualificationRequirement> {
    const r = em.create(QualificationRequirement, row as IQualificationRequirement);
    await em.flush();
    return r;
  },

  async removeRequirement(em: EntityManager, row: IQualificationRequirement): Promise<void> {
    await em.remove(row).flush();
  },

  /** Records a check on its own (a refused one stays recorded though what it guarded is not done). */
  async insertCheck(em: EntityManager, row: Omit<IQualificationCheck, 'id'>): Promise<void> {
    await em.execute(`insert into qualification_check (organisation_id, username, subject, subject_id, certificate, number, expires_on, passed, reason, checked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.organisationId, row.username, row.subject, row.subjectId, row.certificate, row.number, row.expiresOn, row.passed, row.reason, row.checkedAt]);
  },

  checksOf(em: EntityManager, subject: string, subjectId: string): Promise<IQualificationCheck[]> {
    return em.find(QualificationCheck, { subject, subjectId }, { orderBy: { id: 'asc' } });
  },

  user(em: EntityManager, username: string): Promise<IUser | null> {
    return em.findOne(User, { username });
  },

  /** Active people holding at least one certificate with an expiry (every organisation: the warnings job). */
  async certified(em: EntityManager): Promise<IUser[]> {
    const users = await em.find(User, { active: true, organisationId: { $ne: null } }, { orderBy: { id: 'asc' } });
    return users.filter((u) => (u.qualifications ?? []).some((q) => q.expiresOn));
  },

  /** People of an organisation, by username. */
  people(em: EntityManager, organisationId: number): Promise<IUser[]> {
    return em.find(User, { organisationId }, { orderBy: { username: 'asc' } });
  },

  /** The project managers of the projects a person holds roles on, else the organisation's quality managers. */
  async managersOf(em: EntityManager, organisationId: number, username: string): Promise<string[]> {
    const own = await em.find(Membership, { organisationId, username, projectId: { $ne: null } });
    const projects = [...new Set(own.map((m) => m.projectId!))];
    const managers = projects.length === 0 ? [] : await em.find(Membership, { organisationId, role: 'project_manager', projectId: { $in: projects } });
    const names = managers.map((m) => m.username).filter((u) => u !== username);
    if (names.length > 0) return [...new Set(names)].sort();
    const quality = await em.find(Membership, { organisationId, role: 'quality_manager', projectId: null, regionId: null });
    return [...new Set(quality.map((m) => m.username).filter((u) => u !== username))].sort();
  },

  /** Stores a warning unless the same one was stored before; whether it is new. */
  async insertWarning(em: EntityManager, row: Omit<IQualificationWarning, 'id'>): Promise<boolean> {
    const inserted = await em.execute<{ id: number }[]>(`insert into qualification_warning (organisation_id, recipient, holder, certificate, number, expires_on, threshold, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)
      on conflict (recipient, holder, certificate, expires_on, threshold) do nothing returning id`,
      [row.organisationId, row.recipient, row.holder, row.certificate, row.number, row.expiresOn, row.threshold, row.createdAt]);
    return inserted.length > 0;
  },

  warningsFor(em: EntityManager, organisationId: number | null, recipient: string): Promise<IQualificationWarning[]> {
    return em.find(QualificationWarning, { recipient, ...(organisationId === null ? {} : { organisationId }) }, { orderBy: { id: 'desc' }, limit: 100 });
  },

  async setCertificates(em: EntityManager, user: IUser, qualifications: IUser['qualifications']): Promise<IUser> {
    user.qualifications = qualifications;
    await em.flush();
    return user;
  },
};
