import { Migration } from '@mikro-orm/migrations';

/**
 * A call activity starts an instance of another process: the called instance keeps the instance
 * and the call activity that started it, so its end moves the caller on and cancelling the caller
 * cancels it. An instance ended by an error end event nothing caught is failed.
 */
export class Migration20261205020000CallActivities extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "workflow_instance" add column "parent_instance_id" int null references "workflow_instance" ("id")`);
    this.addSql(`alter table "workflow_instance" add column "parent_element" text null`);
    this.addSql(`alter table "workflow_instance" drop constraint "workflow_instance_status_check"`);
    this.addSql(`alter table "workflow_instance" add constraint "workflow_instance_status_check" check ("status" in ('running', 'completed', 'cancelled', 'incident', 'failed'))`);
    this.addSql(`create index "workflow_instance_parent_index" on "workflow_instance" ("parent_instance_id") where "parent_instance_id" is not null`);
  }
}
