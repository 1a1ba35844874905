import { Migration } from '@mikro-orm/migrations';

/**
 * Standards core: documents, versions, editions, users, the audit chain and settings.
 * Published versions, editions and audit events are protected by triggers, so not even a
 * hand-written SQL statement can rewrite history.
 */
export class Migration20261124000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "standard_document" (
      "code" varchar(64) not null primary key,
      "kind" varchar(16) not null check ("kind" in ('module', 'procedure', 'instruction')),
      "parent_code" varchar(64) null references "standard_document" ("code"),
      "title" varchar(255) not null,
      "latest_version" int not null,
      "published_version" int null,
      "retired" boolean not null default false,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "standard_document_parent_code_index" on "standard_document" ("parent_code")`);
    this.addSql(`create index "standard_document_kind_code_index" on "standard_document" ("kind", "code")`);

    this.addSql(`create table "standard_version" (
      "id" serial primary key,
      "code" varchar(64) not null references "standard_document" ("code"),
      "version" int not null check ("version" > 0),
      "status" varchar(16) not null check ("status" in ('draft', 'in_review', 'published', 'superseded', 'retired')),
      "title" varchar(255) not null,
      "schema_json" text not null,
      "content_hash" varchar(64) not null,
      "revision" int not null,
      "author" varchar(255) not null,
      "note" text null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "submitted_by" varchar(255) null,
      "submitted_at" timestamptz null,
      "published_by" varchar(255) null,
      "published_at" timestamptz null,
      "status_changed_by" varchar(255) null,
      "status_changed_at" timestamptz null,
      "status_note" text null,
      constraint "standard_version_code_version_unique" unique ("code", "version"))`);
    // At most one version of a document is being worked on (draft or in review).
    this.addSql(`create unique index "standard_version_one_open_per_code" on "standard_version" ("code")
      where "status" in ('draft', 'in_review')`);

    this.addSql(`create function "pinzhi_protect_published_version"() returns trigger language plpgsql as $$
    begin
      if OLD.status in ('published', 'superseded', 'retired') then
        if TG_OP = 'DELETE' then
          raise exception 'standard version %@% is %, and published versions cannot be deleted', OLD.code, OLD.version, OLD.status
            using errcode = 'P0001';
        end if;
        if OLD.status <> 'published' or NEW.status not in ('superseded', 'retired')
           or (to_jsonb(NEW) - array['status', 'status_changed_by', 'status_changed_at', 'status_note'])
              is distinct from (to_jsonb(OLD) - array['status', 'status_changed_by', 'status_changed_at', 'status_note']) then
          raise exception 'standard version %@% is %, and published versions are immutable', OLD.code, OLD.version, OLD.status
            using errcode = 'P0001';
        end if;
      end if;
      if TG_OP = 'DELETE' then return OLD; end if;
      return NEW;
    end $$`);
    this.addSql(`create trigger "standard_version_immutable" before update or delete on "standard_version"
      for each row execute function "pinzhi_protect_published_version"()`);

    this.addSql(`create table "edition" (
      "name" varchar(64) not null primary key,
      "seq" int not null,
      "created_by" varchar(255) not null,
      "created_at" timestamptz not null,
      "note" text null,
      "document_count" int not null,
      constraint "edition_seq_unique" unique ("seq"))`);
    this.addSql(`create table "edition_entry" (
      "edition_name" varchar(64) not null references "edition" ("name"),
      "code" varchar(64) not null,
      "version" int not null,
      primary key ("edition_name", "code"),
      foreign key ("code", "version") references "standard_version" ("code", "version"))`);

    this.addSql(`create function "pinzhi_reject_change"() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP using errcode = 'P0001';
    end $$`);
    this.addSql(`create trigger "edition_immutable" before update or delete on "edition"
      for each row execute function "pinzhi_reject_change"()`);
    this.addSql(`create trigger "edition_entry_immutable" before update or delete on "edition_entry"
      for each row execute function "pinzhi_reject_change"()`);

    this.addSql(`create table "app_user" (
      "id" serial primary key,
      "username" varchar(255) not null,
      "display_name" varchar(255) not null,
      "password_hash" varchar(255) not null,
      "roles" jsonb not null,
      "qualifications" jsonb not null,
      "active" boolean not null default true,
      "created_at" timestamptz not null,
      constraint "app_user_username_unique" unique ("username"))`);

    this.addSql(`create table "audit_event" (
      "id" int not null primary key,
      "occurred_at" timestamptz not null,
      "actor" varchar(255) null,
      "action" varchar(64) not null,
      "subject_type" varchar(64) not null,
      "subject_key" varchar(255) not null,
      "detail" text not null,
      "prev_hash" varchar(64) not null,
      "hash" varchar(64) not null)`);
    this.addSql(`create index "audit_event_subject_index" on "audit_event" ("subject_type", "subject_key", "id")`);
    this.addSql(`create trigger "audit_event_append_only" before update or delete on "audit_event"
      for each row execute function "pinzhi_reject_change"()`);

    this.addSql(`create table "setting" ("key" varchar(255) not null primary key, "value" text not null)`);
  }
}
