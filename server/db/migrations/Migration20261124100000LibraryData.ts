import { Migration } from '@mikro-orm/migrations';

/**
 * The library's reference data beside its documents: customer touchpoints, and variants
 * (versioned JSON Merge Patch overlays for a project profile such as `platinum`) pinned by editions.
 */
export class Migration20261124100000LibraryData extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "touchpoint" (
      "code" varchar(16) not null primary key check ("code" ~ '^TP-[0-9]{3}$'),
      "name" varchar(255) not null,
      "stage" varchar(64) not null,
      "place" varchar(255) not null,
      constraint "touchpoint_name_unique" unique ("name"))`);

    this.addSql(`create table "variant_version" (
      "id" serial primary key,
      "profile" varchar(32) not null,
      "version" int not null check ("version" > 0),
      "title" varchar(255) not null,
      "description" text not null,
      "overlays_json" text not null,
      "overlay_count" int not null,
      "content_hash" varchar(64) not null,
      "author" varchar(255) not null,
      "note" text null,
      "created_at" timestamptz not null,
      constraint "variant_version_profile_version_unique" unique ("profile", "version"))`);
    this.addSql(`create trigger "variant_version_immutable" before update or delete on "variant_version"
      for each row execute function "pinzhi_reject_change"()`);

    this.addSql(`create table "edition_variant" (
      "edition_name" varchar(64) not null references "edition" ("name"),
      "profile" varchar(32) not null,
      "version" int not null,
      primary key ("edition_name", "profile"),
      foreign key ("profile", "version") references "variant_version" ("profile", "version"))`);
    this.addSql(`create trigger "edition_variant_immutable" before update or delete on "edition_variant"
      for each row execute function "pinzhi_reject_change"()`);
  }
}
