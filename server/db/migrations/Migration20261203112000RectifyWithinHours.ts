import { Migration } from '@mikro-orm/migrations';

/**
 * A finding keeps its check item's 整改时限 (x-check.rectifyWithinHours), which its rectification's
 * deadlines are computed from. Existing findings get it back from the due time it produced.
 */
export class Migration20261203112000RectifyWithinHours extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "finding" add column "rectify_within_hours" int null`);
    this.addSql(`update "finding" set "rectify_within_hours" = round(extract(epoch from ("rectify_due_at" - "created_at")) / 3600) where "rectify_due_at" is not null`);
  }
}
