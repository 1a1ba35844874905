import { Migration } from '@mikro-orm/migrations';

/**
 * Closing the customer's voice loop: the outcome of a complaint's handling kept on its feedback
 * (what the customer said at the last callback, after how many rounds, when it closed), and the
 * evidence a standard revision was opened with — the feedback and findings gathered for it, so the
 * reviewer reads what moved the revision. Evidence belongs to the organisation that gathered it
 * (row-level security; the organisation is inherited from the revision's instance).
 */
export class Migration20261203170200ClosingTheLoop extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "feedback" add column "complaint_outcome" varchar(16) null, add column "complaint_rounds" smallint null,
      add column "complaint_note" text null, add column "complaint_closed_at" timestamptz null`);
    this.addSql(`create table "revision_evidence" ("id" serial primary key, "organisation_id" int not null default "pinzhi_row_organisation"() references "organisation" ("id"),
      "instance_id" int not null references "workflow_instance" ("id") on delete cascade, "kind" varchar(16) not null check ("kind" in ('feedback', 'finding')),
      "item_id" int not null, "created_at" timestamptz not null, unique ("instance_id", "kind", "item_id"))`);
    this.addSql(`create index "revision_evidence_organisation" on "revision_evidence" ("organisation_id")`);
    this.addSql(`alter table "revision_evidence" enable row level security`);
    this.addSql(`create policy "revision_evidence_organisation" on "revision_evidence" using ("organisation_id" = "pinzhi_organisation"()) with check ("organisation_id" = "pinzhi_organisation"())`);
    this.addSql(`create function "pinzhi_revision_evidence_organisation"() returns trigger language plpgsql security definer set search_path = public as $$
      declare parent_organisation int;
      begin
        select "organisation_id" into parent_organisation from "workflow_instance" where "id" = new."instance_id";
        new."organisation_id" := coalesce(parent_organisation, new."organisation_id");
        return new;
      end $$`);
    this.addSql(`create trigger "revision_evidence_organisation" before insert on "revision_evidence" for each row execute function "pinzhi_revision_evidence_organisation"()`);
    this.addSql(`grant select, insert, update, delete on "revision_evidence" to "pinzhi_app"`);
    this.addSql(`grant usage, select on sequence "revision_evidence_id_seq" to "pinzhi_app"`);
  }
}
