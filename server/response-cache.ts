import { createHash } from 'node:crypto';
import { parse, type OperationTypeNode } from 'graphql';

export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  expiresAt: number;
}

export interface ResponseCacheOptions {
  /** How long a query response is reused; 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
  /** Responses larger than this are not kept. */
  maxEntryBytes: number;
}

/**
 * A small in-process cache of GraphQL query responses, keyed by the request and the caller's
 * identity. Any mutation handled by this process clears it; a generation counter keeps a query
 * that was running across a mutation from storing its (possibly older) answer. Other processes
 * (a second server, the CLI) are seen after at most `ttlMs`. Only successful query responses
 * without top-level errors are kept.
 */
export class ResponseCache {
  readonly #options: ResponseCacheOptions;
  readonly #entries = new Map<string, CachedResponse>();
  readonly #operationKinds = new Map<string, OperationTypeNode | 'sign-in' | null>();
  #generation = 0;

  constructor(options: ResponseCacheOptions) {
    this.#options = options;
  }

  get enabled(): boolean {
    return this.#options.ttlMs > 0;
  }

  get generation(): number {
    return this.#generation;
  }

  /** The key of a request: method, query string, caller and body, hashed. */
  static key(method: string, search: string, caller: string, body: Buffer | undefined): string {
    const hash = createHash('sha256').update(method).update('\n').update(search).update('\n').update(caller).update('\n');
    if (body) hash.update(body);
    return hash.digest('base64url');
  }

  get(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Keeps a response unless a mutation ran since `generation` was read. */
  set(key: string, generation: number, response: Omit<CachedResponse, 'expiresAt' | 'etag'> & { etag: string }, now = Date.now()): void {
    if (!this.enabled || generation !== this.#generation || response.body.length > this.#options.maxEntryBytes) return;
    if (this.#entries.size >= this.#options.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { ...response, expiresAt: now + this.#options.ttlMs });
  }

  /** Forgets everything: called after every mutation. */
  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
  }

  /**
   * The kind of operation a GraphQL request runs (`query`, `mutation`, …; `sign-in` for a mutation
   * that only calls `login`, which changes nothing cached), or null when the request cannot be
   * parsed (Yoga will answer it with an error).
   */
  operationKind(query: unknown, operationName: unknown): OperationTypeNode | 'sign-in' | null {
    if (typeof query !== 'string') return null;
    const cacheKey = `${typeof operationName === 'string' ? operationName : ''}\u0000${query}`;
    if (this.#operationKinds.has(cacheKey)) return this.#operationKinds.get(cacheKey)!;
    let kind: OperationTypeNode | 'sign-in' | null = null;
    try {
      const operations = parse(query).definitions.filter((d) => d.kind === 'OperationDefinition');
      const chosen = typeof operationName === 'string' ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
      kind = chosen?.operation ?? null;
      const onlyLogin = chosen?.selectionSet.selections.every((s) => s.kind === 'Field' && (s.name.value === 'login' || s.name.value === '__typename'));
      if (kind === 'mutation' && onlyLogin) kind = 'sign-in';
    } catch {
      kind = null;
    }
    if (this.#operationKinds.size >= 1000) this.#operationKinds.clear();
    this.#operationKinds.set(cacheKey, kind);
    return kind;
  }
}

/** A strong ETag for a response body. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
