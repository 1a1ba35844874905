import { createQuestionnaire, getQuestionnaire, listQuestionnaires, publishQuestionnaire, questionnaireDiff, saveQuestionnaireDraft, type QuestionnaireDiff, type QuestionnaireView } from '../../domain/surveys/questionnaire.service.ts';
import { createSurveyWave, generateSurveyLinks, getSurveyWave, linksCsv, listSurveyWaves, type GeneratedLinks } from '../../domain/surveys/wave.service.ts';
import { submitSurveyResponse, surveyByToken, type AnonymousContext, type PublicSurvey } from '../../domain/surveys/answer.service.ts';
import { questionsOf, type Question } from '../../domain/surveys/questionnaire-schema.ts';
import type { IQuestionnaireVersion, ISurveyWave } from '../../domain/surveys/survey.entity.ts';
import { surveyRepository } from '../../domain/surveys/survey.repository.ts';
import type { JsonObject } from '../../domain/shared/json.ts';
import { getProject } from '../../domain/projects/project.service.ts';
import { ORGANISATION_SETTING } from '../db/orm.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { ChangeRef } from './diff.types.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { ProjectRef } from './project.types.ts';
import { FIELD_COST } from './query-limits.ts';

/** An anonymous caller's units of work: their own, and the system's for the organisation their token names (as `forkFor` does for `systemFor`). */
function anonymous(ctx: GraphQLContext): AnonymousContext {
  return {
    em: ctx.em,
    asSystemOf: (organisationId) => {
      const em = ctx.unscoped();
      em.setSessionContext({ variables: { [ORGANISATION_SETTING]: organisationId } });
      return em;
    },
  };
}

const QuestionRef = builder.objectRef<Question>('SurveyQuestion').implement({
  description: 'A question of a questionnaire, read from its schema: its role (overall, nps, driver, comment), its driver and its scale.',
  fields: (t) => ({
    key: t.exposeString('key'),
    title: t.exposeString('title'),
    role: t.exposeString('role', { description: 'overall | nps | driver | comment' }),
    driver: t.exposeString('driver', { nullable: true }),
    minimum: t.exposeInt('minimum', { nullable: true }),
    maximum: t.exposeInt('maximum', { nullable: true }),
    required: t.exposeBoolean('required'),
  }),
});

const QuestionnaireVersionRef = builder.objectRef<IQuestionnaireVersion>('QuestionnaireVersion').implement({
  description: 'One version of a questionnaire: a JSON Schema (draft until published, then immutable).',
  fields: (t) => ({
    id: t.exposeInt('id'),
    version: t.exposeInt('version'),
    status: t.exposeString('status', { description: 'draft | published' }),
    schema: t.field({ type: 'JSON', resolve: (v) => v.schema }),
    questions: t.field({ type: [QuestionRef], resolve: (v) => questionsOf(v.schema as JsonObject) }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.field({ type: 'DateTime', resolve: (v) => v.createdAt }),
    publishedBy: t.exposeString('publishedBy', { nullable: true }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (v) => v.publishedAt ?? null }),
  }),
});

const QuestionnaireRef = builder.objectRef<QuestionnaireView>('Questionnaire').implement({
  description: 'A satisfaction questionnaire (满意度问卷), versioned like a standard.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    createdBy: t.exposeString('createdBy'),
    versions: t.field({ type: [QuestionnaireVersionRef], description: 'oldest first', resolve: (q) => q.versions }),
    latestPublished: t.field({ type: QuestionnaireVersionRef, nullable: true, resolve: (q) => q.versions.filter((v) => v.status === 'published').at(-1) ?? null }),
    draft: t.field({ type: QuestionnaireVersionRef, nullable: true, resolve: (q) => q.versions.find((v) => v.status === 'draft') ?? null }),
  }),
});

const QuestionnaireDiffRef = builder.objectRef<QuestionnaireDiff>('QuestionnaireDiff').implement({
  description: 'How one version of a questionnaire differs from another.',
  fields: (t) => ({
    code: t.exposeString('code'),
    from: t.exposeInt('from'),
    to: t.exposeInt('to'),
    changes: t.field({ type: [ChangeRef], resolve: (d) => d.changes }),
    patch: t.field({ type: 'JSON', description: 'RFC 6902 operations: applied to version `from` they give version `to`', resolve: (d) => d.patch }),
  }),
});

const WaveProjectRef = builder.objectRef<{ projectId: number; links: number; responses: number }>('SurveyWaveProject').implement({
  fields: (t) => ({
    project: t.field({ type: ProjectRef, resolve: (r, _a, ctx) => getProject(ctx.em, r.projectId) }),
    links: t.exposeInt('links'),
    responses: t.exposeInt('responses'),
  }),
});

const SurveyWaveRef = builder.objectRef<ISurveyWave>('SurveyWave').implement({
  description: 'A survey wave (一次调查): a published questionnaire version pinned, asked over a period through single-use links.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    name: t.exposeString('name'),
    opensOn: t.exposeString('opensOn'),
    closesOn: t.exposeString('closesOn'),
    createdBy: t.exposeString('createdBy'),
    version: t.field({ type: QuestionnaireVersionRef, resolve: async (w, _a, ctx) => (await surveyRepository.versionById(ctx.em, w.versionId))! }),
    questionnaire: t.field({ type: QuestionnaireRef, resolve: async (w, _a, ctx) => {
      const version = (await surveyRepository.versionById(ctx.em, w.versionId))!;
      const questionnaire = (await surveyRepository.questionnaireById(ctx.em, version.questionnaireId))!;
      return { ...questionnaire, versions: await surveyRepository.versions(ctx.em, questionnaire.id) };
    } }),
    projects: t.field({ type: [WaveProjectRef], description: 'links sent and responses received, per project', complexity: FIELD_COST.report, resolve: (w, _a, ctx) => surveyRepository.waveCounts(ctx.em, w.id) }),
  }),
});

const GeneratedLinksRef = builder.objectRef<GeneratedLinks & { baseUrl: string }>('SurveyLinks').implement({
  description: 'Single-use links just generated. The tokens are shown this once: only their hashes are stored.',
  fields: (t) => ({
    waveId: t.exposeInt('waveId'),
    project: t.field({ type: ProjectRef, resolve: (l) => l.project }),
    tokens: t.stringList({ resolve: (l) => l.tokens }),
    csv: t.string({ description: 'project_code,project_name,url — one row per link, for the SMS / WeChat sender', resolve: (l) => linksCsv(l, l.baseUrl) }),
  }),
});

const PublicSurveyRef = builder.objectRef<PublicSurvey>('PublicSurvey').implement({
  description: 'What a survey link opens, without signing in: the questionnaire form of the wave\'s pinned version.',
  fields: (t) => ({
    waveName: t.exposeString('waveName'),
    questionnaireTitle: t.exposeString('questionnaireTitle'),
    projectName: t.exposeString('projectName'),
    opensOn: t.exposeString('opensOn'),
    closesOn: t.exposeString('closesOn'),
    schema: t.field({ type: 'JSON', resolve: (s) => s.schema }),
    answered: t.exposeBoolean('answered', { description: 'the link was answered already' }),
  }),
});

const SubmittedRef = builder.objectRef<{ submittedAt: Date }>('SurveySubmission').implement({
  fields: (t) => ({ submittedAt: t.field({ type: 'DateTime', resolve: (s) => s.submittedAt }) }),
});

builder.queryFields((t) => ({
  questionnaires: t.field({
    type: [QuestionnaireRef],
    errors: { types: READ_ERRORS, union: { name: 'QuestionnairesResult' } },
    resolve: (_r, _a, ctx) => listQuestionnaires(ctx),
  }),
  questionnaire: t.field({
    type: QuestionnaireRef,
    errors: { types: READ_ERRORS, union: { name: 'QuestionnaireResult' } },
    args: { code: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => getQuestionnaire(ctx, a.code),
  }),
  questionnaireDiff: t.field({
    type: QuestionnaireDiffRef,
    errors: { types: READ_ERRORS, union: { name: 'QuestionnaireDiffResult' } },
    args: { code: t.arg.string({ required: true }), from: t.arg.int({ required: true }), to: t.arg.int({ required: true }) },
    complexity: FIELD_COST.report,
    resolve: (_r, a, ctx) => questionnaireDiff(ctx, a.code, a.from, a.to),
  }),
  surveyWaves: t.field({
    type: [SurveyWaveRef],
    errors: { types: READ_ERRORS, union: { name: 'SurveyWavesResult' } },
    resolve: (_r, _a, ctx) => listSurveyWaves(ctx),
  }),
  surveyWave: t.field({
    type: SurveyWaveRef,
    errors: { types: READ_ERRORS, union: { name: 'SurveyWaveResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => getSurveyWave(ctx, a.id),
  }),
  surveyByToken: t.field({
    type: PublicSurveyRef,
    description: 'The questionnaire a single-use survey link asks; no sign-in needed. A wrong token answers like an unknown one.',
    errors: { types: WRITE_ERRORS, union: { name: 'SurveyByTokenResult' } },
    args: { token: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => surveyByToken(anonymous(ctx), a.token),
  }),
}));

builder.mutationFields((t) => ({
  createQuestionnaire: t.field({
    type: QuestionnaireRef,
    description: 'Creates a questionnaire; its first version is a draft.',
    errors: { types: WRITE_ERRORS, union: { name: 'CreateQuestionnaireResult' } },
    args: { code: t.arg.string({ required: true }), title: t.arg.string({ required: true }), schema: t.arg({ type: 'JSON', required: true }) },
    resolve: (_r, a, ctx) => createQuestionnaire(ctx, { code: a.code, title: a.title, schema: a.schema }),
  }),
  saveQuestionnaireDraft: t.field({
    type: QuestionnaireRef,
    description: 'Replaces the open draft, or opens the next version\'s draft when the newest is published.',
    errors: { types: WRITE_ERRORS, union: { name: 'SaveQuestionnaireDraftResult' } },
    args: { code: t.arg.string({ required: true }), schema: t.arg({ type: 'JSON', required: true }) },
    resolve: (_r, a, ctx) => saveQuestionnaireDraft(ctx, a.code, a.schema),
  }),
  publishQuestionnaire: t.field({
    type: QuestionnaireRef,
    description: 'Publishes the open draft; it never changes again.',
    errors: { types: WRITE_ERRORS, union: { name: 'PublishQuestionnaireResult' } },
    args: { code: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => publishQuestionnaire(ctx, a.code),
  }),
  createSurveyWave: t.field({
    type: SurveyWaveRef,
    errors: { types: WRITE_ERRORS, union: { name: 'CreateSurveyWaveResult' } },
    args: {
      questionnaireCode: t.arg.string({ required: true }), version: t.arg.int({ required: true }), name: t.arg.string({ required: true }),
      opensOn: t.arg.string({ required: true, description: 'YYYY-MM-DD' }), closesOn: t.arg.string({ required: true, description: 'YYYY-MM-DD, inclusive' }),
    },
    resolve: (_r, a, ctx) => createSurveyWave(ctx, a),
  }),
  generateSurveyLinks: t.field({
    type: GeneratedLinksRef,
    description: 'Generates single-use links of a wave for a project (at most 5000 at a time). The tokens and the CSV are returned once.',
    errors: { types: WRITE_ERRORS, union: { name: 'GenerateSurveyLinksResult' } },
    args: { waveId: t.arg.int({ required: true }), projectId: t.arg.int({ required: true }), count: t.arg.int({ required: true }) },
    complexity: FIELD_COST.report,
    resolve: async (_r, a, ctx) => ({ ...(await generateSurveyLinks(ctx, a.waveId, a.projectId, a.count)), baseUrl: new URL(ctx.request.url).origin }),
  }),
  submitSurveyResponse: t.field({
    type: SubmittedRef,
    description: 'Answers a survey through its single-use link; no sign-in needed. A link answers once.',
    errors: { types: WRITE_ERRORS, union: { name: 'SubmitSurveyResponseResult' } },
    args: { token: t.arg.string({ required: true }), answers: t.arg({ type: 'JSON', required: true }) },
    resolve: (_r, a, ctx) => submitSurveyResponse(anonymous(ctx), a.token, a.answers),
  }),
}));
