import { annualQuestionnaireV1, annualQuestionnaireV2 } from '../../server/seed/survey-demo.ts';
import type { JsonObject } from '../shared/json.ts';
import { answerIssues, npsAnswer, questionnaireIssues, questionsOf } from './questionnaire-schema.ts';

type Schema = { properties: Record<string, Record<string, unknown>>; required?: string[] } & Record<string, unknown>;
const demo = () => annualQuestionnaireV1() as Schema;
const codes = (schema: unknown) => questionnaireIssues(schema).map((i) => [i.pointer, i.code]);

describe('the questionnaire language', () => {
  it('accepts the demo versions and reads their questions in order, with roles and drivers', () => {
    expect(questionnaireIssues(annualQuestionnaireV1())).toEqual([]);
    expect(questionnaireIssues(annualQuestionnaireV2())).toEqual([]);
    const questions = questionsOf(annualQuestionnaireV2());
    expect(questions.map((q) => q.key)).toEqual(['overall', 'recommend', 'environment', 'safety', 'maintenance', 'response', 'transparency', 'community', 'parking', 'comment']);
    expect(questions.filter((q) => q.role === 'driver').map((q) => q.driver)).toEqual(['环境品质', '安全秩序', '工程维修', '服务响应', '费用透明', '沟通互动', '停车管理']);
    expect(questions[0]).toEqual({ key: 'overall', title: '总体而言，您对本小区的物业服务满意吗？', role: 'overall', driver: null, minimum: 1, maximum: 5, required: true });
  });

  it('asks in x-order, which must list every question once (jsonb keeps no key order)', () => {
    const s = demo();
    s['x-order'] = ['comment', ...(s['x-order'] as string[]).filter((k) => k !== 'comment')];
    expect(questionsOf(s as unknown as JsonObject).map((q) => q.key).slice(0, 2)).toEqual(['comment', 'overall']);
    expect(codes({ ...demo(), 'x-order': ['overall', 'recommend'] })).toEqual([['/x-order', 'survey.order_rule']]);
    expect(codes({ ...demo(), 'x-order': [...(demo()['x-order'] as string[]), 'bogus'] })).toEqual([['/x-order', 'survey.order_rule']]);
  });

  it('needs exactly one overall question and at most one NPS question', () => {
    const none = demo();
    delete none.properties.overall;
    none.required = ['recommend'];
    delete none['x-order'];
    expect(codes(none)).toEqual([['/properties', 'survey.overall_count']]);
    const twoNps = demo();
    twoNps.properties.again = { ...twoNps.properties.recommend };
    delete twoNps['x-order'];
    expect(codes(twoNps)).toEqual([['/properties', 'survey.nps_count']]);
  });

  it('checks each question against its role, naming where', () => {
    const s = demo();
    s.properties.overall.maximum = 7;
    s.properties.environment = { type: 'integer', title: '环境', minimum: 1, 'x-role': 'driver', 'x-driver': '环境品质' };
    s.properties.comment['x-driver'] = '意见';
    s.properties.safety['x-role'] = 'rating';
    delete s.properties.maintenance.title;
    expect(codes(s)).toEqual([
      ['/properties/overall', 'survey.scale_rule'], ['/properties/environment', 'survey.scale_bounds'], ['/properties/safety/x-role', 'survey.role_missing'],
      ['/properties/maintenance/title', 'survey.title_missing'], ['/properties/comment/x-driver', 'survey.driver_only'],
    ]);
    const repeated = demo();
    repeated.properties.community['x-driver'] = '环境品质';
    expect(codes(repeated)).toEqual([['/properties/community/x-driver', 'survey.driver_repeated']]);
  });

  it('refuses what is not a JSON Schema object of questions, or that JSON Schema itself rejects', () => {
    expect(codes([])).toEqual([['', 'survey.schema_not_object']]);
    expect(codes({ type: 'array', properties: {} })).toEqual([['', 'survey.schema_not_object']]);
    expect(codes({ ...demo(), $id: 'urn:x' })).toEqual([['', 'survey.schema_not_object']]);
    expect(codes({ ...demo(), required: 'overall' }).map(([, code]) => code)).toEqual(['ajv.type']);
    const unknownKeyword = demo();
    unknownKeyword.properties.overall.colour = 'red';
    expect(codes(unknownKeyword)).toEqual([['', 'survey.schema_rejected']]);
  });

  it('validates answers against the version and reads the NPS answer', () => {
    const schema = annualQuestionnaireV1();
    expect(answerIssues(schema, { overall: 5, recommend: 7 })).toEqual([]);
    expect(answerIssues(schema, [1]).map((i) => i.code)).toEqual(['survey.answers_not_object']);
    expect(answerIssues(schema, { overall: 5, recommend: 7, bogus: 1 }).map((i) => [i.pointer, i.code])).toEqual([['/bogus', 'survey.answer_unknown']]);
    expect(answerIssues(schema, { overall: 0, recommend: 7.5 }).map((i) => [i.pointer, i.code])).toEqual([['/overall', 'ajv.minimum'], ['/recommend', 'ajv.type']]);
    expect(answerIssues(schema, { overall: 3, recommend: 1, comment: '长'.repeat(501) }).map((i) => [i.pointer, i.code])).toEqual([['/comment', 'ajv.maxLength']]);
    expect(npsAnswer(schema, { overall: 3, recommend: 0 })).toBe(0);
    expect(npsAnswer(schema, { overall: 3 })).toBeNull();
  });
});
