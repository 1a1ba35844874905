import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the reads that must stay fast as data grows (issue 18), each matching a filter the
 * services really apply (row-level security adds `organisation_id = pinzhi_organisation()` to every
 * request's read, so the organisation leads):
 * - inspections by organisation, tier and day: execution rates, region KPIs (the monthly tier);
 * - findings by organisation and day found, then id: the findings list's default order and period,
 *   the dashboard's and KPIs' periods;
 * - workflow tasks by instance and status: the open step's deadline of a rectification, KPI steps;
 * - audit events by organisation and position: `verifyAuditChain` reads one chain in order (the
 *   unique `coalesce(organisation_id, 0), seq` index cannot serve `organisation_id = ?`);
 * - audit events by subject and id: the audit trail of one document (its index led with the subject type);
 * - feedback by organisation and day received: the customer's voice lists and analyses a period.
 */
export class Migration20261204120000QueryIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "inspection_organisation_tier_day" on "inspection" ("organisation_id", "tier", "inspected_on")`);
    this.addSql(`create index "finding_organisation_day" on "finding" ("organisation_id", "found_on", "id")`);
    this.addSql(`create index "workflow_task_instance_status" on "workflow_task" ("instance_id", "status")`);
    this.addSql(`create index "audit_event_organisation_seq" on "audit_event" ("organisation_id", "seq")`);
    this.addSql(`create index "audit_event_subject_key" on "audit_event" ("subject_key", "id")`);
    this.addSql(`create index "feedback_organisation_received" on "feedback" ("organisation_id", "received_at")`);
  }
}
