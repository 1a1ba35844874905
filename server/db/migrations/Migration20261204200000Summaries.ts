import { Migration } from '@mikro-orm/migrations';

/**
 * Pre-aggregated figures for the reads that must stay fast as data grows (issue 18): what the
 * execution rates and the dashboard's project samples sum, per organisation, module, day (or month),
 * project and tier, kept by triggers as rows arrive and filled once from the rows there are.
 * - `inspection_summary_day` / `_month`: inspections, applicable and passed items of the tallies; module
 *   `''` counts every module (an inspection once), a module its tallies of that module (`substr(code, 1, 3)`);
 * - `finding_summary_day` / `_month`: findings per module.
 * Inspections, tallies and findings are never deleted, and a finding's day, project and module never
 * change, so inserts are all the triggers follow. The triggers are statement-level over the inserted
 * rows; an inspection is counted by the statement that inserts the first of its tallies (of a module).
 * Requests read the summaries under row-level security like the tables they sum; only the triggers write.
 */
export class Migration20261204200000Summaries extends Migration {
  override async up(): Promise<void> {
    for (const unit of ['day', 'month']) {
      this.addSql(`create table "inspection_summary_${unit}" ("organisation_id" int not null references "organisation" ("id"), "module" varchar(8) not null,
        "${unit}" date not null, "project_id" int not null references "project" ("id"), "tier" varchar(16) not null,
        "inspections" int not null, "applicable" bigint not null, "passed" bigint not null,
        primary key ("organisation_id", "module", "${unit}", "project_id", "tier"))`);
      this.addSql(`create table "finding_summary_${unit}" ("organisation_id" int not null references "organisation" ("id"), "${unit}" date not null,
        "project_id" int not null references "project" ("id"), "module" varchar(8) not null, "findings" int not null,
        primary key ("organisation_id", "${unit}", "project_id", "module"))`);
    }
    for (const table of SUMMARY_TABLES) {
      this.addSql(`alter table "${table}" enable row level security`);
      this.addSql(`create policy "${table}_organisation" on "${table}" using ("organisation_id" = "pinzhi_organisation"()) with check (false)`);
      this.addSql(`grant select on "${table}" to "pinzhi_app"`);
    }

    this.addSql(`create function "pinzhi_inspection_tally_summary"() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        with per as (
          select i."organisation_id", m."module", i."inspected_on" as "day", i."project_id", i."tier", t."inspection_id",
            count(*) as "rows", sum(t."applicable") as "applicable", sum(t."passed") as "passed"
          from "added" t join "inspection" i on i."id" = t."inspection_id" cross join lateral (values (''), (substr(t."code", 1, 3))) m("module")
          group by 1, 2, 3, 4, 5, 6
        ), counted as (
          select per.*, case when per."rows" = (select count(*) from "inspection_tally" x where x."inspection_id" = per."inspection_id"
            and (per."module" = '' or substr(x."code", 1, 3) = per."module")) then 1 else 0 end as "first"
          from per
        ), days as (
          insert into "inspection_summary_day" as s select "organisation_id", "module", "day", "project_id", "tier", sum("first"), sum("applicable"), sum("passed")
          from counted group by 1, 2, 3, 4, 5
          on conflict ("organisation_id", "module", "day", "project_id", "tier") do update set "inspections" = s."inspections" + excluded."inspections",
            "applicable" = s."applicable" + excluded."applicable", "passed" = s."passed" + excluded."passed"
        )
        insert into "inspection_summary_month" as s select "organisation_id", "module", date_trunc('month', "day")::date, "project_id", "tier", sum("first"), sum("applicable"), sum("passed")
        from counted group by 1, 2, 3, 4, 5
        on conflict ("organisation_id", "module", "month", "project_id", "tier") do update set "inspections" = s."inspections" + excluded."inspections",
          "applicable" = s."applicable" + excluded."applicable", "passed" = s."passed" + excluded."passed";
        return null;
      end $$`);
    this.addSql(`create trigger "inspection_tally_summary" after insert on "inspection_tally" referencing new table as "added"
      for each statement execute function "pinzhi_inspection_tally_summary"()`);

    this.addSql(`create function "pinzhi_finding_summary"() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        with days as (
          insert into "finding_summary_day" as s select "organisation_id", "found_on", "project_id", "module", count(*) from "added" group by 1, 2, 3, 4
          on conflict ("organisation_id", "day", "project_id", "module") do update set "findings" = s."findings" + excluded."findings"
        )
        insert into "finding_summary_month" as s select "organisation_id", date_trunc('month', "found_on")::date, "project_id", "module", count(*) from "added" group by 1, 2, 3, 4
        on conflict ("organisation_id", "month", "project_id", "module") do update set "findings" = s."findings" + excluded."findings";
        return null;
      end $$`);
    this.addSql(`create trigger "finding_summary" after insert on "finding" referencing new table as "added"
      for each statement execute function "pinzhi_finding_summary"()`);

    for (const sql of SUMMARY_BACKFILL) this.addSql(sql);
    // statistics now, not at autovacuum's leisure: the first reads' plans depend on them
    this.addSql(`analyze ${SUMMARY_TABLES.map((t) => `"${t}"`).join(', ')}`);
  }
}

export const SUMMARY_TABLES = ['inspection_summary_day', 'inspection_summary_month', 'finding_summary_day', 'finding_summary_month'] as const;

/** Fills the (empty) summaries from every row there is: the migration's backfill, and a test's rebuild to compare with. */
export const SUMMARY_BACKFILL = [
  `insert into "inspection_summary_day" select i."organisation_id", m."module", i."inspected_on", i."project_id", i."tier",
    count(distinct t."inspection_id"), sum(t."applicable"), sum(t."passed")
  from "inspection" i join "inspection_tally" t on t."inspection_id" = i."id" cross join lateral (values (''), (substr(t."code", 1, 3))) m("module")
  group by 1, 2, 3, 4, 5`,
  `insert into "inspection_summary_month" select "organisation_id", "module", date_trunc('month', "day")::date, "project_id", "tier", sum("inspections"), sum("applicable"), sum("passed")
  from "inspection_summary_day" group by 1, 2, 3, 4, 5`,
  `insert into "finding_summary_day" select "organisation_id", "found_on", "project_id", "module", count(*) from "finding" group by 1, 2, 3, 4`,
  `insert into "finding_summary_month" select "organisation_id", date_trunc('month', "day")::date, "project_id", "module", sum("findings") from "finding_summary_day" group by 1, 2, 3, 4`,
];
