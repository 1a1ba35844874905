import { Migration } from '@mikro-orm/migrations';

/** The channel a change to who may do what is announced on (see `server/access-cache.ts`). */
export const ACCESS_CHANNEL = 'pinzhi_access';

/**
 * Announces every change to the tables a caller's access is built from — accounts, memberships and
 * projects (a region's projects are part of a regional role's reach) — on one channel, once per
 * statement, whoever makes it: the application, another server process, or an operator's psql.
 * Servers keep callers' access in memory and drop it when this arrives.
 */
export class Migration20261205050000AccessNotifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "pinzhi_access_changed"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${ACCESS_CHANNEL}', tg_table_name);
        return null;
      end $$`);
    for (const table of ['app_user', 'membership', 'project']) {
      this.addSql(`create trigger "${table}_access_changed" after insert or update or delete or truncate on "${table}" for each statement execute function "pinzhi_access_changed"()`);
    }
  }
}
