import { addRequirement, listRequirements, myWarnings, peopleCertificates, removeRequirement, setCertificates, type CertificateStatus } from '../../domain/qualifications/qualification.service.ts';
import type { IQualificationRequirement, IQualificationWarning } from '../../domain/qualifications/qualification.entity.ts';
import type { IUser } from '../../domain/users/user.entity.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';

const RequirementRef = builder.objectRef<IQualificationRequirement>('QualificationRequirement').implement({
  description: 'A certificate inspections need: those of a tier (subject tier, e.g. quarterly), or covering a module or document (subject document, e.g. M03.P06).',
  fields: (t) => ({
    id: t.exposeInt('id'),
    subject: t.exposeString('subject', { description: 'tier or document' }),
    target: t.exposeString('target'),
    certificate: t.exposeString('certificate'),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
  }),
});

const CertificateRef = builder.objectRef<CertificateStatus>('PersonCertificate').implement({
  description: 'A certificate a person holds, with its status today.',
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    certificate: t.exposeString('certificate'),
    number: t.string({ nullable: true, resolve: (c) => c.number ?? null }),
    expiresOn: t.string({ nullable: true, resolve: (c) => c.expiresOn ?? null }),
    status: t.exposeString('status', { description: 'valid, expiring (within 30 days) or expired' }),
  }),
});

const WarningRef = builder.objectRef<IQualificationWarning>('QualificationWarning').implement({
  description: 'A certificate that expires within 30 days (threshold 30d) or has expired (threshold expired): sent once to its holder and their managers.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    holder: t.exposeString('holder'),
    certificate: t.exposeString('certificate'),
    number: t.exposeString('number', { nullable: true }),
    expiresOn: t.exposeString('expiresOn'),
    threshold: t.exposeString('threshold'),
    createdAt: t.field({ type: 'DateTime', resolve: (w) => w.createdAt }),
  }),
});

const PersonRef = builder.objectRef<IUser>('CertifiedPerson').implement({
  fields: (t) => ({ username: t.exposeString('username'), displayName: t.exposeString('displayName') }),
});

const CertificateInput = builder.inputType('CertificateInput', {
  fields: (t) => ({ certificate: t.string({ required: true }), number: t.string(), expiresOn: t.string({ description: 'YYYY-MM-DD; none: does not expire' }) }),
});

builder.queryFields((t) => ({
  qualificationRequirements: t.field({ type: [RequirementRef], errors: { types: READ_ERRORS, union: { name: 'QualificationRequirementsResult' } }, resolve: (_r, _a, ctx) => listRequirements(ctx) }),
  personCertificates: t.field({
    type: [CertificateRef],
    description: 'Every certificate of the organisation\'s people with its status today.',
    errors: { types: READ_ERRORS, union: { name: 'PersonCertificatesResult' } },
    resolve: (_r, _a, ctx) => peopleCertificates(ctx),
  }),
  myQualificationWarnings: t.field({
    type: [WarningRef],
    description: 'The caller\'s certificate-expiry warnings (their own, and those of the people they manage), newest first.',
    errors: { types: READ_ERRORS, union: { name: 'MyQualificationWarningsResult' } },
    resolve: (_r, _a, ctx) => myWarnings(ctx),
  }),
}));

builder.mutationFields((t) => ({
  addQualificationRequirement: t.field({
    type: RequirementRef,
    errors: { types: WRITE_ERRORS, union: { name: 'AddQualificationRequirementResult' } },
    args: { subject: t.arg.string({ required: true }), target: t.arg.string({ required: true }), certificate: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => addRequirement(ctx, a),
  }),
  removeQualificationRequirement: t.field({
    type: RequirementRef,
    errors: { types: WRITE_ERRORS, union: { name: 'RemoveQualificationRequirementResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => removeRequirement(ctx, a.id),
  }),
  setCertificates: t.field({
    type: PersonRef,
    description: 'Replaces a person\'s certificates.',
    errors: { types: WRITE_ERRORS, union: { name: 'SetCertificatesResult' } },
    args: { username: t.arg.string({ required: true }), certificates: t.arg({ type: [CertificateInput], required: true }) },
    resolve: (_r, a, ctx) => setCertificates(ctx, a.username, a.certificates.map((c) => ({ certificate: c.certificate, number: c.number ?? undefined, expiresOn: c.expiresOn ?? undefined }))),
  }),
}));
