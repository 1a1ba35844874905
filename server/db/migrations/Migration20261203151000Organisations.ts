import { Migration } from '@mikro-orm/migrations';

/** The tables that belong to one organisation: every row carries it, and row-level security keys on it. */
export const ORGANISATION_TABLES = [
  'region', 'membership', 'project', 'place', 'schedule', 'checklist', 'inspection', 'inspection_tally', 'finding', 'photo',
  'workflow_instance', 'workflow_task', 'workflow_timer', 'workflow_history', 'audit_event',
] as const;

/** Tables whose rows take their organisation from a parent row: [table, parent table, column naming the parent]. */
const INHERITED = [
  ['place', 'project', 'project_id'], ['schedule', 'project', 'project_id'], ['checklist', 'project', 'project_id'], ['inspection', 'project', 'project_id'],
  ['finding', 'inspection', 'inspection_id'], ['inspection_tally', 'inspection', 'inspection_id'], ['workflow_instance', 'project', 'project_id'],
  ['workflow_task', 'workflow_instance', 'instance_id'], ['workflow_timer', 'workflow_instance', 'instance_id'], ['workflow_history', 'workflow_instance', 'instance_id'],
  ['project', 'region', 'region_id'],
] as const;

/** The database role requests run under (`set local role`): it owns nothing and is subject to row-level security. */
export const APP_ROLE = 'pinzhi_app';

/**
 * Organisation → region → project, with memberships (a role held on the organisation, a region or a
 * project). Everything that existed moves into one organisation, its regions made from the projects'
 * region names and its people's roles held on the whole organisation.
 *
 * Row-level security: each organisation-owned row carries `organisation_id`, whose default is the
 * organisation of the session (`pinzhi.organisation`, set per request by the application), and a
 * policy lets the application's role `pinzhi_app` see and write only that organisation's rows. The
 * migrating owner is not subject to the policies (system work: migrations, first-start import, timers).
 */
export class Migration20261203151000Organisations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "pinzhi_organisation"() returns int language sql stable as $$
      select case when current_setting('pinzhi.organisation', true) ~ '^[0-9]+$' then current_setting('pinzhi.organisation', true)::int end
    $$`);
    this.addSql(`create table "organisation" ("id" serial primary key, "code" varchar(255) not null unique, "name" varchar(255) not null,
      "name_en" varchar(255) null, "created_at" timestamptz not null)`);
    // the organisation of a new row when none is given: the session's; else, on a server with only one
    // organisation, that one (the system's own work there); else none, and the row is refused
    this.addSql(`create function "pinzhi_row_organisation"() returns int language sql stable as $$
      select coalesce("pinzhi_organisation"(), (select min("id") from "organisation" having count(*) = 1))
    $$`);
    this.addSql(`create table "region" ("id" serial primary key, "organisation_id" int not null references "organisation" ("id"),
      "code" varchar(255) not null, "name" varchar(255) not null, "created_at" timestamptz not null, unique ("organisation_id", "code"), unique ("organisation_id", "name"))`);
    this.addSql(`create table "membership" ("id" serial primary key, "organisation_id" int not null references "organisation" ("id"),
      "username" varchar(255) not null references "app_user" ("username"), "role" varchar(255) not null, "region_id" int null references "region" ("id"), "project_id" int null references "project" ("id"),
      "created_by" varchar(255) not null, "created_at" timestamptz not null, check ("region_id" is null or "project_id" is null))`);
    this.addSql(`create unique index "membership_unique" on "membership" ("username", "role", coalesce("region_id", 0), coalesce("project_id", 0))`);
    this.addSql(`create index "membership_username" on "membership" ("username")`);

    // everything so far belongs to the first organisation
    this.addSql(`insert into "organisation" ("code", "name", "name_en", "created_at") values ('default', '默认组织', 'Default organisation', now())`);
    this.addSql(`insert into "region" ("organisation_id", "code", "name", "created_at")
      select 1, 'R' || lpad(row_number() over (order by min("id"))::text, 2, '0'), "region", now() from "project" group by "region"`);
    this.addSql(`alter table "app_user" add column "organisation_id" int null references "organisation" ("id")`);
    this.addSql(`update "app_user" set "organisation_id" = 1`);
    this.addSql(`insert into "membership" ("organisation_id", "username", "role", "created_by", "created_at")
      select 1, u."username", r.role, 'system', now() from "app_user" u, jsonb_array_elements_text(u."roles"::jsonb) r(role)`);
    this.addSql(`alter table "app_user" drop column "roles"`);

    for (const table of ORGANISATION_TABLES.filter((t) => t !== 'region' && t !== 'membership')) {
      // filled by a column default, not an update, so the append-only triggers stay quiet; the audit
      // chain so far becomes the first organisation's (later events of the shared library have none)
      const nullable = table === 'audit_event';
      this.addSql(`alter table "${table}" add column "organisation_id" int ${nullable ? 'null' : 'not null'} default 1 references "organisation" ("id")`);
    }
    // one hash chain per organisation (and one for the shared library): an event's position in its
    // chain, and ids from a sequence, unique across chains; the chain so far keeps its ids as positions
    this.addSql(`alter table "audit_event" add column "seq" int null`);
    this.addSql(`alter table "audit_event" disable trigger "audit_event_append_only"`);
    this.addSql(`update "audit_event" set "seq" = "id"`);
    this.addSql(`alter table "audit_event" enable trigger "audit_event_append_only"`);
    this.addSql(`alter table "audit_event" alter column "seq" set not null`);
    this.addSql(`create unique index "audit_event_chain" on "audit_event" (coalesce("organisation_id", 0), "seq")`);
    this.addSql(`create sequence "audit_event_id_seq" owned by "audit_event"."id"`);
    this.addSql(`select setval('audit_event_id_seq', coalesce((select max("id") from "audit_event"), 0) + 1, false)`);
    // the same bytes may be uploaded by two organisations: each keeps its own photo row
    this.addSql(`alter table "photo" drop constraint "photo_pkey"`);
    this.addSql(`alter table "photo" add primary key ("organisation_id", "sha256")`);
    // a phone's submission id is unique within its organisation, not across them (no probing another's)
    this.addSql(`alter table "inspection" drop constraint "inspection_client_submission_id_key"`);
    this.addSql(`alter table "inspection" add constraint "inspection_organisation_submission_unique" unique ("organisation_id", "client_submission_id")`);
    this.addSql(`alter table "project" add column "region_id" int null references "region" ("id")`);
    this.addSql(`update "project" p set "region_id" = r."id" from "region" r where r."name" = p."region"`);
    this.addSql(`alter table "project" alter column "region_id" set not null`);
    // "region" stays as the region's name (what lists, filters and workbooks show); "region_id" is the unit
    this.addSql(`alter table "project" drop constraint if exists "project_code_unique"`);
    this.addSql(`alter table "project" drop constraint if exists "project_name_unique"`);
    this.addSql(`alter table "project" add constraint "project_organisation_code_unique" unique ("organisation_id", "code")`);
    this.addSql(`alter table "project" add constraint "project_organisation_name_unique" unique ("organisation_id", "name")`);
    // a workflow instance and its tasks belong to a project when their work does (a finding's rectification)
    for (const table of ['workflow_instance', 'workflow_task']) {
      this.addSql(`alter table "${table}" add column "project_id" int null references "project" ("id")`);
    }
    this.addSql(`update "workflow_instance" i set "project_id" = f."project_id" from "finding" f where i."business_key" = 'finding:' || f."id"`);
    this.addSql(`update "workflow_task" t set "project_id" = i."project_id" from "workflow_instance" i where t."instance_id" = i."id"`);

    for (const table of ORGANISATION_TABLES) {
      if (table !== 'audit_event') this.addSql(`alter table "${table}" alter column "organisation_id" set default "pinzhi_row_organisation"()`);
      this.addSql(`create index "${table}_organisation" on "${table}" ("organisation_id")`);
      this.addSql(`alter table "${table}" enable row level security`);
      const own = `"organisation_id" = "pinzhi_organisation"()`;
      // the shared library's audit rows (no organisation) are read by everyone and written by no request
      const readable = table === 'audit_event' ? `(${own} or "organisation_id" is null)` : own;
      this.addSql(`create policy "${table}_organisation" on "${table}" using (${readable}) with check (${own})`);
    }
    // a row made by system work (a timer firing, a rectification opened after commit) belongs to the
    // organisation of the row it hangs off; a request's rows are its session's, and the policies refuse
    // a parent of another organisation
    for (const [table, parent, key] of INHERITED) {
      this.addSql(`create function "pinzhi_${table}_organisation"() returns trigger language plpgsql security definer set search_path = public as $$
        declare parent_organisation int;
        begin
          if new."${key}" is not null then
            select "organisation_id" into parent_organisation from "${parent}" where "id" = new."${key}";
          end if;
          new."organisation_id" := coalesce(parent_organisation, new."organisation_id");
          ${table === 'workflow_task' ? `if new."project_id" is null then select "project_id" into new."project_id" from "workflow_instance" where "id" = new."instance_id"; end if;` : ''}
          return new;
        end $$`);
      this.addSql(`create trigger "${table}_organisation" before insert on "${table}" for each row execute function "pinzhi_${table}_organisation"()`);
    }
    this.addSql(`create policy "organisation_own" on "organisation" using ("id" = "pinzhi_organisation"()) with check (false)`);
    this.addSql(`alter table "organisation" enable row level security`);
    this.addSql(`create policy "app_user_organisation" on "app_user" using ("organisation_id" = "pinzhi_organisation"()) with check ("organisation_id" = "pinzhi_organisation"())`);
    this.addSql(`alter table "app_user" enable row level security`);

    // the application's role: created once per server (roles are cluster-wide), granted in every database
    this.addSql(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then create role "${APP_ROLE}" nologin; end if;
    exception when duplicate_object or unique_violation then null; end $$`);
    this.addSql(`do $$ begin execute format('grant "${APP_ROLE}" to %I', current_user); exception when others then null; end $$`);
    this.addSql(`grant usage on schema public to "${APP_ROLE}"`);
    this.addSql(`grant select, insert, update, delete on all tables in schema public to "${APP_ROLE}"`);
    this.addSql(`grant usage, select on all sequences in schema public to "${APP_ROLE}"`);
    this.addSql(`alter default privileges in schema public grant select, insert, update, delete on tables to "${APP_ROLE}"`);
    this.addSql(`alter default privileges in schema public grant usage, select on sequences to "${APP_ROLE}"`);
  }
}
