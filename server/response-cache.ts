import { createHash } from 'node:crypto';

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
  /** The most bytes of response bodies kept at once; the oldest go first. */
  maxBytes: number;
  /** Responses larger than this are not kept. */
  maxEntryBytes: number;
}

/**
 * A small in-process cache of GraphQL query responses, keyed by the request and the caller's
 * identity. Any mutation handled by this process clears it; a generation counter keeps a query
 * that was running across a mutation from storing its (possibly older) answer. Other processes
 * (a second server, the CLI) are seen after at most `ttlMs`. Only successful query responses
 * without top-level errors are kept, within a byte budget; expired entries are dropped as they
 * expire (every entry lives `ttlMs`, so they expire in the order they were stored), which frees
 * their memory even when no request comes.
 */
export class ResponseCache {
  readonly #options: ResponseCacheOptions;
  readonly #entries = new Map<string, CachedResponse>();
  #bytes = 0;
  #generation = 0;
  #sweeper: NodeJS.Timeout | null = null;

  constructor(options: ResponseCacheOptions) {
    this.#options = options;
  }

  get enabled(): boolean {
    return this.#options.ttlMs > 0;
  }

  get generation(): number {
    return this.#generation;
  }

  /** What is kept now: entries and bytes of bodies. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
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
      this.#delete(key, entry);
      return undefined;
    }
    return entry;
  }

  /** Keeps a response unless a mutation ran since `generation` was read. */
  set(key: string, generation: number, response: Omit<CachedResponse, 'expiresAt' | 'etag'> & { etag: string }, now = Date.now()): void {
    const size = response.body.length;
    if (!this.enabled || generation !== this.#generation || size > this.#options.maxEntryBytes || size > this.#options.maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous) this.#delete(key, previous);
    this.sweep(now);
    // the oldest entries make room
    for (const [oldKey, old] of this.#entries) {
      if (this.#bytes + size <= this.#options.maxBytes) break;
      this.#delete(oldKey, old);
    }
    this.#entries.set(key, { ...response, expiresAt: now + this.#options.ttlMs });
    this.#bytes += size;
    this.#armSweeper();
  }

  /** Drops the expired entries (the oldest first, stopping at the first one still fresh). */
  sweep(now = Date.now()): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) break;
      this.#delete(key, entry);
    }
  }

  /** Forgets everything: called after every mutation. */
  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
    this.#bytes = 0;
  }

  #delete(key: string, entry: CachedResponse): void {
    this.#entries.delete(key);
    this.#bytes -= entry.body.length;
  }

  /** While anything is kept, a timer (which never holds the process open) drops what expired. */
  #armSweeper(): void {
    if (this.#sweeper) return;
    this.#sweeper = setInterval(() => {
      this.sweep();
      if (this.#entries.size === 0 && this.#sweeper) {
        clearInterval(this.#sweeper);
        this.#sweeper = null;
      }
    }, Math.max(this.#options.ttlMs, 250));
    this.#sweeper.unref();
  }
}

/** A strong ETag for a response body. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
