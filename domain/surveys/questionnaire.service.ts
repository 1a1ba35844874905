/**
 * Questionnaires versioned like standards: a draft is edited until it is published, then it never
 * changes; the next edit opens the next version's draft. Versions are compared as standards are
 * (an RFC 6902 patch and the changes a person reads). Every change is audited.
 */
import { authorize, type Actor } from '../shared/access.ts';
import { ConflictError, NotFoundError, ValidationError, issue } from '../shared/errors.ts';
import type { JsonObject } from '../shared/json.ts';
import { inTransaction, isUniqueViolation, type EntityManager } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { diffVersions } from '../standards/diff/diff.ts';
import type { PatchOperation } from '../standards/diff/json-patch.ts';
import type { Change } from '../standards/diff/semantic-diff.ts';
import { questionnaireIssues } from './questionnaire-schema.ts';
import type { IQuestionnaire, IQuestionnaireVersion } from './survey.entity.ts';
import { surveyMessage as m } from './survey.messages.ts';
import { surveyRepository } from './survey.repository.ts';

/** A questionnaire with its versions, oldest first. */
export interface QuestionnaireView extends IQuestionnaire {
  versions: IQuestionnaireVersion[];
}

export interface QuestionnaireDiff {
  code: string;
  from: number;
  to: number;
  changes: Change[];
  patch: PatchOperation[];
}

const CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

function requireSchema(schema: unknown): JsonObject {
  const issues = questionnaireIssues(schema);
  if (issues.length > 0) throw new ValidationError(m('survey.schema_invalid'), issues.map((i) => ({ ...i, pointer: `/schema${i.pointer}` })));
  return schema as JsonObject;
}

function requireTitle(title: string): void {
  if (title.trim().length === 0 || title.length > 255) throw new ValidationError(m('survey.title_rule'), [issue('/title', m('survey.title_rule'))]);
}

/** The caller's questionnaire by code; another organisation's answers like a missing one. */
export async function questionnaireOf(em: EntityManager, actor: Actor, code: string): Promise<IQuestionnaire> {
  const questionnaire = await surveyRepository.questionnaire(em, actor.organisationId, code);
  if (!questionnaire) throw new NotFoundError(m('survey.questionnaire_not_found', { code }), code);
  return questionnaire;
}

async function view(em: EntityManager, questionnaire: IQuestionnaire): Promise<QuestionnaireView> {
  return { ...questionnaire, versions: await surveyRepository.versions(em, questionnaire.id) };
}

/** Creates a questionnaire with its first version as a draft. */
export async function createQuestionnaire(ctx: ServiceContext, input: { code: string; title: string; schema: unknown }): Promise<QuestionnaireView> {
  const actor = authorize(ctx.actor, 'manageSurveys');
  if (!CODE.test(input.code)) throw new ValidationError(m('survey.code_rule'), [issue('/code', m('survey.code_rule'))]);
  requireTitle(input.title);
  const schema = requireSchema(input.schema);
  try {
    const created = await inTransaction(ctx.em, async (em) => {
      const now = new Date();
      const questionnaire = await surveyRepository.insertQuestionnaire(em, { ...(actor.organisationId === null ? {} : { organisationId: actor.organisationId }), code: input.code, title: input.title.trim(), createdBy: actor.username, createdAt: now });
      surveyRepository.insertVersion(em, { questionnaireId: questionnaire.id, version: 1, schema, status: 'draft', createdBy: actor.username, createdAt: now });
      await appendAudit(em, actor, { action: 'questionnaire.created', subjectType: 'questionnaire', subjectKey: input.code, detail: { title: questionnaire.title } });
      return questionnaire;
    });
    return view(ctx.em, created);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(m('survey.code_taken', { code: input.code }));
    throw error;
  }
}

/**
 * Saves the questionnaire's draft: the open draft is replaced, or — when the newest version is
 * published — a new draft version opens. The schema must already be a valid questionnaire.
 */
export async function saveQuestionnaireDraft(ctx: ServiceContext, code: string, schema: unknown): Promise<QuestionnaireView> {
  const actor = authorize(ctx.actor, 'manageSurveys');
  const valid = requireSchema(schema);
  const questionnaire = await questionnaireOf(ctx.em, actor, code);
  await inTransaction(ctx.em, async (em) => {
    const versions = await surveyRepository.versions(em, questionnaire.id);
    const newest = versions.at(-1)!;
    if (newest.status === 'draft') {
      newest.schema = valid;
      newest.createdBy = actor.username;
    } else {
      surveyRepository.insertVersion(em, { questionnaireId: questionnaire.id, version: newest.version + 1, schema: valid, status: 'draft', createdBy: actor.username, createdAt: new Date() });
    }
    await surveyRepository.save(em);
    await appendAudit(em, actor, { action: 'questionnaire.draft_saved', subjectType: 'questionnaire', subjectKey: code, detail: { version: newest.status === 'draft' ? newest.version : newest.version + 1 } });
  });
  return view(ctx.em, questionnaire);
}

/** Publishes the open draft: from now on that version never changes and waves may pin it. */
export async function publishQuestionnaire(ctx: ServiceContext, code: string): Promise<QuestionnaireView> {
  const actor = authorize(ctx.actor, 'manageSurveys');
  const questionnaire = await questionnaireOf(ctx.em, actor, code);
  await inTransaction(ctx.em, async (em) => {
    const draft = (await surveyRepository.versions(em, questionnaire.id)).find((v) => v.status === 'draft');
    if (!draft) throw new ConflictError(m('survey.no_draft', { code }));
    requireSchema(draft.schema);
    draft.status = 'published';
    draft.publishedBy = actor.username;
    draft.publishedAt = new Date();
    await surveyRepository.save(em);
    await appendAudit(em, actor, { action: 'questionnaire.published', subjectType: 'questionnaire', subjectKey: code, detail: { version: draft.version } });
  });
  return view(ctx.em, questionnaire);
}

/** The caller's organisation's questionnaires, by code. */
export async function listQuestionnaires(ctx: ServiceContext): Promise<QuestionnaireView[]> {
  const actor = authorize(ctx.actor, 'readSurveyResults');
  const all = await surveyRepository.questionnaires(ctx.em, actor.organisationId);
  return Promise.all(all.map((q) => view(ctx.em, q)));
}

export async function getQuestionnaire(ctx: ServiceContext, code: string): Promise<QuestionnaireView> {
  const actor = authorize(ctx.actor, 'readSurveyResults');
  return view(ctx.em, await questionnaireOf(ctx.em, actor, code));
}

async function versionOf(em: EntityManager, questionnaire: IQuestionnaire, version: number): Promise<IQuestionnaireVersion> {
  const found = await surveyRepository.version(em, questionnaire.id, version);
  if (!found) throw new NotFoundError(m('survey.version_not_found', { code: questionnaire.code, version }), `${questionnaire.code}@${version}`);
  return found;
}

/** How version `to` differs from version `from`: the patch from one to the other and the changes a person reads. */
export async function questionnaireDiff(ctx: ServiceContext, code: string, from: number, to: number): Promise<QuestionnaireDiff> {
  const actor = authorize(ctx.actor, 'readSurveyResults');
  const questionnaire = await questionnaireOf(ctx.em, actor, code);
  const [a, b] = [await versionOf(ctx.em, questionnaire, from), await versionOf(ctx.em, questionnaire, to)];
  return { code, from, to, ...diffVersions(a.schema as JsonObject, b.schema as JsonObject) };
}
