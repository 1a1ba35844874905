import type { TestApp } from '../harness.ts';
import type { JsonObject } from '../../domain/shared/json.ts';
import type { InputKind } from '../../domain/checklists/criterion.ts';
import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { openPendingRectifications } from '../../domain/findings/rectification.service.ts';
import { solidPng } from '../../server/seed/png.ts';

/** Uploads a photo the way a phone does (GraphQL multipart request); returns its sha256. */
export async function uploadPhoto(t: TestApp, token: string, bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadPhoto(file: $f) { __typename ... on Photo { sha256 } ... on Error { message } } }', variables: { f: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'site.png');
  const response = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as { data: { uploadPhoto: { __typename: string; sha256?: string; message?: string } } };
  if (!body.data.uploadPhoto.sha256) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.data.uploadPhoto.sha256;
}

interface Item {
  id: string;
  key: string;
  severity: string;
  input: InputKind;
  evidence: string;
  touchpoints: string[];
  options: string[] | null;
  schema: JsonObject;
}

/**
 * An inspector submits a checklist of a project through the API with the given items failing
 * (each with a photo): real findings, and for major and critical ones a rectification opened by the
 * same sweep the job queue runs.
 */
export async function inspect(t: TestApp, token: string, options: { projectId: number; scope: string; fail: (item: Item) => boolean; submissionId: string; photos: string[] }): Promise<{ inspectionId: number; findings: number }> {
  const list = (await t.gql(`{ checklist(projectId: ${options.projectId}, tier: quarterly, scope: "${options.scope}") { ... on Checklist { id items { id key severity input evidence touchpoints options schema } } ... on Error { message } } }`, {}, token)).data.checklist;
  if (!list.items) throw new Error(`no checklist: ${JSON.stringify(list)}`);
  const failing = new Set((list.items as Item[]).filter((i) => failingValue(i) !== null && options.fail(i)).map((i) => i.id));
  const answers = passingAnswers(list.items, options.photos).map((a) => {
    if (!failing.has(a.itemId)) return a;
    return { itemId: a.itemId, value: failingValue((list.items as Item[]).find((i) => i.id === a.itemId)!), photos: [options.photos[0]] };
  });
  const result = (await t.gql('mutation ($c: String!, $s: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: $s, answers: $a) { __typename ... on SubmitInspectionSuccess { inspection { id findingCount } } ... on Error { message } ... on ValidationError { issues { pointer message } } } }', { c: list.id, s: options.submissionId, a: answers }, token)).data.submitInspection;
  if (!result.inspection) throw new Error(`submission refused: ${JSON.stringify(result)}`);
  await openPendingRectifications(t.app.context(SYSTEM_ACTOR), SYSTEM_ACTOR);
  return { inspectionId: result.inspection.id, findings: result.inspection.findingCount };
}

/** Site photos of different colours (an item may ask for several distinct photos). */
export const SITE_PHOTOS = [[90, 140, 120], [160, 120, 80], [70, 90, 150], [150, 150, 150], [200, 180, 90]].map((rgb) => solidPng(64, 48, rgb as [number, number, number]));
