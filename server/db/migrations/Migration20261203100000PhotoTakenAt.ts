import { Migration } from '@mikro-orm/migrations';

/** When a photo was taken, as the phone that took it says (null for photos uploaded without it). */
export class Migration20261203100000PhotoTakenAt extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "photo" add column "taken_at" timestamptz null`);
  }
}
