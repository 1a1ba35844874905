import { forkEm } from './db/orm.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { ensureDemoUsers } from '../domain/users/user.service.ts';
import { editionRepository } from '../domain/editions/edition.repository.ts';
import { standardRepository } from '../domain/standards/standard.repository.ts';
import { readLibraryPackage } from '../domain/editions/library-files.ts';
import { ensureSampleProjects, listProjects } from '../domain/projects/project.service.ts';
import { scheduleInspections } from '../domain/inspections/schedule.service.ts';
import { todayInChina } from '../domain/checklists/checklist.service.ts';
import type { Tier } from '../domain/checklists/generate.ts';
import { importLibraryPackage, storeFollowsPackage } from '../domain/editions/library.service.ts';
import type { App } from './app.ts';
import { seedDemoOrganisations } from './seed/demo-organisations.ts';
import { seedFlyingDemo } from './seed/flying-demo.ts';
import { seedFeedbackDemo } from './seed/feedback-demo.ts';
import { seedSurveyDemo } from './seed/survey-demo.ts';
import { seedSurveyResultsDemo } from './seed/survey-results-demo.ts';
import { seedTrainingDemo } from './seed/training-demo.ts';
import { seedQualificationsDemo } from './seed/qualifications-demo.ts';

export const SHIPPED_LIBRARY = new URL('../library/shipped/', import.meta.url).pathname;

/**
 * First start on the embedded default: demo users, the shipped library imported with its history
 * (editions 2026-Q3, 2026-Q4 and 2027-Q1), the 18 sample projects and a few inspection schedules, so a new
 * user sees the real standards system. Each part runs only while its part of the store is empty.
 */
export async function seed(app: App, log: (line: string) => void = console.log): Promise<{ importedLibrary: boolean }> {
  const em = forkEm(app.orm);
  const users = await ensureDemoUsers(em, SYSTEM_ACTOR);
  if (users > 0) log(`created ${users} demo users (password "pinzhi-demo")`);
  // the shipped library goes into an empty store; a store where its editions left off — a first
  // start cut short (each edition is one transaction), or an untouched store meeting a newer
  // library — gets the editions it is missing
  const pkg = readLibraryPackage(SHIPPED_LIBRARY);
  const shipped = pkg.editions.map((e) => e.name);
  const present = await editionRepository.countEditions(em, shipped);
  const empty = (await standardRepository.count(em)) === 0 && (await editionRepository.countEditions(em)) === 0;
  const behind = present > 0 && present < shipped.length;
  const importedLibrary = empty || (behind && (await storeFollowsPackage(em, pkg)));
  if (behind && !importedLibrary) {
    log(`the shipped library has editions ${shipped.slice(present).join(', ')} that the store lacks; its standards changed since, so they are not imported at start (npm run pinzhi -- import library/shipped imports them)`);
  }
  if (importedLibrary) {
    const result = await importLibraryPackage(em, SYSTEM_ACTOR, pkg, app.limits);
    for (const e of result.editions) log(`imported edition ${e.name}: ${e.created} new, ${e.revised} revised, ${e.retired} retired standards`);
    log(`imported ${result.touchpoints} touchpoints and variants ${result.variants.join(', ')}`);
  }
  const projects = await ensureSampleProjects(em);
  if (projects > 0) {
    // The demo inspector patrols two projects daily, flies into a mall monthly and audits one quarterly.
    const ctx = { em, actor: SYSTEM_ACTOR, limits: app.limits };
    const byCode = new Map((await listProjects(ctx)).map((p) => [p.code, p.id]));
    const plan: [string, Tier][] = [['HD01', 'daily'], ['HN02', 'daily'], ['HD03', 'monthly'], ['HB01', 'quarterly']];
    for (const [code, tier] of plan) await scheduleInspections(ctx, { projectId: byCode.get(code)!, tier, inspector: 'inspector', startsOn: todayInChina() });
    log(`created ${projects} sample projects with their places, and ${plan.length} inspection schedules for "inspector"`);
  }
  await seedDemoOrganisations(app, log);
  if (projects > 0) await seedFlyingDemo(em, app.limits, log);
  if (projects > 0) await seedFeedbackDemo(em, log);
  if (projects > 0) await seedSurveyDemo(em, app.limits, log);
  if (projects > 0) await seedSurveyResultsDemo(em, log);
  if (projects > 0) await seedTrainingDemo(em, app.limits, log);
  if (projects > 0) await seedQualificationsDemo(app, log);
  return { importedLibrary };
}
