/**
 * Answering a survey without an account. The caller holds nothing but the link's token: its hash
 * names the organisation (a security-definer lookup, since an anonymous session sees no rows), and
 * from then on the server acts as the system for that organisation. A wrong token, an unknown one
 * and a malformed one are answered alike; tokens are 128 random bits, so guessing is hopeless.
 */
import { ConflictError, NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import { isJsonObject, type JsonObject } from '../shared/json.ts';
import { inTransaction, isUniqueViolation, type EntityManager } from '../shared/persistence.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { answerIssues, npsAnswer } from './questionnaire-schema.ts';
import type { IQuestionnaireVersion, ISurveyLink, ISurveyWave } from './survey.entity.ts';
import { surveyMessage as m } from './survey.messages.ts';
import { surveyRepository } from './survey.repository.ts';
import { looksLikeSurveyToken, surveyTokenHash } from './survey-token.ts';

/** What an anonymous caller works with: their own (organisation-less) unit of work, and one acting for an organisation. */
export interface AnonymousContext {
  em: EntityManager;
  asSystemOf: (organisationId: number) => EntityManager;
}

/** The form a link opens: only what the household needs to answer. */
export interface PublicSurvey {
  waveName: string;
  questionnaireTitle: string;
  projectName: string;
  opensOn: string;
  closesOn: string;
  schema: JsonObject;
  /** the link has been answered already (the page thanks instead of asking) */
  answered: boolean;
}

interface OpenLink {
  em: EntityManager;
  link: ISurveyLink;
  wave: ISurveyWave;
  version: IQuestionnaireVersion;
  projectName: string;
}

const unknownLink = () => new NotFoundError(m('survey.link_unknown'), 'survey link');

/** The link of a token with its wave and pinned version, inside the wave's dates. */
async function openLink(ctx: AnonymousContext, token: string): Promise<OpenLink> {
  if (!looksLikeSurveyToken(token)) throw unknownLink();
  const hash = surveyTokenHash(token);
  const organisationId = await surveyRepository.organisationOfToken(ctx.em, hash);
  if (organisationId === null) throw unknownLink();
  const em = ctx.asSystemOf(organisationId);
  const link = await surveyRepository.link(em, organisationId, hash);
  if (!link) throw unknownLink();
  const wave = (await surveyRepository.wave(em, organisationId, link.waveId))!;
  const version = (await surveyRepository.versionById(em, wave.versionId))!;
  const today = todayInChina();
  if (today < wave.opensOn || today > wave.closesOn) throw new ConflictError(m('survey.wave_not_open', { opensOn: wave.opensOn, closesOn: wave.closesOn }));
  const project = await surveyRepository.project(em, organisationId, link.projectId);
  return { em, link, wave, version, projectName: project?.name ?? '' };
}

/** The questionnaire a link asks (the wave's pinned version). */
export async function surveyByToken(ctx: AnonymousContext, token: string): Promise<PublicSurvey> {
  const { link, wave, version, projectName, em } = await openLink(ctx, token);
  const questionnaire = (await surveyRepository.questionnaireById(em, version.questionnaireId))!;
  return {
    waveName: wave.name, questionnaireTitle: questionnaire.title, projectName, opensOn: wave.opensOn, closesOn: wave.closesOn,
    schema: version.schema as JsonObject, answered: link.usedAt !== null && link.usedAt !== undefined,
  };
}

/**
 * Stores a household's answers: validated against the pinned version, the link claimed in the same
 * transaction (a second or concurrent submission of the link finds it claimed and is refused), and
 * the NPS answer copied to its column.
 */
export async function submitSurveyResponse(ctx: AnonymousContext, token: string, answers: unknown): Promise<{ submittedAt: Date }> {
  const { em, link, wave, version } = await openLink(ctx, token);
  if (link.usedAt) throw new ConflictError(m('survey.link_used'));
  const schema = version.schema as JsonObject;
  const issues: Issue[] = answerIssues(schema, answers).map((i) => ({ ...i, pointer: `/answers${i.pointer}` }));
  if (issues.length > 0 || !isJsonObject(answers)) throw new ValidationError(m('survey.answers_invalid'), issues);
  const submittedAt = new Date();
  try {
    await inTransaction(em, async (tx) => {
      if (!(await surveyRepository.claimLink(tx, link.id, submittedAt))) throw new ConflictError(m('survey.link_used'));
      surveyRepository.insertResponse(tx, {
        organisationId: link.organisationId, waveId: wave.id, projectId: link.projectId, versionId: version.id, linkId: link.id,
        answers, nps: npsAnswer(schema, answers), submittedAt,
      });
      await surveyRepository.save(tx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(m('survey.link_used'));
    throw error;
  }
  return { submittedAt };
}
