import { Migration } from '@mikro-orm/migrations';

/**
 * Surveys: questionnaires versioned as JSON-Schema documents, waves pinning a published version,
 * single-use links (only the token's hash stored) and responses. Every row belongs to an
 * organisation (row-level security); children inherit it from their parent by trigger.
 */
export class Migration20261203171000Surveys extends Migration {
  override async up(): Promise<void> {
    const org = `"organisation_id" int not null default "pinzhi_row_organisation"() references "organisation" ("id")`;
    this.addSql(`create table "questionnaire" ("id" serial primary key, ${org}, "code" varchar(64) not null, "title" varchar(255) not null,
      "created_by" varchar(255) not null, "created_at" timestamptz not null, unique ("organisation_id", "code"))`);
    this.addSql(`create table "questionnaire_version" ("id" serial primary key, ${org}, "questionnaire_id" int not null references "questionnaire" ("id"),
      "version" int not null, "schema" jsonb not null, "status" varchar(16) not null, "created_by" varchar(255) not null, "created_at" timestamptz not null,
      "published_by" varchar(255) null, "published_at" timestamptz null, unique ("questionnaire_id", "version"))`);
    this.addSql(`create table "survey_wave" ("id" serial primary key, ${org}, "version_id" int not null references "questionnaire_version" ("id"),
      "name" varchar(255) not null, "opens_on" date not null, "closes_on" date not null, "created_by" varchar(255) not null, "created_at" timestamptz not null)`);
    this.addSql(`create table "survey_link" ("id" serial primary key, ${org}, "wave_id" int not null references "survey_wave" ("id"),
      "project_id" int not null references "project" ("id"), "token_hash" varchar(64) not null unique, "created_at" timestamptz not null, "used_at" timestamptz null)`);
    this.addSql(`create table "survey_response" ("id" serial primary key, ${org}, "wave_id" int not null references "survey_wave" ("id"),
      "project_id" int not null references "project" ("id"), "version_id" int not null references "questionnaire_version" ("id"),
      "link_id" int null unique references "survey_link" ("id"), "answers" jsonb not null, "nps" smallint null, "submitted_at" timestamptz not null)`);
    this.addSql(`create index "survey_response_wave_project" on "survey_response" ("wave_id", "project_id")`);
    this.addSql(`create index "survey_link_wave" on "survey_link" ("wave_id", "project_id")`);
    const inherited = [['questionnaire_version', 'questionnaire', 'questionnaire_id'], ['survey_wave', 'questionnaire_version', 'version_id'],
      ['survey_link', 'survey_wave', 'wave_id'], ['survey_response', 'survey_wave', 'wave_id']] as const;
    for (const table of ['questionnaire', 'questionnaire_version', 'survey_wave', 'survey_link', 'survey_response']) {
      this.addSql(`create index "${table}_organisation" on "${table}" ("organisation_id")`);
      this.addSql(`alter table "${table}" enable row level security`);
      this.addSql(`create policy "${table}_organisation" on "${table}" using ("organisation_id" = "pinzhi_organisation"()) with check ("organisation_id" = "pinzhi_organisation"())`);
      this.addSql(`grant select, insert, update, delete on "${table}" to "pinzhi_app"`);
      this.addSql(`grant usage, select on sequence "${table}_id_seq" to "pinzhi_app"`);
    }
    for (const [table, parent, key] of inherited) {
      this.addSql(`create function "pinzhi_${table}_organisation"() returns trigger language plpgsql security definer set search_path = public as $$
        declare parent_organisation int;
        begin
          select "organisation_id" into parent_organisation from "${parent}" where "id" = new."${key}";
          new."organisation_id" := coalesce(parent_organisation, new."organisation_id");
          return new;
        end $$`);
      this.addSql(`create trigger "${table}_organisation" before insert on "${table}" for each row execute function "pinzhi_${table}_organisation"()`);
    }
  }
}
