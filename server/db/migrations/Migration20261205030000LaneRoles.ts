import { Migration } from '@mikro-orm/migrations';

/**
 * Lanes are roles (issue 19 item 3): the lane names an organisation's modellers map to Pinzhi roles,
 * beside the Chinese and English names recognised by default. One row per lane name (compared
 * normalised, `lane_key`); the organisation's own, by row-level security.
 */
export class Migration20261205030000LaneRoles extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "workflow_lane_role" ("id" serial primary key,
      "organisation_id" int not null default "pinzhi_row_organisation"() references "organisation" ("id"),
      "lane" varchar(255) not null, "lane_key" varchar(255) not null, "role" varchar(64) not null,
      "updated_by" varchar(255) not null, "updated_at" timestamptz not null)`);
    this.addSql(`create unique index "workflow_lane_role_key" on "workflow_lane_role" ("organisation_id", "lane_key")`);
    this.addSql(`alter table "workflow_lane_role" enable row level security`);
    this.addSql(`create policy "workflow_lane_role_organisation" on "workflow_lane_role" using ("organisation_id" = "pinzhi_organisation"()) with check ("organisation_id" = "pinzhi_organisation"())`);
    this.addSql(`grant select, insert, update, delete on "workflow_lane_role" to "pinzhi_app"`);
    this.addSql(`grant usage, select on sequence "workflow_lane_role_id_seq" to "pinzhi_app"`);
  }
}
