import { forkFor } from '../db/orm.ts';
import type { App } from '../app.ts';
import { organisationActor, systemFor, SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { getChecklist, todayInChina } from '../../domain/checklists/checklist.service.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import type { Answer } from '../../domain/checklists/evaluate.ts';
import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import { submitInspection } from '../../domain/inspections/inspection.service.ts';
import { listProjects } from '../../domain/projects/project.service.ts';
import { issueMysteryLinks, listMysteryLinks } from '../../domain/assessments/mystery-link.service.ts';
import { submitMysteryAudit, type AnonymousAssessmentContext } from '../../domain/assessments/mystery-answer.service.ts';

/** Passing answers, except the items at the given positions, which fail (with the photo as evidence, when there is one). */
function answersFailing(items: ChecklistItem[], failing: number[], photo: string | null): Answer[] {
  return items.map((item, n) => {
    const bad = failingValue(item);
    if (failing.includes(n) && bad !== null) return photo ? { itemId: item.id, value: bad, photos: [photo] } : { itemId: item.id, value: bad };
    return passingAnswers([item], photo ? [photo] : [])[0];
  });
}

/** The demo's scenario assessments: project, and the items (by position) that fail. */
const SCENARIO: [string, number[]][] = [['HD01', [0]], ['HN02', []], ['HD03', [1, 2]]];
/** The demo's mystery links: project, links issued, and the failing items of each audit answered through them. */
const MYSTERY: [string, number, number[][]][] = [['HD01', 4, [[0], []]], ['HD03', 2, [[]]]];
/** How many assessments the demo submits: scenario assessments and mystery-customer audits. */
export const DEMO_ASSESSMENTS = { scenario: SCENARIO.length, mystery: MYSTERY.reduce((n, [, , answered]) => n + answered.length, 0) } as const;

/**
 * Demo assessments of a first start: scenario assessments taken by the demo inspector at three
 * projects, mystery-customer audits answered through links at two (judged by the real services,
 * some with findings), and a few links still open. Runs once: not when any link exists.
 */
export async function seedAssessmentDemo(app: App, photo: string, log: (line: string) => void): Promise<void> {
  const inspector = organisationActor('inspector', ['inspector']);
  const manager = organisationActor('manager', ['quality_manager']);
  if ((await listMysteryLinks(app.context(manager), 1)).length > 0) return;
  const projects = new Map((await listProjects(app.context(SYSTEM_ACTOR))).map((p) => [p.code, p.id]));
  let findings = 0;
  for (const [code, failing] of SCENARIO) {
    const { checklist } = await getChecklist(app.context(inspector), { projectId: projects.get(code)!, tier: 'scenario' });
    const result = await submitInspection(app.context(inspector), { checklistId: checklist.id, clientSubmissionId: `demo-scenario-${code}`, answers: answersFailing(checklist.items, failing, photo) });
    findings += result.inspection.findingCount;
  }
  const until = new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const anonymous: AnonymousAssessmentContext = { ...app.context(SYSTEM_ACTOR), em: forkFor(app.orm, null), asSystemOf: (id) => app.context(systemFor(id)).em };
  let audits = 0;
  let open = 0;
  for (const [code, count, answered] of MYSTERY) {
    const links = await issueMysteryLinks(app.context(manager), projects.get(code)!, count, until);
    for (const [n, failing] of answered.entries()) {
      const { checklist } = await getChecklist(app.context(inspector), { projectId: projects.get(code)!, tier: 'mystery' });
      // the mystery customer answers without photos: only items whose failure needs none fail
      const withoutPhotos = failing.filter((i) => checklist.items[i]?.evidence !== 'photo-on-fail');
      const result = await submitMysteryAudit(anonymous, links.tokens[n], checklist.id, answersFailing(checklist.items, withoutPhotos, null));
      findings += result.inspection.findingCount;
      audits++;
    }
    open += count - answered.length;
  }
  log(`demo assessments: ${SCENARIO.length} scenario assessments and ${audits} mystery-customer audits (${findings} findings), ${open} mystery links open`);
}
