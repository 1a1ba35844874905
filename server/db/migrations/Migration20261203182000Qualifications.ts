import { Migration } from '@mikro-orm/migrations';

/**
 * On-site coaching (现场指导) and qualifications: coaching visits per project and work instruction
 * (pinned to the version coached), the certificates a task or an inspection requires, the checks
 * made against a person's certificates, and the expiry warnings sent (once per certificate and
 * threshold). Every row belongs to an organisation (row-level security).
 */
export class Migration20261203182000Qualifications extends Migration {
  override async up(): Promise<void> {
    const org = `"organisation_id" int not null default "pinzhi_row_organisation"() references "organisation" ("id")`;
    this.addSql(`create table "coaching" ("id" serial primary key, ${org}, "project_id" int not null references "project" ("id"),
      "code" varchar(64) not null, "version" int not null, "coached_on" date not null, "coach" varchar(255) not null,
      "notes" text not null, "photos" jsonb not null, "people" jsonb not null, "recorded_by" varchar(255) not null, "recorded_at" timestamptz not null)`);
    this.addSql(`create index "coaching_project" on "coaching" ("project_id", "id")`);
    this.addSql(`create index "coaching_code" on "coaching" ("code", "id")`);
    this.addSql(`create table "qualification_requirement" ("id" serial primary key, ${org}, "subject" varchar(16) not null,
      "target" varchar(128) not null, "certificate" varchar(255) not null, "created_by" varchar(255) not null, "created_at" timestamptz not null,
      unique ("organisation_id", "subject", "target", "certificate"))`);
    this.addSql(`create table "qualification_check" ("id" serial primary key, ${org}, "username" varchar(255) not null,
      "subject" varchar(32) not null, "subject_id" varchar(64) not null, "certificate" varchar(255) not null, "number" varchar(255) null,
      "expires_on" date null, "passed" boolean not null, "reason" varchar(32) not null, "checked_at" timestamptz not null)`);
    this.addSql(`create index "qualification_check_subject" on "qualification_check" ("subject", "subject_id")`);
    this.addSql(`create table "qualification_warning" ("id" serial primary key, ${org}, "recipient" varchar(255) not null,
      "holder" varchar(255) not null, "certificate" varchar(255) not null, "number" varchar(255) null, "expires_on" date not null,
      "threshold" varchar(16) not null, "created_at" timestamptz not null, unique ("recipient", "holder", "certificate", "expires_on", "threshold"))`);
    this.addSql(`create index "qualification_warning_recipient" on "qualification_warning" ("recipient", "id")`);
    for (const table of ['coaching', 'qualification_requirement', 'qualification_check', 'qualification_warning']) {
      this.addSql(`create index "${table}_organisation" on "${table}" ("organisation_id")`);
      this.addSql(`alter table "${table}" enable row level security`);
      this.addSql(`create policy "${table}_organisation" on "${table}" using ("organisation_id" = "pinzhi_organisation"()) with check ("organisation_id" = "pinzhi_organisation"())`);
      this.addSql(`grant select, insert, update, delete on "${table}" to "pinzhi_app"`);
      this.addSql(`grant usage, select on sequence "${table}_id_seq" to "pinzhi_app"`);
    }
  }
}
