import type { CompileOptions } from './compile.ts';

/** The roles and actions the compiler tests allow (Pinzhi's own, spelled out). */
export const OPTIONS: CompileOptions = {
  roles: ['admin', 'quality_manager', 'inspector', 'project_manager', 'auditor', 'fund_committee'],
  actions: ['notify', 'openStandardRevision', 'submitStandardDraft'],
};
