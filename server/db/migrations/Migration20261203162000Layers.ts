import { Migration } from '@mikro-orm/migrations';

/** The shared library's tables that every organisation reads and only the baseline owner writes. */
const BASELINE_TABLES = ['edition', 'edition_entry', 'edition_variant', 'edition_retirement', 'variant_version'] as const;

/** The organisation layer's own tables: read and written by their organisation only. */
const LAYER_TABLES = ['organisation_overlay', 'organisation_edition', 'organisation_edition_entry'] as const;

/**
 * Standards in layers: the shared baseline library (rows with no organisation), each organisation's
 * overlays on baseline documents and its own additions, pinned together by the organisation's editions.
 *
 * - `standard_document` / `standard_version` get `organisation_id`: NULL for the baseline, an
 *   organisation's id for its additions. Everyone reads the baseline and their own additions; only
 *   the baseline owner (`pinzhi_baseline_owner()`, organisation 1 unless the setting
 *   `library.baselineOwner` names another) writes baseline rows.
 * - Editions and variants stay the baseline's: read by all, written by the baseline owner only.
 * - `organisation_overlay`: versioned JSON Merge Patches on baseline documents (draft → published →
 *   superseded); published rows are immutable.
 * - `organisation_edition` (+ entries): an organisation's immutable edition — the baseline edition it
 *   builds on and the overlay and addition versions it pins.
 */
export class Migration20261203162000Layers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "pinzhi_baseline_owner"() returns int language sql stable as $$
      select coalesce((select "value"::int from "setting" where "key" = 'library.baselineOwner' and "value" ~ '^[0-9]+$'), 1)
    $$`);
    const own = `"organisation_id" = "pinzhi_organisation"()`;
    const baselineWriter = `"pinzhi_organisation"() = "pinzhi_baseline_owner"()`;

    for (const table of ['standard_document', 'standard_version']) {
      this.addSql(`alter table "${table}" add column "organisation_id" int null references "organisation" ("id")`);
      this.addSql(`create index "${table}_organisation" on "${table}" ("organisation_id")`);
    }
    // a version belongs to whoever owns its document
    this.addSql(`create function "pinzhi_standard_version_organisation"() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        select "organisation_id" into new."organisation_id" from "standard_document" where "code" = new."code";
        return new;
      end $$`);
    this.addSql(`create trigger "standard_version_organisation" before insert on "standard_version" for each row execute function "pinzhi_standard_version_organisation"()`);
    for (const table of ['standard_document', 'standard_version']) {
      const write = `(${own} or ("organisation_id" is null and ${baselineWriter}))`;
      this.addSql(`alter table "${table}" enable row level security`);
      this.addSql(`create policy "${table}_read" on "${table}" for select using ("organisation_id" is null or ${own})`);
      this.addSql(`create policy "${table}_insert" on "${table}" for insert with check ${write}`);
      this.addSql(`create policy "${table}_update" on "${table}" for update using ${write} with check ${write}`);
      this.addSql(`create policy "${table}_delete" on "${table}" for delete using ${write}`);
    }
    for (const table of BASELINE_TABLES) {
      this.addSql(`alter table "${table}" enable row level security`);
      this.addSql(`create policy "${table}_read" on "${table}" for select using (true)`);
      this.addSql(`create policy "${table}_insert" on "${table}" for insert with check (${baselineWriter})`);
    }

    this.addSql(`create table "organisation_overlay" (
      "id" serial primary key,
      "organisation_id" int not null default "pinzhi_organisation"() references "organisation" ("id"),
      "code" varchar(255) not null references "standard_document" ("code"),
      "version" int not null check ("version" > 0),
      "status" varchar(16) not null check ("status" in ('draft', 'published', 'superseded')),
      "base_version" int not null,
      "patch_json" text not null,
      "content_hash" varchar(64) not null,
      "note" text not null,
      "author" varchar(255) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "published_by" varchar(255) null,
      "published_at" timestamptz null,
      constraint "organisation_overlay_version_unique" unique ("organisation_id", "code", "version"))`);
    this.addSql(`create unique index "organisation_overlay_one_draft" on "organisation_overlay" ("organisation_id", "code") where "status" = 'draft'`);
    this.addSql(`create unique index "organisation_overlay_one_published" on "organisation_overlay" ("organisation_id", "code") where "status" = 'published'`);
    // a draft changes freely and may be discarded; a published overlay only becomes superseded
    this.addSql(`create function "pinzhi_overlay_guard"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          if old."status" <> 'draft' then raise exception 'a published organisation overlay cannot be deleted'; end if;
          return old;
        end if;
        if old."status" = 'draft' then return new; end if;
        if old."status" = 'published' and new."status" = 'superseded' and new."patch_json" = old."patch_json"
          and new."version" = old."version" and new."code" = old."code" and new."organisation_id" = old."organisation_id" then return new; end if;
        raise exception 'organisation overlay %@% is % and cannot change', old."code", old."version", old."status";
      end $$`);
    this.addSql(`create trigger "organisation_overlay_guard" before update or delete on "organisation_overlay" for each row execute function "pinzhi_overlay_guard"()`);

    this.addSql(`create table "organisation_edition" (
      "id" serial primary key,
      "organisation_id" int not null default "pinzhi_organisation"() references "organisation" ("id"),
      "name" varchar(64) not null,
      "baseline_edition" varchar(64) not null references "edition" ("name"),
      "note" text null,
      "created_by" varchar(255) not null,
      "created_at" timestamptz not null,
      constraint "organisation_edition_name_unique" unique ("organisation_id", "name"))`);
    this.addSql(`create table "organisation_edition_entry" (
      "edition_id" int not null references "organisation_edition" ("id"),
      "organisation_id" int not null default "pinzhi_organisation"() references "organisation" ("id"),
      "layer" varchar(16) not null check ("layer" in ('overlay', 'addition')),
      "code" varchar(255) not null,
      "version" int not null,
      primary key ("edition_id", "code"))`);
    for (const table of ['organisation_edition', 'organisation_edition_entry']) {
      this.addSql(`create trigger "${table}_immutable" before update or delete on "${table}" for each row execute function "pinzhi_reject_change"()`);
    }
    for (const table of LAYER_TABLES) {
      this.addSql(`create index "${table}_organisation" on "${table}" ("organisation_id")`);
      this.addSql(`alter table "${table}" enable row level security`);
      this.addSql(`create policy "${table}_organisation" on "${table}" using ("organisation_id" is null or ${own}) with check (${own})`);
    }
  }
}
