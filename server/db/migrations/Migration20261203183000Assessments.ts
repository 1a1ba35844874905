import { Migration } from '@mikro-orm/migrations';

/**
 * Scenario assessments (情景模拟考核) and mystery-customer audits (神秘客户暗访) as inspection kinds:
 * checklists of the tiers `scenario` and `mystery`, and the single-use links a mystery customer
 * answers through without an account (only the token's hash is stored; the link records the
 * inspection it produced). A security-definer lookup tells the organisation of a token's hash.
 */
export class Migration20261203183000Assessments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "checklist" drop constraint "checklist_tier_check"`);
    this.addSql(`alter table "checklist" add constraint "checklist_tier_check" check ("tier" in ('daily', 'monthly', 'quarterly', 'scenario', 'mystery'))`);
    this.addSql(`alter table "inspection" add constraint "inspection_tier_check" check ("tier" in ('daily', 'monthly', 'quarterly', 'scenario', 'mystery'))`);
    this.addSql(`create table "mystery_link" ("id" serial primary key,
      "organisation_id" int not null default "pinzhi_row_organisation"() references "organisation" ("id"),
      "project_id" int not null references "project" ("id"), "token_hash" varchar(64) not null unique,
      "expires_on" date not null, "created_by" varchar(255) not null, "created_at" timestamptz not null,
      "used_at" timestamptz null, "inspection_id" int null unique references "inspection" ("id"))`);
    this.addSql(`create index "mystery_link_project" on "mystery_link" ("organisation_id", "project_id", "created_at")`);
    this.addSql(`alter table "mystery_link" enable row level security`);
    this.addSql(`create policy "mystery_link_organisation" on "mystery_link" using ("organisation_id" = "pinzhi_organisation"()) with check ("organisation_id" = "pinzhi_organisation"())`);
    this.addSql(`grant select, insert, update, delete on "mystery_link" to "pinzhi_app"`);
    this.addSql(`grant usage, select on sequence "mystery_link_id_seq" to "pinzhi_app"`);
    this.addSql(`create function "pinzhi_mystery_link_organisation"(hash text) returns int language sql stable security definer set search_path = public as $$
      select "organisation_id" from "mystery_link" where "token_hash" = hash
    $$`);
    this.addSql(`revoke all on function "pinzhi_mystery_link_organisation"(text) from public`);
    this.addSql(`grant execute on function "pinzhi_mystery_link_organisation"(text) to "pinzhi_app"`);
  }
}
