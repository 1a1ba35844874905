/**
 * First start: the demo wave's responses, so the results page has the brief's story to show.
 * The questionnaire and wave belong to the surveys feature's demo; until that seeding runs first,
 * this creates a published questionnaire (SV-RESIDENT) and a wave over the two previous quarters
 * itself. Does nothing when the wave already has responses.
 */
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import { seedSurveyResponses } from './survey-responses-demo.ts';
import { surveyDemoRepository } from './survey-demo.repository.ts';

const ORGANISATION = 1;
export const DEMO_QUESTIONNAIRE = 'SV-RESIDENT';

/** The demo questionnaire: overall satisfaction, likelihood to recommend, five driver questions, a comment. */
export const DEMO_SCHEMA = {
  type: 'object',
  properties: {
    overall: { type: 'integer', title: '总体而言，您对物业服务满意吗？', minimum: 1, maximum: 5, 'x-role': 'overall' },
    recommend: { type: 'integer', title: '您有多大可能向亲友推荐本物业？', minimum: 0, maximum: 10, 'x-role': 'nps' },
    environment: { type: 'integer', title: '小区环境整洁、绿化养护', minimum: 1, maximum: 5, 'x-role': 'driver', 'x-driver': '环境品质' },
    response: { type: 'integer', title: '报修与投诉的响应速度', minimum: 1, maximum: 5, 'x-role': 'driver', 'x-driver': '服务响应' },
    fees: { type: 'integer', title: '物业费收支公开透明', minimum: 1, maximum: 5, 'x-role': 'driver', 'x-driver': '费用透明' },
    safety: { type: 'integer', title: '门岗与巡逻的安全秩序', minimum: 1, maximum: 5, 'x-role': 'driver', 'x-driver': '安全秩序' },
    facilities: { type: 'integer', title: '电梯与公共设施维护', minimum: 1, maximum: 5, 'x-role': 'driver', 'x-driver': '设施维护' },
    comment: { type: 'string', title: '您还有什么意见或建议？', maxLength: 2000, 'x-role': 'comment' },
  },
  required: ['overall', 'recommend'],
};

/** The first day of the quarter `back` quarters before the one of `day` (YYYY-MM-DD). */
export function quarterStart(day: string, back: number): string {
  const q = Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3) - back;
  return `${Math.floor(q / 4)}-${String((q % 4) * 3 + 1).padStart(2, '0')}-01`;
}

/** Inserts a published questionnaire version and a wave pinning it; returns their ids. */
export async function insertWave(em: EntityManager, organisationId: number, code: string, schema: Record<string, unknown>, opensOn: string, closesOn: string, name: string): Promise<{ waveId: number; versionId: number }> {
  return surveyDemoRepository.insertWave(em, organisationId, code, schema, opensOn, closesOn, name);
}

/** The demo wave (the latest of the first organisation pinning a version with driver questions), created when missing. */
async function demoWave(em: EntityManager): Promise<{ waveId: number; versionId: number }> {
  const found = await surveyDemoRepository.latestDriverWave(em, ORGANISATION);
  if (found) return found;
  const today = todayInChina();
  const closes = new Date(Date.parse(`${quarterStart(today, 0)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return insertWave(em, ORGANISATION, DEMO_QUESTIONNAIRE, DEMO_SCHEMA, quarterStart(today, 2), closes, '业主满意度调查（上两季度）');
}

/** Seeds the demo wave's responses over the first organisation's projects once. */
export async function seedSurveyResultsDemo(em: EntityManager, log: (line: string) => void): Promise<void> {
  const { waveId, versionId } = await demoWave(em);
  if ((await surveyDemoRepository.responseCount(em, waveId)) > 0) return;
  const projects = await surveyDemoRepository.projects(em, ORGANISATION);
  if (projects.length === 0) return;
  const started = Date.now();
  const count = await seedSurveyResponses(em, waveId, versionId, projects);
  log(`demo survey responses: ${count} for wave ${waveId} in ${Date.now() - started} ms`);
}
