import type { EntityManager } from '../domain/shared/persistence.ts';
import { passingAnswers } from '../domain/checklists/sample-answers.ts';

/** A feedback item as a test constructs it (what intake would have stored). */
export interface FeedbackSeed {
  projectId: number;
  text: string;
  problemType: string | null;
  priority: string;
  module?: string | null;
  touchpoints?: string[];
  intensity?: number;
  receivedAt?: Date;
  channel?: string;
}

/** Stores a feedback item directly (the intake service is another part's): its organisation is the project's. */
export async function insertFeedback(em: EntityManager, f: FeedbackSeed): Promise<number> {
  const [row] = await em.execute<{ id: number }[]>(
    `insert into feedback (organisation_id, project_id, channel, received_at, text, module, touchpoints, problem_type, sentiment, intensity, repetition, priority, model_version, created_by, created_at)
     select p.organisation_id, p.id, ?, ?, ?, ?, ?::jsonb, ?, 'negative', ?, 0, ?, 'test', 'test', now() from project p where p.id = ? returning id`,
    [f.channel ?? 'hotline', f.receivedAt ?? new Date(), f.text, f.module ?? null, JSON.stringify(f.touchpoints ?? []), f.problemType, f.intensity ?? 2, f.priority, f.projectId]);
  return row.id;
}

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: Record<string, any> | null; errors?: unknown[] }>;

/**
 * Submits an inspection of one standard on a project (through the API, as an inspector would)
 * with the named items failing: the findings against them are real ones.
 */
export async function failStandardItems(em: EntityManager, gql: Gql, projectId: number, code: string, failing: string[], submissionId: string): Promise<{ id: number; itemKey: string }[]> {
  const list = (await gql(`{ checklist(projectId: ${projectId}, tier: quarterly, scope: "${code}") { ... on Checklist { id items { id key severity input schema evidence rectifyWithinHours } } } }`)).data!.checklist;
  const photos = Array.from({ length: 10 }, (_, i) => String(i).repeat(64));
  for (const p of photos) await em.execute(`insert into photo (organisation_id, sha256, mime, bytes, uploaded_by, created_at) select organisation_id, ?, 'image/png', 9, 'inspector', now() from project where id = ? on conflict do nothing`, [p, projectId]);
  const answers = passingAnswers(list.items, photos).map((a) => {
    const item = list.items.find((i: { id: string }) => i.id === a.itemId);
    if (!failing.includes(item.key) || item.input !== 'boolean') return a;
    return { itemId: a.itemId, value: false, photos: [photos[0]] };
  });
  const submitted = await gql('mutation ($c: String!, $s: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: $s, answers: $a) { __typename ... on SubmitInspectionSuccess { inspection { findings { id } } } ... on Error { message } } }', { c: list.id, s: submissionId, a: answers });
  const ids: number[] = submitted.data!.submitInspection.inspection.findings.map((f: { id: number }) => f.id);
  return ids.length ? em.execute(`select id, item_key as "itemKey" from finding where id in (${ids.map(() => '?').join(', ')}) order by id`, ids) : [];
}
