import { Migration } from '@mikro-orm/migrations';

/**
 * A multi-instance user task opens one task per element of its collection (one check per project),
 * all of one element: each open task of an element is told apart by its position in the collection.
 */
export class Migration20261204200000MultiInstanceTasks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "workflow_task" add column "item_index" int not null default 0`);
    this.addSql(`drop index "workflow_task_one_open"`);
    this.addSql(`create unique index "workflow_task_one_open" on "workflow_task" ("instance_id", "element_id", "item_index") where "status" = 'open'`);
  }
}
