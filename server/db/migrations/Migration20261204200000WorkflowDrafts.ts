import { Migration } from '@mikro-orm/migrations';

/**
 * Workflow drafts (issue 19): a BPMN diagram imported from another tool, stored with the list of
 * Pinzhi properties it still lacks until it is complete and deployed. A draft belongs to the
 * organisation that imported it (row-level security); at most one open draft per key.
 */
export class Migration20261204200000WorkflowDrafts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "workflow_draft" ("id" serial primary key,
      "organisation_id" int not null default "pinzhi_row_organisation"() references "organisation" ("id"),
      "key" varchar(64) not null, "name" varchar(255) not null, "process_id" varchar(255) null, "bpmn_xml" text not null,
      "missing" jsonb not null, "status" varchar(16) not null check ("status" in ('draft', 'deployed')), "deployed_version" int null,
      "revision" int not null, "created_by" varchar(255) not null, "created_at" timestamptz not null,
      "updated_by" varchar(255) not null, "updated_at" timestamptz not null)`);
    this.addSql(`create unique index "workflow_draft_open_key" on "workflow_draft" ("organisation_id", "key") where "status" = 'draft'`);
    this.addSql(`create index "workflow_draft_organisation" on "workflow_draft" ("organisation_id", "id")`);
    this.addSql(`alter table "workflow_draft" enable row level security`);
    this.addSql(`create policy "workflow_draft_organisation" on "workflow_draft" using ("organisation_id" = "pinzhi_organisation"()) with check ("organisation_id" = "pinzhi_organisation"())`);
    this.addSql(`grant select, insert, update, delete on "workflow_draft" to "pinzhi_app"`);
    this.addSql(`grant usage, select on sequence "workflow_draft_id_seq" to "pinzhi_app"`);
  }
}
