import pg from 'pg';
import type { Actor } from '../domain/shared/access.ts';
import { ACCESS_CHANNEL } from './db/migrations/Migration20261205050000AccessNotifications.ts';

/** How a server hears of access changes: it subscribes, and is told when the subscription is lost. */
export interface AccessChanges {
  /** Subscribes `changed`; resolves once the subscription holds. `lost` is called if it breaks later. */
  listen(changed: () => void, lost: (error: Error) => void): Promise<void>;
  close(): Promise<void>;
}

/** The people whose access is kept at most (oldest dropped first). */
const MAX_PEOPLE = 10_000;

/**
 * Callers' access — their organisation and where each of their roles reaches — kept in memory
 * between requests instead of read on each one (the read was one of the two database round trips of
 * every request). It is kept only while the server is subscribed to the database's announcements of
 * changes to accounts, memberships and projects (`ACCESS_CHANNEL`, sent by triggers whoever makes
 * the change): each announcement drops all of it. When the subscription is lost, nothing is kept
 * and every request reads again until it is back.
 *
 * A read that began before an announcement is not kept (the generation check), so a change is never
 * hidden by an answer that raced it. A change made through this server counts from the next request
 * (`changed` after each mutation); one made elsewhere counts once the announcement arrives, within
 * milliseconds of its commit.
 */
export class AccessCache {
  /** cache of actors by username (null: account missing or disabled) */
  private readonly people = new Map<string, Actor | null>();
  private generation = 0;
  private subscribed = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  private readonly load: (username: string) => Promise<Actor | null>;
  private readonly changes: AccessChanges | null;

  constructor(load: (username: string) => Promise<Actor | null>, changes: AccessChanges | null) {
    this.load = load;
    this.changes = changes;
  }

  /** Subscribes to the announcements; until it holds (or without any), every request reads. */
  async start(): Promise<void> {
    if (!this.changes || this.closed) return;
    try {
      await this.changes.listen(() => this.changed(), (error) => this.lost(error));
      this.changed();
      this.subscribed = !this.closed;
    } catch (error) {
      this.lost(error as Error);
    }
  }

  /** Whether access is being kept (subscribed to the announcements). */
  get keeping(): boolean {
    return this.subscribed;
  }

  /** The actor for a verified username, as the memberships are now. */
  async actorOf(username: string): Promise<Actor | null> {
    if (!this.subscribed) return this.load(username);
    const kept = this.people.get(username);
    if (kept !== undefined) return kept;
    const generation = this.generation;
    const actor = await this.load(username);
    if (this.subscribed && generation === this.generation) {
      if (this.people.size >= MAX_PEOPLE) this.people.delete(this.people.keys().next().value!);
      this.people.set(username, actor && freeze(actor));
    }
    return actor;
  }

  /** Drops everything kept: something about access changed (or may have). */
  changed(): void {
    this.generation++;
    this.people.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribed = false;
    clearTimeout(this.retry);
    this.changed();
    await this.changes?.close();
  }

  private lost(error: Error): void {
    const was = this.subscribed;
    this.subscribed = false;
    this.changed();
    if (this.closed) return;
    if (was) console.error(`access changes: subscription lost (${error.message}); reading access on every request until it is back`);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.changes?.close().catch(() => undefined).then(() => this.start()), 1000);
    this.retry.unref();
  }
}

function freeze(actor: Actor): Actor {
  for (const reach of actor.reach ?? []) {
    Object.freeze(reach.projects);
    Object.freeze(reach.regions);
    Object.freeze(reach);
  }
  Object.freeze(actor.roles);
  if (actor.reach) Object.freeze(actor.reach);
  return Object.freeze(actor);
}

/** Announcements from a PostgreSQL server, on a connection of their own (pooled ones come and go). */
export function postgresAccessChanges(connectionString: string): AccessChanges {
  let client: pg.Client | undefined;
  return {
    async listen(changed, lost) {
      const own = new pg.Client({ connectionString, application_name: 'pinzhi access changes' });
      client = own;
      let gone = false;
      const fail = (error: Error) => {
        if (gone || client !== own) return;
        gone = true;
        lost(error);
      };
      own.on('notification', (message) => {
        if (message.channel === ACCESS_CHANNEL) changed();
      });
      own.on('error', fail);
      own.on('end', () => fail(new Error('connection ended')));
      await own.connect();
      await own.query(`listen ${ACCESS_CHANNEL}`);
    },
    async close() {
      const own = client;
      client = undefined;
      await own?.end().catch(() => undefined);
    },
  };
}

/** Announcements inside the embedded PGlite (its one session hears its own). */
export function pgliteAccessChanges(database: () => Promise<{ listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> }>): AccessChanges {
  let unlisten: (() => Promise<void>) | undefined;
  return {
    async listen(changed) {
      unlisten = await (await database()).listen(ACCESS_CHANNEL, () => changed());
    },
    async close() {
      const stop = unlisten;
      unlisten = undefined;
      await stop?.().catch(() => undefined);
    },
  };
}
