/** Lanes as roles: the lane a node sits in, and the Pinzhi role a lane's name stands for. */
import type { ModdleElement } from './parse.ts';

/**
 * The names people give lanes for each of Pinzhi's roles, in Chinese and English, as other
 * modelling tools export them. Compared after `normalise`; a deployment may add its own names.
 */
export const DEFAULT_LANE_ROLES: Readonly<Record<string, string>> = entries({
  admin: ['管理员', '系统管理员', 'admin', 'administrator', 'system administrator'],
  quality_manager: ['品质经理', '质量经理', '品质主管', '质量主管', '品质部', '质量部', 'quality manager', 'quality management', 'quality', 'qa', 'quality_manager'],
  inspector: ['品控员', '检查员', '巡检员', '质检员', '督导', 'inspector', 'quality inspector', 'quality control'],
  project_manager: ['项目经理', '项目部', 'project manager', 'project management', 'pm', 'project_manager'],
  auditor: ['审核员', '审计员', 'auditor', 'audit'],
  fund_committee: ['基金评审', '基金委员会', '创新基金委员会', '评审委员会', 'fund committee', 'committee', 'fund_committee'],
  frontline: ['一线员工', '员工', '现场员工', 'frontline', 'frontline staff', 'staff', 'employee'],
});

function entries(byRole: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(byRole).flatMap(([role, names]) => names.map((n) => [normalise(n), role])));
}

/** Case, surrounding space and separators (space, `_`, `-`, `/`) do not distinguish lane names. */
export function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_\-/]+/g, ' ');
}

/** The role a lane's name stands for among `roles`, or null; the name may itself be a role id. */
export function laneRole(name: string, roles: readonly string[], extra: Readonly<Record<string, string>> = {}): string | null {
  const key = normalise(name);
  const role = Object.entries(extra).find(([n]) => normalise(n) === key)?.[1] ?? DEFAULT_LANE_ROLES[key] ?? (roles.includes(name.trim()) ? name.trim() : null);
  return role && roles.includes(role) ? role : null;
}

const list = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);

/** The innermost lane of every node a scope's lane sets name (nested lanes refine their parent). */
export function lanesOf(element: ModdleElement): Map<string, ModdleElement> {
  const lanes = new Map<string, ModdleElement>();
  const visit = (laneSets: unknown) => {
    for (const set of list(laneSets)) {
      for (const lane of list(set.lanes)) {
        for (const node of list(lane.flowNodeRef)) lanes.set(node.id, lane);
        visit(lane.childLaneSet ? [lane.childLaneSet] : []);
      }
    }
  };
  visit(element.laneSets);
  return lanes;
}
