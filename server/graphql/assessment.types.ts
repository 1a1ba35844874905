import { issueMysteryLinks, listMysteryLinks, mysteryLinksCsv, type IssuedMysteryLinks } from '../../domain/assessments/mystery-link.service.ts';
import { mysteryAuditByToken, submitMysteryAudit, type AnonymousAssessmentContext, type PublicMysteryAudit } from '../../domain/assessments/mystery-answer.service.ts';
import type { IMysteryLink } from '../../domain/assessments/mystery-link.entity.ts';
import { getInspection } from '../../domain/inspections/inspection.service.ts';
import { getProject } from '../../domain/projects/project.service.ts';
import { ORGANISATION_SETTING } from '../db/orm.ts';
import { builder } from './builder.ts';
import { ChecklistRef } from './checklist.types.ts';
import type { GraphQLContext } from './context.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { AnswerInput, InspectionRef, SubmitResultRef, toAnswers } from './inspection.types.ts';
import { ProjectRef } from './project.types.ts';
import { FIELD_COST } from './query-limits.ts';

/** A mystery customer's units of work: their own, and the system's for the organisation their token names. */
function anonymous(ctx: GraphQLContext): AnonymousAssessmentContext {
  return {
    em: ctx.em, jobs: ctx.jobs, keys: ctx.keys, limits: ctx.limits,
    asSystemOf: (organisationId) => {
      const em = ctx.unscoped();
      em.setSessionContext({ variables: { [ORGANISATION_SETTING]: organisationId } });
      return em;
    },
  };
}

const IssuedLinksRef = builder.objectRef<IssuedMysteryLinks & { baseUrl: string }>('MysteryLinks').implement({
  description: 'Single-use mystery-customer links just issued. The tokens are shown this once: only their hashes are stored.',
  fields: (t) => ({
    project: t.field({ type: ProjectRef, resolve: (l) => l.project }),
    expiresOn: t.exposeString('expiresOn'),
    tokens: t.stringList({ resolve: (l) => l.tokens }),
    urls: t.stringList({ resolve: (l) => l.tokens.map((token) => `${l.baseUrl}/m/${token}`) }),
    csv: t.string({ description: 'project_code,project_name,expires_on,url — one row per link', resolve: (l) => mysteryLinksCsv(l, l.baseUrl) }),
  }),
});

const MysteryLinkRef = builder.objectRef<IMysteryLink>('MysteryLink').implement({
  description: 'An issued mystery-customer link: its project, expiry, and the audit it produced once used (the token itself is not kept).',
  fields: (t) => ({
    id: t.exposeInt('id'),
    project: t.field({ type: ProjectRef, resolve: (l, _a, ctx) => getProject(ctx.em, l.projectId) }),
    expiresOn: t.exposeString('expiresOn'),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.field({ type: 'DateTime', resolve: (l) => l.createdAt }),
    usedAt: t.field({ type: 'DateTime', nullable: true, resolve: (l) => l.usedAt ?? null }),
    inspection: t.field({ type: InspectionRef, nullable: true, resolve: (l, _a, ctx) => (l.inspectionId ? getInspection(ctx, l.inspectionId) : null) }),
  }),
});

const PublicMysteryAuditRef = builder.objectRef<PublicMysteryAudit>('PublicMysteryAudit').implement({
  description: 'What a mystery-customer link opens, without signing in: the project and its mystery checklist (none once used).',
  fields: (t) => ({
    projectName: t.exposeString('projectName'),
    expiresOn: t.exposeString('expiresOn'),
    used: t.exposeBoolean('used'),
    checklist: t.field({ type: ChecklistRef, nullable: true, resolve: (a) => a.checklist }),
  }),
});

builder.queryFields((t) => ({
  mysteryLinks: t.field({
    type: [MysteryLinkRef],
    description: 'Issued mystery-customer links of the projects the caller assesses, newest first. Needs runAssessments.',
    errors: { types: READ_ERRORS, union: { name: 'MysteryLinksResult' } },
    args: { limit: t.arg.int({ description: 'at most 500; 100 by default' }) },
    complexity: { field: FIELD_COST.report, multiplier: 5 },
    resolve: (_r, a, ctx) => listMysteryLinks(ctx, a.limit ?? 100),
  }),
  mysteryAuditByToken: t.field({
    type: PublicMysteryAuditRef,
    description: 'The mystery checklist a single-use link opens; no sign-in needed. Unknown and expired links are refused.',
    // an expired link is a ConflictError, as when it is submitted
    errors: { types: WRITE_ERRORS, union: { name: 'MysteryAuditByTokenResult' } },
    args: { token: t.arg.string({ required: true }) },
    complexity: FIELD_COST.report,
    resolve: (_r, a, ctx) => mysteryAuditByToken(anonymous(ctx), a.token),
  }),
}));

builder.mutationFields((t) => ({
  issueMysteryLinks: t.field({
    type: IssuedLinksRef,
    description: 'Issues single-use mystery-customer links for a project, valid through expiresOn (at most 200 at a time). Needs runAssessments. The tokens, URLs and CSV are returned once.',
    errors: { types: WRITE_ERRORS, union: { name: 'IssueMysteryLinksResult' } },
    args: { projectId: t.arg.int({ required: true }), count: t.arg.int({ required: true }), expiresOn: t.arg.string({ required: true, description: 'YYYY-MM-DD, inclusive' }) },
    complexity: FIELD_COST.report,
    resolve: async (_r, a, ctx) => ({ ...(await issueMysteryLinks(ctx, a.projectId, a.count, a.expiresOn)), baseUrl: new URL(ctx.request.url).origin }),
  }),
  submitMysteryAudit: t.field({
    type: SubmitResultRef,
    description: "A mystery customer's answers through a single-use link, judged like any inspection (recorded under 神秘客户#<link id>); no sign-in needed. Used, expired and unknown links, and answers for another project's checklist, are refused and nothing is stored.",
    errors: { types: WRITE_ERRORS, union: { name: 'SubmitMysteryAuditResult' } },
    args: { token: t.arg.string({ required: true }), checklistId: t.arg.string({ required: true }), answers: t.arg({ type: [AnswerInput], required: true }) },
    resolve: (_r, a, ctx) => submitMysteryAudit(anonymous(ctx), a.token, a.checklistId, toAnswers(a.answers)),
  }),
}));
