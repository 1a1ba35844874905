import { organisationActor } from '../../domain/shared/access.ts';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import { inTransaction } from '../../domain/shared/persistence.ts';
import type { JsonObject } from '../../domain/shared/json.ts';
import type { DocumentLimits } from '../../domain/shared/limits.ts';
import { ValidationError } from '../../domain/shared/errors.ts';
import { createQuestionnaire, publishQuestionnaire, saveQuestionnaireDraft } from '../../domain/surveys/questionnaire.service.ts';
import { createSurveyWave } from '../../domain/surveys/wave.service.ts';
import { answerIssues, npsAnswer } from '../../domain/surveys/questionnaire-schema.ts';
import { surveyRepository } from '../../domain/surveys/survey.repository.ts';
import { surveyMessage } from '../../domain/surveys/survey.messages.ts';
import type { ISurveyWave } from '../../domain/surveys/survey.entity.ts';

/** The demo's annual survey: questionnaire, wave and organisation. */
export const DEMO_SURVEY = { code: 'SV-ANNUAL', title: '年度业主满意度调查', wave: '2026年度满意度调查', organisationId: 1 } as const;

/** The demo wave's days around the first start: opened 150 days before it (so it has months of answers), open for 30 more. */
export function demoWaveDays(today = new Date()): { opensOn: string; closesOn: string } {
  const day = (offset: number) => new Date(today.getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  return { opensOn: day(-150), closesOn: day(30) };
}

const scale = (title: string, driver: string) => ({ type: 'integer', title, minimum: 1, maximum: 5, 'x-role': 'driver', 'x-driver': driver });

/** Version 1 of the annual questionnaire: overall satisfaction, NPS, six drivers, a comment. */
export function annualQuestionnaireV1(): JsonObject {
  return {
    type: 'object',
    title: '年度业主满意度调查',
    description: '感谢您抽出时间评价我们一年来的物业服务（1 分为非常不满意，5 分为非常满意）。',
    required: ['overall', 'recommend'],
    additionalProperties: false,
    'x-order': ['overall', 'recommend', 'environment', 'safety', 'maintenance', 'response', 'transparency', 'community', 'comment'],
    properties: {
      overall: { type: 'integer', title: '总体而言，您对本小区的物业服务满意吗？', minimum: 1, maximum: 5, 'x-role': 'overall' },
      recommend: { type: 'integer', title: '您有多大可能向亲友推荐我们的物业服务？（0–10 分）', minimum: 0, maximum: 10, 'x-role': 'nps' },
      environment: scale('小区环境卫生与绿化养护', '环境品质'),
      safety: scale('门岗、巡逻与消防安全', '安全秩序'),
      maintenance: scale('公共设施设备的维护与报修处理', '工程维修'),
      response: scale('客服接待与投诉处理的响应速度', '服务响应'),
      transparency: scale('物业费用收支与公示的透明度', '费用透明'),
      community: scale('社区文化活动与日常沟通', '沟通互动'),
      comment: { type: 'string', title: '您对我们还有哪些意见或建议？', maxLength: 500, 'x-role': 'comment' },
    },
  };
}

/** Version 2: the response question reworded (报修 moved to it) and parking asked as a driver of its own. */
export function annualQuestionnaireV2(): JsonObject {
  const v1 = annualQuestionnaireV1();
  const properties = { ...(v1.properties as JsonObject) };
  const { comment, ...questions } = properties;
  return {
    ...v1,
    'x-order': ['overall', 'recommend', 'environment', 'safety', 'maintenance', 'response', 'transparency', 'community', 'parking', 'comment'],
    properties: {
      ...questions,
      response: scale('客服接待、报修与投诉处理的响应速度', '服务响应'),
      parking: scale('停车秩序与车辆管理', '停车管理'),
      comment,
    },
  };
}

/**
 * First start: the annual questionnaire with two published versions, and the 2026 wave asking
 * version 2 of the first organisation's projects. Does nothing when the questionnaire exists.
 */
export async function seedSurveyDemo(em: EntityManager, limits: DocumentLimits, log: (line: string) => void): Promise<ISurveyWave | null> {
  if (await surveyRepository.questionnaire(em, DEMO_SURVEY.organisationId, DEMO_SURVEY.code)) return null;
  const ctx = { em, actor: organisationActor('manager', ['quality_manager'], DEMO_SURVEY.organisationId), limits };
  await createQuestionnaire(ctx, { code: DEMO_SURVEY.code, title: DEMO_SURVEY.title, schema: annualQuestionnaireV1() });
  await publishQuestionnaire(ctx, DEMO_SURVEY.code);
  await saveQuestionnaireDraft(ctx, DEMO_SURVEY.code, annualQuestionnaireV2());
  await publishQuestionnaire(ctx, DEMO_SURVEY.code);
  const wave = await createSurveyWave(ctx, { questionnaireCode: DEMO_SURVEY.code, version: 2, name: DEMO_SURVEY.wave, ...demoWaveDays() });
  log(`created the questionnaire ${DEMO_SURVEY.code} (v1, v2 published) and the wave "${DEMO_SURVEY.wave}"`);
  return wave;
}

/** The demo wave, once seeded. */
export async function demoSurveyWave(em: EntityManager): Promise<ISurveyWave | null> {
  const waves = await surveyRepository.waves(em, DEMO_SURVEY.organisationId);
  return waves.find((w) => w.name === DEMO_SURVEY.wave) ?? null;
}

/** A response as a generator or an import gives it: no link (it did not come through one). */
export interface ResponseRow {
  projectId: number;
  answers: JsonObject;
  submittedAt: Date;
}

/**
 * Stores responses to a wave without links (the demo's generated 12,000, a survey company's
 * import): each validated against the wave's pinned version (nothing stored when one fails), the
 * NPS answer copied, written in batches.
 */
export async function addSurveyResponses(em: EntityManager, wave: ISurveyWave, rows: readonly ResponseRow[]): Promise<number> {
  const version = (await surveyRepository.versionById(em, wave.versionId))!;
  const schema = version.schema as JsonObject;
  rows.forEach((row, i) => {
    const issues = answerIssues(schema, row.answers);
    if (issues.length > 0) throw new ValidationError(surveyMessage('survey.answers_invalid'), issues.map((x) => ({ ...x, pointer: `/${i}/answers${x.pointer}` })));
  });
  const BATCH = 1000;
  await inTransaction(em, async (tx) => {
    for (let at = 0; at < rows.length; at += BATCH) {
      await surveyRepository.insertResponses(tx, rows.slice(at, at + BATCH).map((r) => ({
        organisationId: wave.organisationId, waveId: wave.id, projectId: r.projectId, versionId: version.id, linkId: null,
        answers: r.answers, nps: npsAnswer(schema, r.answers), submittedAt: r.submittedAt,
      })));
    }
  });
  return rows.length;
}
