import { Migration } from '@mikro-orm/migrations';

/** The finding a workflow instance's business key names (`finding:<id>`), or null: a key of any other form never reaches a cast. */
const FINDING_OF = (key: string) => `(case when ${key} ~ '^finding:[1-9][0-9]{0,8}$' then substr(${key}, 9)::int end)`;

/**
 * Pre-aggregated rectification KPIs (issue 18), per organisation, day found, project and module of
 * the finding a rectification instance (`definition_key = 'rectification'`, business key
 * `finding:<id>`) was opened for, kept by triggers and filled once from the rows there are:
 * - `rectification_summary_day`: instances started, and those completed;
 * - `rectification_step_summary_day`: completed tasks per step (element), those completed by their due
 *   time, those with a due time, and the sum of their hours from creation to completion;
 * - `rectification_open_task`: the open tasks with their due time, so that the overdue ones (which
 *   time, not a write, makes overdue) are counted from a few rows by an index.
 * A finding exists before its rectification (its instance names it), and an instance before its
 * tasks, so the insert triggers look the finding up; findings are never deleted and their day,
 * project and module never change. Inserts are statement-level over the inserted rows (a bulk load
 * inserts many); status changes (and an open task's due time) are followed row by row, taking the
 * old row's share out and putting the new row's in. Requests read the tables under row-level
 * security like the findings they sum; only the triggers write.
 */
export class Migration20261205040000RectificationSummaries extends Migration {
  override async up(): Promise<void> {
    const key = `"organisation_id" int not null references "organisation" ("id"), "day" date not null, "project_id" int not null references "project" ("id"), "module" varchar(8) not null`;
    this.addSql(`create table "rectification_summary_day" (${key}, "started" int not null, "completed" int not null,
      primary key ("organisation_id", "day", "project_id", "module"))`);
    this.addSql(`create table "rectification_step_summary_day" (${key}, "step" varchar(255) not null,
      "completed" int not null, "on_time" int not null, "with_due" int not null, "hours_sum" numeric not null,
      primary key ("organisation_id", "day", "project_id", "module", "step"))`);
    this.addSql(`create table "rectification_open_task" ("task_id" int primary key, ${key}, "due_at" timestamptz null)`);
    this.addSql(`create index "rectification_open_task_day" on "rectification_open_task" ("organisation_id", "day", "due_at")`);
    for (const table of RECTIFICATION_SUMMARY_TABLES) {
      this.addSql(`alter table "${table}" enable row level security`);
      this.addSql(`create policy "${table}_organisation" on "${table}" using ("organisation_id" = "pinzhi_organisation"()) with check (false)`);
      this.addSql(`revoke all on "${table}" from "pinzhi_app"`);
      this.addSql(`grant select on "${table}" to "pinzhi_app"`);
    }

    // instances inserted: started, and completed when inserted so
    this.addSql(`create function "pinzhi_rectification_instance_added"() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        insert into "rectification_summary_day" as s
        select f."organisation_id", f."found_on", f."project_id", f."module", count(*), count(*) filter (where w."status" = 'completed')
        from "added" w join "finding" f on f."id" = ${FINDING_OF('w."business_key"')}
        where w."definition_key" = 'rectification' group by 1, 2, 3, 4
        on conflict ("organisation_id", "day", "project_id", "module") do update set "started" = s."started" + excluded."started", "completed" = s."completed" + excluded."completed";
        return null;
      end $$`);
    this.addSql(`create trigger "rectification_instance_added" after insert on "workflow_instance" referencing new table as "added"
      for each statement execute function "pinzhi_rectification_instance_added"()`);
    this.addSql(`create function "pinzhi_rectification_instance_status"() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        update "rectification_summary_day" s set "completed" = s."completed" + (new."status" = 'completed')::int - (old."status" = 'completed')::int
        from "finding" f where f."id" = ${FINDING_OF('new."business_key"')}
          and s."organisation_id" = f."organisation_id" and s."day" = f."found_on" and s."project_id" = f."project_id" and s."module" = f."module";
        return null;
      end $$`);
    this.addSql(`create trigger "rectification_instance_status" after update on "workflow_instance"
      for each row when (new."definition_key" = 'rectification' and old."status" is distinct from new."status") execute function "pinzhi_rectification_instance_status"()`);

    // tasks inserted: open ones listed, completed ones (a bulk load's) summed
    this.addSql(`create function "pinzhi_rectification_task_added"() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        with "tasks" as (
          select t."id", f."organisation_id", f."found_on" as "day", f."project_id", f."module", t."element_id" as "step", t."status", t."due_at", t."created_at", t."completed_at"
          from "added" t join "workflow_instance" w on w."id" = t."instance_id" and w."definition_key" = 'rectification'
            join "finding" f on f."id" = ${FINDING_OF('w."business_key"')}
          where t."status" in ('open', 'completed')
        ), "opened" as (
          insert into "rectification_open_task" select "id", "organisation_id", "day", "project_id", "module", "due_at" from "tasks" where "status" = 'open'
        )
        insert into "rectification_step_summary_day" as s
        select "organisation_id", "day", "project_id", "module", "step", ${STEP_FIGURES} from "tasks" where "status" = 'completed' group by 1, 2, 3, 4, 5
        on conflict ("organisation_id", "day", "project_id", "module", "step") do update set "completed" = s."completed" + excluded."completed",
          "on_time" = s."on_time" + excluded."on_time", "with_due" = s."with_due" + excluded."with_due", "hours_sum" = s."hours_sum" + excluded."hours_sum";
        return null;
      end $$`);
    this.addSql(`create trigger "rectification_task_added" after insert on "workflow_task" referencing new table as "added"
      for each statement execute function "pinzhi_rectification_task_added"()`);
    this.addSql(`create function "pinzhi_rectification_task_changed"() returns trigger language plpgsql security definer set search_path = public as $$
      declare f record;
      begin
        select x."organisation_id", x."found_on", x."project_id", x."module" into f
        from "workflow_instance" w join "finding" x on x."id" = ${FINDING_OF('w."business_key"')}
        where w."id" = new."instance_id" and w."definition_key" = 'rectification';
        if not found then return null; end if;
        if old."status" = 'open' then delete from "rectification_open_task" where "task_id" = old."id"; end if;
        if new."status" = 'open' then
          insert into "rectification_open_task" values (new."id", f."organisation_id", f."found_on", f."project_id", f."module", new."due_at");
        end if;
        if old."status" = 'completed' then
          update "rectification_step_summary_day" s set "completed" = s."completed" - 1,
            "on_time" = s."on_time" - (old."due_at" is not null and old."completed_at" <= old."due_at")::int, "with_due" = s."with_due" - (old."due_at" is not null)::int,
            "hours_sum" = s."hours_sum" - extract(epoch from (old."completed_at" - old."created_at")) / 3600
          where s."organisation_id" = f."organisation_id" and s."day" = f."found_on" and s."project_id" = f."project_id" and s."module" = f."module" and s."step" = old."element_id";
        end if;
        if new."status" = 'completed' then
          insert into "rectification_step_summary_day" as s values (f."organisation_id", f."found_on", f."project_id", f."module", new."element_id", 1,
            (new."due_at" is not null and new."completed_at" <= new."due_at")::int, (new."due_at" is not null)::int, extract(epoch from (new."completed_at" - new."created_at")) / 3600)
          on conflict ("organisation_id", "day", "project_id", "module", "step") do update set "completed" = s."completed" + excluded."completed",
            "on_time" = s."on_time" + excluded."on_time", "with_due" = s."with_due" + excluded."with_due", "hours_sum" = s."hours_sum" + excluded."hours_sum";
        end if;
        return null;
      end $$`);
    this.addSql(`create trigger "rectification_task_changed" after update on "workflow_task"
      for each row when (old."status" is distinct from new."status" or (new."status" = 'open' and old."due_at" is distinct from new."due_at"))
      execute function "pinzhi_rectification_task_changed"()`);

    for (const sql of RECTIFICATION_SUMMARY_BACKFILL) this.addSql(sql);
    // statistics now, not at autovacuum's leisure: the first reads' plans depend on them
    this.addSql(`analyze ${RECTIFICATION_SUMMARY_TABLES.map((t) => `"${t}"`).join(', ')}`);
  }
}

/** A group of completed tasks' figures: completed, on time, with a due time, hours from creation to completion. */
const STEP_FIGURES = `count(*), count(*) filter (where "due_at" is not null and "completed_at" <= "due_at"), count(*) filter (where "due_at" is not null),
  coalesce(sum(extract(epoch from ("completed_at" - "created_at")) / 3600), 0)`;

export const RECTIFICATION_SUMMARY_TABLES = ['rectification_summary_day', 'rectification_step_summary_day', 'rectification_open_task'] as const;

const OF_FINDINGS = `from "workflow_instance" w join "finding" f on f."id" = ${FINDING_OF('w."business_key"')} where w."definition_key" = 'rectification'`;

/** Fills the (empty) rectification summaries from every row there is: the migration's backfill, and a test's rebuild to compare with. */
export const RECTIFICATION_SUMMARY_BACKFILL = [
  `insert into "rectification_summary_day" select f."organisation_id", f."found_on", f."project_id", f."module", count(*), count(*) filter (where w."status" = 'completed')
  ${OF_FINDINGS} group by 1, 2, 3, 4`,
  `insert into "rectification_step_summary_day" select f."organisation_id", f."found_on", f."project_id", f."module", t."element_id", ${STEP_FIGURES.replace(/"(due_at|completed_at|created_at)"/g, 't."$1"')}
  ${OF_FINDINGS.replace('where', `join "workflow_task" t on t."instance_id" = w."id" and t."status" = 'completed' where`)} group by 1, 2, 3, 4, 5`,
  `insert into "rectification_open_task" select t."id", f."organisation_id", f."found_on", f."project_id", f."module", t."due_at"
  ${OF_FINDINGS.replace('where', `join "workflow_task" t on t."instance_id" = w."id" and t."status" = 'open' where`)}`,
];
