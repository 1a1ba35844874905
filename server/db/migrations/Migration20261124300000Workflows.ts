import { Migration } from '@mikro-orm/migrations';

/**
 * Workflow definitions (versioned BPMN and its compiled machine), instances (persisted XState
 * snapshots with an optimistic revision), their tasks, durable timers and transition history.
 */
export class Migration20261124300000Workflows extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "workflow_definition" (
      "key" varchar(64) not null,
      "version" int not null check ("version" > 0),
      "name" varchar(255) not null,
      "bpmn_xml" text not null,
      "compiled_json" text not null,
      "content_hash" varchar(64) not null,
      "deployed_by" varchar(255) not null,
      "deployed_at" timestamptz not null,
      primary key ("key", "version"))`);
    this.addSql(`create trigger "workflow_definition_immutable" before update or delete on "workflow_definition"
      for each row execute function "pinzhi_reject_change"()`);

    this.addSql(`create table "workflow_instance" (
      "id" serial primary key,
      "definition_key" varchar(64) not null,
      "definition_version" int not null,
      "status" varchar(16) not null check ("status" in ('running', 'completed', 'cancelled', 'incident')),
      "business_key" varchar(255) null,
      "snapshot_json" text not null,
      "revision" int not null,
      "started_by" varchar(255) not null,
      "started_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "ended_at" timestamptz null,
      "incident" text null,
      foreign key ("definition_key", "definition_version") references "workflow_definition" ("key", "version"))`);
    this.addSql(`create index "workflow_instance_business_key_index" on "workflow_instance" ("business_key")`);
    this.addSql(`create index "workflow_instance_status_index" on "workflow_instance" ("definition_key", "status")`);

    this.addSql(`create table "workflow_task" (
      "id" serial primary key,
      "instance_id" int not null references "workflow_instance" ("id"),
      "element_id" varchar(255) not null,
      "name" varchar(255) not null,
      "candidate_role" varchar(64) not null,
      "assignee" varchar(255) null,
      "status" varchar(16) not null check ("status" in ('open', 'completed', 'cancelled')),
      "due_at" timestamptz null,
      "created_at" timestamptz not null,
      "claimed_by" varchar(255) null,
      "claimed_at" timestamptz null,
      "completed_by" varchar(255) null,
      "completed_at" timestamptz null,
      "data_json" text null)`);
    this.addSql(`create index "workflow_task_open_index" on "workflow_task" ("status", "candidate_role")`);
    this.addSql(`create unique index "workflow_task_one_open" on "workflow_task" ("instance_id", "element_id") where "status" = 'open'`);

    this.addSql(`create table "workflow_timer" (
      "id" serial primary key,
      "instance_id" int not null references "workflow_instance" ("id"),
      "element_id" varchar(255) not null,
      "due_at" timestamptz not null,
      "status" varchar(16) not null check ("status" in ('armed', 'fired', 'cancelled')),
      "created_at" timestamptz not null,
      "fired_at" timestamptz null)`);
    this.addSql(`create index "workflow_timer_due_index" on "workflow_timer" ("status", "due_at")`);
    this.addSql(`create unique index "workflow_timer_one_armed" on "workflow_timer" ("instance_id", "element_id") where "status" = 'armed'`);

    this.addSql(`create table "workflow_history" (
      "id" serial primary key,
      "instance_id" int not null references "workflow_instance" ("id"),
      "at" timestamptz not null,
      "actor" varchar(255) not null,
      "event" varchar(32) not null,
      "detail_json" text not null,
      "from_states" text not null,
      "to_states" text not null)`);
    this.addSql(`create index "workflow_history_instance_index" on "workflow_history" ("instance_id", "id")`);
    this.addSql(`create trigger "workflow_history_append_only" before update or delete on "workflow_history"
      for each row execute function "pinzhi_reject_change"()`);
  }
}
