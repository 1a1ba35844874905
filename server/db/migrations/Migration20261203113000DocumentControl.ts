import { Migration } from '@mikro-orm/migrations';

/**
 * Document control (ISO 9001 §7.5): who last saved a draft, and the notes of each step of a
 * version's review kept apart — the submitter's, the returning reviewer's, the publisher's — so
 * none overwrites the author's note or another.
 */
export class Migration20261203113000DocumentControl extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "standard_version"
      add column "edited_by" varchar(255) null,
      add column "submit_note" text null,
      add column "returned_by" varchar(255) null,
      add column "returned_at" timestamptz null,
      add column "return_note" text null,
      add column "publish_note" text null`);
  }
}
