import { Migration } from '@mikro-orm/migrations';

/**
 * Regional flying inspections (区域飞检): a region's plan for a month — the sample of its projects
 * drawn, who drew it and when — and each sampled project's assignment to one of the region's
 * supervisors. Both belong to the region's organisation (row-level security, inherited by trigger).
 */
export class Migration20261203161000FlyingInspections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "flying_plan" ("id" serial primary key, "organisation_id" int not null default "pinzhi_organisation"() references "organisation" ("id"),
      "region_id" int not null references "region" ("id"), "month" varchar(7) not null, "drawn_by" varchar(255) not null, "drawn_at" timestamptz not null,
      unique ("region_id", "month"))`);
    this.addSql(`create table "flying_assignment" ("id" serial primary key, "organisation_id" int not null default "pinzhi_organisation"() references "organisation" ("id"),
      "plan_id" int not null references "flying_plan" ("id") on delete cascade, "project_id" int not null references "project" ("id"),
      "supervisor" varchar(255) null references "app_user" ("username"), "position" int not null, unique ("plan_id", "project_id"))`);
    this.addSql(`create index "flying_assignment_supervisor" on "flying_assignment" ("supervisor")`);
    for (const [table, parent, key] of [['flying_plan', 'region', 'region_id'], ['flying_assignment', 'flying_plan', 'plan_id']] as const) {
      this.addSql(`create index "${table}_organisation" on "${table}" ("organisation_id")`);
      this.addSql(`alter table "${table}" enable row level security`);
      this.addSql(`create policy "${table}_organisation" on "${table}" using ("organisation_id" = "pinzhi_organisation"()) with check ("organisation_id" = "pinzhi_organisation"())`);
      this.addSql(`create function "pinzhi_${table}_organisation"() returns trigger language plpgsql security definer set search_path = public as $$
        declare parent_organisation int;
        begin
          select "organisation_id" into parent_organisation from "${parent}" where "id" = new."${key}";
          new."organisation_id" := coalesce(parent_organisation, new."organisation_id");
          return new;
        end $$`);
      this.addSql(`create trigger "${table}_organisation" before insert on "${table}" for each row execute function "pinzhi_${table}_organisation"()`);
      this.addSql(`grant select, insert, update, delete on "${table}" to "pinzhi_app"`);
      this.addSql(`grant usage, select on sequence "${table}_id_seq" to "pinzhi_app"`);
    }
  }
}
