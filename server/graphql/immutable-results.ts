import { createHash } from 'node:crypto';
import { getOperationAST, Kind, parse, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { schema } from './schema.ts';
import { etagOf } from '../response-cache.ts';
import { visibleChecklist } from './checklist.types.ts';
import type { ServiceContext } from '../../domain/shared/service-context.ts';

/**
 * The rendered answers of queries about data that never changes (a stored checklist by id): the
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

/** A GraphQL request whose answer may be memoised: one query of one immutable root field. */
export interface ImmutableRequest {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  field: 'checklistById';
  id: string;
}

/** Root fields whose object never changes, with the fields under them that reach data which does. */
const ROOTS = { checklistById: { mutable: new Set(['Checklist.project']) } } as const;
const PARSED_LIMIT = 256;
/** Cache of parsed query texts (the documents a client sends are few). */
const parsed = new Map<string, DocumentNode | null>();

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

/** Whether every field the document selects is known (Yoga validates the rest) and none reaches data that changes; directives are not memoised. */
function selectsOnlyImmutable(document: DocumentNode, graphqlSchema: GraphQLSchema, mutable: ReadonlySet<string>): boolean {
  const typeInfo = new TypeInfo(graphqlSchema);
  let ok = true;
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (!parent || !field) ok = false;
      else if (mutable.has(`${parent.name}.${node.name.value}`)) ok = false;
    },
    Directive() {
      ok = false;
    },
  }));
  return ok;
}

/**
 * The request when it asks for one immutable root field only (`checklistById` with a literal or
 * variable id), selecting nothing that changes; otherwise null and it runs as usual.
 */
export function immutableRequestOf(body: unknown): ImmutableRequest | null {
  if (typeof body !== 'object' || body === null) return null;
  const { query, operationName = null, variables = {} } = body as Record<string, unknown>;
  if (typeof query !== 'string' || (operationName !== null && typeof operationName !== 'string') || typeof variables !== 'object' || variables === null || Array.isArray(variables)) return null;
  const document = documentOf(query);
  const operation = document && getOperationAST(document, operationName);
  if (!document || !operation || operation.operation !== 'query' || operation.selectionSet.selections.length !== 1) return null;
  const root = operation.selectionSet.selections[0];
  if (root.kind !== Kind.FIELD || !(root.name.value in ROOTS) || root.arguments?.length !== 1 || root.arguments[0].name.value !== 'id') return null;
  const value = root.arguments[0].value;
  const id = value.kind === Kind.STRING ? value.value : value.kind === Kind.VARIABLE ? (variables as Record<string, unknown>)[value.name.value] : undefined;
  if (typeof id !== 'string') return null;
  const field = root.name.value as keyof typeof ROOTS;
  if (!selectsOnlyImmutable(document, schema, ROOTS[field].mutable)) return null;
  return { query, operationName: operationName as string | null, variables: variables as Record<string, unknown>, field, id };
}

/**
 * The identity of the object the request asks for, after the same access check its resolver runs
 * for this caller; throws what the resolver would (the caller is then answered by Yoga as usual).
 */
export async function immutableIdentity(ctx: ServiceContext, request: ImmutableRequest): Promise<string> {
  const checklist = await visibleChecklist(ctx, request.id);
  return `checklist:${checklist.id}`;
}
