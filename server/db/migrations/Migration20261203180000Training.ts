import { Migration } from '@mikro-orm/migrations';

/**
 * Landing a standard (标准培训 → 现场指导 → 效果评估): a training opened for a published version of a
 * work instruction, its material and quiz generated from the diff against the version before; its
 * sessions, the attendance of each person (pinned to the version trained) and quiz attempts.
 * Every row belongs to an organisation (row-level security); children inherit it by trigger.
 */
export class Migration20261203180000Training extends Migration {
  override async up(): Promise<void> {
    const org = `"organisation_id" int not null default "pinzhi_row_organisation"() references "organisation" ("id")`;
    this.addSql(`create table "training" ("id" serial primary key, ${org}, "code" varchar(64) not null, "version" int not null,
      "base_version" int null, "title" varchar(255) not null, "material" jsonb not null, "quiz" jsonb not null,
      "created_by" varchar(255) not null, "created_at" timestamptz not null)`);
    this.addSql(`create index "training_code" on "training" ("code", "version")`);
    this.addSql(`create table "training_session" ("id" serial primary key, ${org}, "training_id" int not null references "training" ("id"),
      "project_id" int null references "project" ("id"), "starts_at" timestamptz not null, "place" varchar(255) not null, "trainer" varchar(255) not null,
      "created_by" varchar(255) not null, "created_at" timestamptz not null)`);
    this.addSql(`create index "training_session_training" on "training_session" ("training_id")`);
    this.addSql(`create table "training_attendance" ("id" serial primary key, ${org}, "session_id" int not null references "training_session" ("id"),
      "username" varchar(255) not null, "project_id" int null references "project" ("id"), "role" varchar(32) not null,
      "code" varchar(64) not null, "version" int not null, "present" boolean null, "recorded_by" varchar(255) null, "recorded_at" timestamptz null,
      unique ("session_id", "username"))`);
    this.addSql(`create index "training_attendance_person" on "training_attendance" ("username", "code")`);
    this.addSql(`create table "quiz_attempt" ("id" serial primary key, ${org}, "training_id" int not null references "training" ("id"),
      "username" varchar(255) not null, "code" varchar(64) not null, "version" int not null, "answers" jsonb not null,
      "score" int not null, "max_score" int not null, "submitted_at" timestamptz not null)`);
    this.addSql(`create index "quiz_attempt_training" on "quiz_attempt" ("training_id", "username")`);
    const inherited = [['training_session', 'training', 'training_id'], ['training_attendance', 'training_session', 'session_id'], ['quiz_attempt', 'training', 'training_id']] as const;
    for (const table of ['training', 'training_session', 'training_attendance', 'quiz_attempt']) {
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
