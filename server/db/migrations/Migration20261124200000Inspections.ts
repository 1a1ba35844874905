import { Migration } from '@mikro-orm/migrations';

/**
 * Projects and their places, immutable content-addressed checklists, inspection schedules,
 * uploaded photos, inspections (with per-module and per-document tallies) and their findings.
 */
export class Migration20261124200000Inspections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "project" (
      "id" serial primary key,
      "code" varchar(16) not null unique,
      "name" varchar(255) not null unique,
      "type" varchar(16) not null check ("type" in ('residential', 'commercial', 'office')),
      "region" varchar(64) not null,
      "profile" varchar(32) not null check ("profile" in ('standard', 'platinum')),
      "address" varchar(255) not null,
      "created_at" timestamptz not null)`);
    this.addSql(`create table "place" (
      "id" serial primary key,
      "project_id" int not null references "project" ("id"),
      "name" varchar(255) not null,
      "kind" varchar(32) not null,
      constraint "place_project_name_unique" unique ("project_id", "name"))`);

    this.addSql(`create table "checklist" (
      "id" varchar(64) not null primary key,
      "project_id" int not null references "project" ("id"),
      "tier" varchar(16) not null check ("tier" in ('daily', 'monthly', 'quarterly')),
      "scope" varchar(64) not null,
      "edition_name" varchar(64) not null references "edition" ("name"),
      "period" varchar(16) null,
      "variant_profile" varchar(32) null,
      "variant_version" int null,
      "item_count" int not null,
      "content_gzip" bytea not null,
      "created_at" timestamptz not null)`);
    this.addSql(`create index "checklist_project_index" on "checklist" ("project_id", "tier")`);
    this.addSql(`create trigger "checklist_immutable" before update or delete on "checklist"
      for each row execute function "pinzhi_reject_change"()`);

    this.addSql(`create table "schedule" (
      "id" serial primary key,
      "project_id" int not null references "project" ("id"),
      "tier" varchar(16) not null check ("tier" in ('daily', 'monthly', 'quarterly')),
      "inspector" varchar(255) not null,
      "starts_on" date not null,
      "active" boolean not null default true,
      "created_at" timestamptz not null,
      constraint "schedule_unique" unique ("project_id", "tier", "inspector"))`);

    this.addSql(`create table "photo" (
      "sha256" varchar(64) not null primary key,
      "mime" varchar(64) not null,
      "bytes" int not null,
      "uploaded_by" varchar(255) not null,
      "created_at" timestamptz not null)`);

    this.addSql(`create table "inspection" (
      "id" serial primary key,
      "checklist_id" varchar(64) not null references "checklist" ("id"),
      "project_id" int not null references "project" ("id"),
      "place_id" int null references "place" ("id"),
      "tier" varchar(16) not null,
      "edition_name" varchar(64) not null references "edition" ("name"),
      "inspector" varchar(255) not null,
      "client_submission_id" varchar(128) not null unique,
      "answers_hash" varchar(64) not null,
      "answers_json" text not null,
      "applicable" int not null,
      "passed" int not null,
      "score" numeric(5, 1) null,
      "execution_rate" numeric(6, 4) null,
      "variant_profile" varchar(32) null,
      "variant_version" int null,
      "finding_count" int not null,
      "inspected_on" date not null,
      "submitted_at" timestamptz not null)`);
    this.addSql(`create index "inspection_project_index" on "inspection" ("project_id", "inspected_on")`);
    this.addSql(`create table "inspection_tally" (
      "inspection_id" int not null references "inspection" ("id"),
      "code" varchar(64) not null,
      "version" int not null,
      "applicable" int not null,
      "passed" int not null,
      primary key ("inspection_id", "code"))`);
    this.addSql(`create index "inspection_tally_document_index" on "inspection_tally" ("code", "version")`);
    this.addSql(`create trigger "inspection_immutable" before update or delete on "inspection"
      for each row execute function "pinzhi_reject_change"()`);

    // Editions are immutable; withdrawing one from use is a separate, append-only fact.
    this.addSql(`create table "edition_retirement" (
      "edition_name" varchar(64) not null primary key references "edition" ("name"),
      "retired_by" varchar(255) not null,
      "retired_at" timestamptz not null,
      "note" text not null)`);
    this.addSql(`create trigger "edition_retirement_immutable" before update or delete on "edition_retirement"
      for each row execute function "pinzhi_reject_change"()`);

    this.addSql(`create table "finding" (
      "id" serial primary key,
      "inspection_id" int not null references "inspection" ("id"),
      "project_id" int not null references "project" ("id"),
      "place_id" int null references "place" ("id"),
      "item_id" text not null,
      "code" varchar(64) not null,
      "version" int not null,
      "module" varchar(8) not null,
      "item_key" text not null,
      "title" text not null,
      "severity" varchar(16) not null check ("severity" in ('critical', 'major', 'minor')),
      "weight" numeric not null,
      "expected_zh" text not null,
      "expected_en" text not null,
      "actual_json" text not null,
      "reasons_json" text not null,
      "touchpoints" jsonb not null,
      "photos" jsonb not null,
      "remark" text null,
      "status" varchar(16) not null check ("status" in ('open', 'rectifying', 'closed')),
      "rectify_due_at" timestamptz null,
      "found_on" date not null,
      "created_at" timestamptz not null)`);
    this.addSql(`create index "finding_project_index" on "finding" ("project_id", "found_on")`);
    this.addSql(`create index "finding_inspection_index" on "finding" ("inspection_id")`);
    this.addSql(`create index "finding_module_index" on "finding" ("module", "severity", "status")`);
  }
}
