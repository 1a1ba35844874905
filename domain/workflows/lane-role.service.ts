/**
 * Lanes are roles (issue 19 item 3): the lane names an organisation maps to roles, read by whoever
 * models workflows and changed by whoever manages them. Import, draft saves and deploys compile with
 * the mapping beside the default Chinese and English names (compiler/lanes.ts).
 */
import { inTransaction } from '../shared/persistence.ts';
import { issue, ValidationError, type Issue } from '../shared/errors.ts';
import { authorize, ROLES } from '../shared/access.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { DEFAULT_LANE_ROLES, normalise } from './compiler/lanes.ts';
import { laneRoleRepository, type LaneRole } from './lane-role.repository.ts';
import { reassessOpenDrafts } from './draft.service.ts';
import { workflowMessage as m } from './workflow.messages.ts';

export const LANE_ROLES_SETTING = 'workflow.laneRoles';
const MAX_LANES = 200;
const MAX_LANE_LENGTH = 255;

/** The organisation's mapping, and the names recognised without one. */
export interface LaneRoleSettings {
  mappings: LaneRole[];
  /** the default names (normalised: lower case, separators as one space), each with its role */
  defaults: LaneRole[];
}

const DEFAULTS: LaneRole[] = Object.entries(DEFAULT_LANE_ROLES).map(([lane, role]) => ({ lane, role }));

/** The mapping as modellers see it (anyone who reads standards models workflows). */
export async function laneRoleSettings(ctx: ServiceContext): Promise<LaneRoleSettings> {
  authorize(ctx.actor, 'readStandards');
  return { mappings: await laneRoleRepository.list(ctx.em), defaults: DEFAULTS };
}

/** Why the entries cannot be stored: empty or over-long names, a name twice, an unknown role. */
function problems(entries: readonly LaneRole[]): Issue[] {
  const found: Issue[] = [];
  if (entries.length > MAX_LANES) found.push(issue('/mappings', m('workflow.lane_roles_too_many', { limit: MAX_LANES })));
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const lane = e.lane.trim();
    if (!lane) found.push(issue(`/mappings/${i}/lane`, m('workflow.lane_empty')));
    else if (lane.length > MAX_LANE_LENGTH) found.push(issue(`/mappings/${i}/lane`, m('workflow.lane_too_long', { limit: MAX_LANE_LENGTH })));
    else if (seen.has(normalise(lane))) found.push(issue(`/mappings/${i}/lane`, m('workflow.lane_duplicate', { lane, other: seen.get(normalise(lane))! + 1 })));
    else seen.set(normalise(lane), i);
    if (!(ROLES as readonly string[]).includes(e.role)) found.push(issue(`/mappings/${i}/role`, m('workflow.lane_role_not_role', { role: e.role, roles: [...ROLES] })));
  });
  return found;
}

/**
 * Replaces the organisation's mapping (roles that manage workflows). Bad entries are a
 * ValidationError pointing at each (`/mappings/<i>/lane|role`), and nothing is stored. The change
 * is audited, and every open draft's missing list is recomputed under the new mapping.
 */
export async function setLaneRoles(ctx: ServiceContext, entries: readonly LaneRole[]): Promise<LaneRoleSettings> {
  const actor = authorize(ctx.actor, 'manageWorkflows');
  const found = problems(entries);
  if (found.length > 0) throw new ValidationError(m('workflow.lane_roles_invalid', { count: found.length }), found);
  const mappings = entries.map((e) => ({ lane: e.lane.trim(), laneKey: normalise(e.lane), role: e.role }));
  return inTransaction(ctx.em, async (em) => {
    const before = await laneRoleRepository.list(em);
    await laneRoleRepository.replace(em, mappings, actor.username, new Date());
    const after = mappings.map(({ lane, role }) => ({ lane, role }));
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await appendAudit(em, actor, { action: 'settings.changed', subjectType: 'setting', subjectKey: LANE_ROLES_SETTING, detail: { before: before.map(({ lane, role }) => ({ lane, role })), after } });
    }
    await reassessOpenDrafts(em, Object.fromEntries(after.map((e) => [e.lane, e.role])));
    return { mappings: after, defaults: DEFAULTS };
  });
}
