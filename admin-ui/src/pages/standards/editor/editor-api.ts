import { isJsonObject, type JsonObject } from '../../../../../domain/shared/json.ts';
import { ErrorFields, expect, graphql, request, type Issue, type ResultOf } from '../../../lib/graphql.ts';

/** The version being worked on, as the editor reads it after every load and every change. */
const OpenVersionFields = graphql(`fragment OpenVersionFields on StandardVersion { version status revision schema author updatedAt note submittedBy submittedAt submitNote returnedBy returnedAt returnNote mayPublish }`);
const LOAD = graphql(`
  query EditorStandard($code: String!) { standard(code: $code) { __typename ...ErrorFields
    ... on Standard { code kind title latestPublished { version schema } draft { ...OpenVersionFields } } } }
`, [ErrorFields, OpenVersionFields]);
const CREATE = graphql(`mutation CreateDraft($code: String!) { createDraft(code: $code) { __typename ...ErrorFields ...OpenVersionFields } }`, [ErrorFields, OpenVersionFields]);
const UPDATE = graphql(`
  mutation UpdateDraft($code: String!, $schema: JSON!, $rev: Int!) { updateDraft(code: $code, schema: $schema, expectedRevision: $rev) { __typename ...ErrorFields ...OpenVersionFields } }
`, [ErrorFields, OpenVersionFields]);
const SUBMIT = graphql(`mutation SubmitForReview($code: String!, $note: String) { submitForReview(code: $code, note: $note) { __typename ...ErrorFields ...OpenVersionFields } }`, [ErrorFields, OpenVersionFields]);
const RETURN = graphql(`mutation ReturnToDraft($code: String!, $note: String) { returnToDraft(code: $code, note: $note) { __typename ...ErrorFields ...OpenVersionFields } }`, [ErrorFields, OpenVersionFields]);
const PUBLISH = graphql(`mutation Publish($code: String!, $note: String) { publish(code: $code, note: $note) { __typename ...ErrorFields ...OpenVersionFields } }`, [ErrorFields, OpenVersionFields]);
const DISCARD = graphql(`mutation DiscardDraft($code: String!, $note: String) { discardDraft(code: $code, note: $note) { __typename ...ErrorFields ... on DiscardedDraft { code version documentRemoved } } }`, [ErrorFields]);
const CHECK = graphql(`query CheckStandard($code: String!, $schema: JSON!) { checkStandard(code: $code, schema: $schema) { pointer code message } }`);

/** A version with its schema read as the JSON object a standard is (anything else would be refused by the server). */
export type OpenVersion = Omit<ResultOf<typeof OpenVersionFields>, 'schema'> & { schema: JsonObject };
export type Loaded = Omit<Extract<ResultOf<typeof LOAD>['standard'], { __typename: 'Standard' }>, 'draft' | 'latestPublished'> & {
  latestPublished: { version: number; schema: JsonObject } | null;
  draft: OpenVersion | null;
};

const objectOf = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const openVersion = (v: ResultOf<typeof OpenVersionFields>): OpenVersion => ({ ...v, schema: objectOf(v.schema) });

/** The standard with its newest published version and the version being worked on. */
export async function loadStandard(code: string): Promise<Loaded> {
  const s = expect((await request(LOAD, { code })).standard, 'Standard');
  return { ...s, latestPublished: s.latestPublished && { version: s.latestPublished.version, schema: objectOf(s.latestPublished.schema) }, draft: s.draft && openVersion(s.draft) };
}

/** Opens a draft: a copy of the newest version. */
export async function createDraft(code: string): Promise<void> {
  expect((await request(CREATE, { code })).createDraft, 'StandardVersion');
}

/** Saves the draft if `revision` is still the current one (else a ConflictError with the current revision). */
export async function saveDraft(code: string, schema: JsonObject, revision: number): Promise<OpenVersion> {
  return openVersion(expect((await request(UPDATE, { code, schema, rev: revision })).updateDraft, 'StandardVersion'));
}

export async function submitForReview(code: string, note: string | null): Promise<void> {
  expect((await request(SUBMIT, { code, note })).submitForReview, 'StandardVersion');
}

export async function returnToDraft(code: string, note: string | null): Promise<void> {
  expect((await request(RETURN, { code, note })).returnToDraft, 'StandardVersion');
}

/** Publishes the version in review; returns its number. */
export async function publish(code: string, note: string | null): Promise<number> {
  return expect((await request(PUBLISH, { code, note })).publish, 'StandardVersion').version;
}

/** Discards the draft (or version in review); says whether the standard, being new, went with it. */
export async function discardDraft(code: string, note: string | null): Promise<{ version: number; documentRemoved: boolean }> {
  return expect((await request(DISCARD, { code, note })).discardDraft, 'DiscardedDraft');
}

/** Every problem the server finds in a document, storing nothing. */
export async function checkStandard(code: string, schema: JsonObject): Promise<Issue[]> {
  return (await request(CHECK, { code, schema })).checkStandard;
}
