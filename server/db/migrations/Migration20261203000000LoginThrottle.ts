import { Migration } from '@mikro-orm/migrations';

/**
 * Failed sign-ins counted per username and per client address (`user:<name>`, `addr:<ip>`), so
 * that every server of one database throttles the same guesser.
 */
export class Migration20261203000000LoginThrottle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "login_throttle" (
      "key" varchar(300) primary key,
      "failures" int not null check ("failures" > 0),
      "window_started_at" timestamptz not null,
      "locked_until" timestamptz null)`);
  }
}
