import { Migration } from '@mikro-orm/migrations';

/**
 * The customer's voice: feedback items of a project with the analysis they were given at intake.
 * A row belongs to its project's organisation (row-level security, inherited by trigger); a source
 * system's id is unique within an organisation, so an export imported twice adds nothing.
 */
export class Migration20261203170000CustomerVoice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "feedback" ("id" serial primary key, "organisation_id" int not null default "pinzhi_row_organisation"() references "organisation" ("id"),
      "project_id" int not null references "project" ("id"), "channel" varchar(32) not null, "received_at" timestamptz not null, "text" text not null,
      "place" varchar(255) null, "contact" varchar(255) null, "source_id" varchar(255) null,
      "module" varchar(8) null, "touchpoints" jsonb not null default '[]', "problem_type" varchar(64) null, "sentiment" varchar(16) not null,
      "intensity" smallint not null, "repetition" int not null default 0, "priority" varchar(4) not null, "unclassified" varchar(32) null, "model_version" varchar(64) not null,
      "complaint_instance_id" int null, "created_by" varchar(255) not null, "created_at" timestamptz not null,
      unique ("organisation_id", "source_id"))`);
    this.addSql(`create index "feedback_project_received" on "feedback" ("project_id", "received_at")`);
    this.addSql(`create index "feedback_type_received" on "feedback" ("problem_type", "received_at")`);
    this.addSql(`create index "feedback_organisation" on "feedback" ("organisation_id")`);
    this.addSql(`alter table "feedback" enable row level security`);
    this.addSql(`create policy "feedback_organisation" on "feedback" using ("organisation_id" = "pinzhi_organisation"()) with check ("organisation_id" = "pinzhi_organisation"())`);
    this.addSql(`create function "pinzhi_feedback_organisation"() returns trigger language plpgsql security definer set search_path = public as $$
      declare parent_organisation int;
      begin
        select "organisation_id" into parent_organisation from "project" where "id" = new."project_id";
        new."organisation_id" := coalesce(parent_organisation, new."organisation_id");
        return new;
      end $$`);
    this.addSql(`create trigger "feedback_organisation" before insert on "feedback" for each row execute function "pinzhi_feedback_organisation"()`);
    this.addSql(`grant select, insert, update, delete on "feedback" to "pinzhi_app"`);
    this.addSql(`grant usage, select on sequence "feedback_id_seq" to "pinzhi_app"`);
  }
}
