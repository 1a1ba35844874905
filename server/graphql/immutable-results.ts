import { createHash } from 'node:crypto';
import { getOperationAST, isObjectType, Kind, parse, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLCompositeType, type GraphQLSchema } from 'graphql';
import { schema } from './schema.ts';
import { etagOf } from '../response-cache.ts';
import { visibleChecklist } from './checklist.types.ts';
import { standardFingerprint } from '../../domain/editions/standard-read.service.ts';
import type { ServiceContext } from '../../domain/shared/service-context.ts';

/**
 * The rendered answers of queries about data that never changes (a stored checklist by id, a
 * standard's document and pinned version as they stand, fingerprinted on every request): the
 * response bytes, reused for the next caller who asks the same thing in the same language. Only the
 * rendering is reused — every request still runs the field's access check for its own caller first
 * (`immutableIdentity`), so a caller who may not see the object gets what Yoga answers them, never
 * these bytes. Selections that reach data which changes (`Checklist.project`) are not memoised.
 */
export class ImmutableResults {
  readonly #maxBytes: number;
  readonly #entries = new Map<string, MemoisedAnswer>();
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** Off when its budget is 0. */
  get enabled(): boolean {
    return this.#maxBytes > 0;
  }

  /** What is kept now: entries and bytes of bodies. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  /** The key of an answer: the object's identity, the request's text and variables, the language and what the client accepts. */
  static key(identity: string, request: ImmutableRequest, locale: string, accept: string): string {
    return createHash('sha256').update(`${identity}\n${locale}\n${accept}\n${request.operationName ?? ''}\n${JSON.stringify(request.variables)}\n${request.query}`).digest('base64url');
  }

  get(key: string): MemoisedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // least recently used first: a hit moves to the back
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /** Keeps an answer, dropping the least recently used beyond the byte budget; an answer larger than the budget is not kept. */
  set(key: string, headers: Record<string, string>, body: Buffer): void {
    if (body.length > this.#maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous) {
      this.#entries.delete(key);
      this.#bytes -= previous.body.length;
    }
    for (const [oldKey, old] of this.#entries) {
      if (this.#bytes + body.length <= this.#maxBytes) break;
      this.#entries.delete(oldKey);
      this.#bytes -= old.body.length;
    }
    this.#entries.set(key, { headers, body, etag: etagOf(body) });
    this.#bytes += body.length;
  }
}

/** A rendered answer: Yoga's headers and body, and the body's ETag (for the response cache). */
export interface MemoisedAnswer {
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
}

/** A GraphQL request whose answer may be memoised: one query of one root field about immutable data. */
export interface ImmutableRequest {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  field: keyof typeof ROOTS;
  /** the object asked for: the checklist's id, the standard's code */
  id: string;
  /** the root field's arguments, given literally or as variables (absent optional ones left out) */
  args: Record<string, string>;
}

/** Fields of a standard read through an edition that come from the document's and the pinned version's rows alone (not `mayPublish`, which depends on the caller, nor other versions). */
const STANDARD_FIELDS = new Set([
  ...['code', 'kind', 'parentCode', 'title', 'retired', 'latestVersion', 'publishedVersion', 'edition', 'current'].map((f) => `Standard.${f}`),
  ...['code', 'version', 'status', 'title', 'schema', 'contentHash', 'revision', 'author', 'note', 'createdAt', 'updatedAt', 'submittedBy', 'submittedAt', 'publishedBy', 'publishedAt',
    'statusChangedBy', 'statusChangedAt', 'statusNote', 'editedBy', 'submitNote', 'returnedBy', 'returnedAt', 'returnNote', 'publishNote'].map((f) => `StandardVersion.${f}`),
]);
const CHECKLIST_MUTABLE = new Set(['Checklist.project']);

/**
 * Root fields whose answer is fixed by what `immutableIdentity` reads: their arguments (required
 * or not), the one naming the object, and which fields under them may be selected. A stored
 * checklist never changes (only its project does); a standard's answer is fixed by its document's
 * and pinned version's rows, which its identity fingerprints.
 */
const ROOTS = {
  checklistById: { args: { id: true }, primary: 'id', selectable: (coordinate: string) => !CHECKLIST_MUTABLE.has(coordinate) },
  standard: { args: { code: true, edition: false }, primary: 'code', selectable: (coordinate: string) => STANDARD_FIELDS.has(coordinate) },
} as const;
const PARSED_LIMIT = 256;
/** Cache of parsed query texts (the documents a client sends are few). */
const parsed = new Map<string, DocumentNode | null>();
/** Cache of whether a parsed document selects only what its root field allows, found once per document. */
const verdicts = new WeakMap<DocumentNode, boolean>();

/** The document of a query text (parsed once per distinct text, up to a few hundred), or null when it does not parse. */
function documentOf(query: string): DocumentNode | null {
  if (parsed.has(query)) return parsed.get(query)!;
  let document: DocumentNode | null;
  try {
    document = parse(query, { maxTokens: 10_000 });
  } catch {
    document = null;
  }
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  parsed.set(query, document);
  return document;
}

/**
 * Whether every field the document selects is known (Yoga validates the rest) and allowed by
 * `selectable`; `__typename` and the fields of error results (never part of an answer that is
 * memoised: the identity is found only where the resolver answers the object) always are.
 * Directives are not memoised.
 */
function selectsOnlyImmutable(document: DocumentNode, graphqlSchema: GraphQLSchema, selectable: (coordinate: string) => boolean): boolean {
  const typeInfo = new TypeInfo(graphqlSchema);
  const errorInterface = graphqlSchema.getType('Error');
  const isError = (type: GraphQLCompositeType) => type === errorInterface || (isObjectType(type) && type.getInterfaces().some((i) => i === errorInterface));
  let ok = true;
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (!parent || !field) ok = false;
      else if (node.name.value !== '__typename' && parent !== graphqlSchema.getQueryType() && !isError(parent) && !selectable(`${parent.name}.${node.name.value}`)) ok = false;
    },
    Directive() {
      ok = false;
    },
  }));
  return ok;
}

/**
 * The request when it asks for one immutable root field only (`checklistById`, `standard`) with
 * literal or variable string arguments, selecting nothing that changes; otherwise null and it runs
 * as usual.
 */
export function immutableRequestOf(body: unknown): ImmutableRequest | null {
  if (typeof body !== 'object' || body === null) return null;
  const { query, operationName = null, variables = {} } = body as Record<string, unknown>;
  if (typeof query !== 'string' || (operationName !== null && typeof operationName !== 'string') || typeof variables !== 'object' || variables === null || Array.isArray(variables)) return null;
  const document = documentOf(query);
  const operation = document && getOperationAST(document, operationName);
  if (!document || !operation || operation.operation !== 'query' || operation.selectionSet.selections.length !== 1) return null;
  const root = operation.selectionSet.selections[0];
  if (root.kind !== Kind.FIELD || root.alias || !(root.name.value in ROOTS)) return null;
  const field = root.name.value as keyof typeof ROOTS;
  const spec: { args: Record<string, boolean>; primary: string; selectable: (coordinate: string) => boolean } = ROOTS[field];
  const args: Record<string, string> = {};
  for (const argument of root.arguments ?? []) {
    const name = argument.name.value;
    if (!(name in spec.args) || name in args) return null;
    const value = argument.value.kind === Kind.STRING ? argument.value.value
      : argument.value.kind === Kind.VARIABLE ? (variables as Record<string, unknown>)[argument.value.name.value]
      : argument.value.kind === Kind.NULL ? null : undefined;
    if (value === null && !spec.args[name]) continue;
    if (typeof value !== 'string') return null;
    args[name] = value;
  }
  if (Object.entries(spec.args).some(([name, required]) => required && !(name in args))) return null;
  let verdict = verdicts.get(document);
  if (verdict === undefined) verdicts.set(document, verdict = selectsOnlyImmutable(document, schema, spec.selectable));
  if (!verdict) return null;
  return { query, operationName: operationName as string | null, variables: variables as Record<string, unknown>, field, id: args[spec.primary], args };
}

/**
 * The identity of the object the request asks for, after the same access check its resolver runs
 * for this caller; throws what the resolver would (the caller is then answered by Yoga as usual).
 */
export async function immutableIdentity(ctx: ServiceContext, request: ImmutableRequest): Promise<string> {
  if (request.field === 'standard') return `standard:${request.id}:${await standardFingerprint(ctx, request.id, request.args.edition ?? null)}`;
  const checklist = await visibleChecklist(ctx, request.id);
  return `checklist:${checklist.id}`;
}
