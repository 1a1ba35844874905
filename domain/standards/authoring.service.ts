import { inTransaction } from '../shared/persistence.ts';
import { issue, ValidationError, type Issue } from '../shared/errors.ts';
import { authorize, type Actor } from '../shared/access.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { standardMessage as m } from './standard.messages.ts';
import { standardRepository as repo } from './standard.repository.ts';
import { createDraft } from './standard.service.ts';
import type { StandardVersionView } from './standard.views.ts';
import { nextFreeCode, standardTemplate } from './template.ts';
import { allowedParents, STANDARD_CODE, treeCode } from './namespace.ts';
import { maintainsBaseline, organisationPrefix } from './ownership.service.ts';
import type { EntityManager } from '../shared/persistence.ts';

const CODE = STANDARD_CODE;
const MAX_TITLE = 200;

/** The code the next document under `parent` (a module when null) would get. */
export async function proposeCode(ctx: ServiceContext, parent: string | null): Promise<string | null> {
  const actor = authorize(ctx.actor, 'editStandards');
  return freeCode(ctx.em, actor, parent);
}

/**
 * The next free code under `parent`: a baseline code for the baseline's maintainer, else one in the
 * organisation's namespace (`JINGHUA-M03.P01.W028`, numbered past the baseline's and its own).
 */
async function freeCode(em: EntityManager, actor: Actor, parent: string | null): Promise<string | null> {
  const codes = await repo.codes(em);
  if (await maintainsBaseline(em, actor)) return nextFreeCode(parent, codes) ?? null;
  const next = nextFreeCode(parent === null ? null : treeCode(parent), [...codes].map(treeCode));
  return next ? `${await organisationPrefix(em, actor.organisationId!)}-${next}` : null;
}

/** Problems with the parent: it must exist, not be retired, and be a module or procedure. */
async function parentIssues(ctx: ServiceContext, parent: string | null): Promise<Issue[]> {
  if (parent === null) return [];
  const doc = CODE.test(parent) ? await repo.findDocument(ctx.em, parent) : null;
  if (!doc) return [issue('/parent', m('standard.no_such_standard', { code: parent }))];
  if (doc.kind === 'instruction') return [issue('/parent', m('standard.parent_not_container', { code: parent }))];
  if (doc.retired) return [issue('/parent', m('standard.parent_retired', { code: parent }))];
  return [];
}

/** Problems with the code: well-formed, directly under the parent, not taken. */
async function codeIssues(ctx: ServiceContext, code: string, parent: string | null): Promise<Issue[]> {
  if (!CODE.test(code)) return [issue('/code', m('standard.code_malformed', { code }))];
  const parents = allowedParents(code);
  if (parent === null ? parents.length > 0 : !parents.includes(parent)) {
    return [issue('/code', parent ? m('standard.code_not_under', { code, parent }) : m('standard.code_not_module', { code }))];
  }
  if (await repo.findDocument(ctx.em, code)) return [issue('/code', m('standard.code_taken', { code }))];
  return [];
}

/**
 * Creates a module (no parent), a procedure (under a module) or a work instruction (under a
 * procedure) from the template, as a first draft, without writing any JSON: the code defaults to
 * the next free one. Bad input — an empty or long title, a parent that is missing or cannot have
 * children, a code taken or not directly under the parent — is a ValidationError whose issues
 * name the input field (`/title`, `/parent`, `/code`); nothing is stored then.
 */
export async function createStandard(ctx: ServiceContext, input: { parent?: string | null; code?: string | null; title: string; note?: string | null }): Promise<StandardVersionView> {
  const actor = authorize(ctx.actor, 'editStandards');
  const parent = input.parent?.trim() || null;
  const title = input.title.trim();
  return inTransaction(ctx.em, async (em) => {
    const tx = { ...ctx, em };
    const issues: Issue[] = [];
    if (!title) issues.push(issue('/title', m('standard.title_required')));
    else if ([...title].length > MAX_TITLE) issues.push(issue('/title', m('standard.title_too_long', { limit: MAX_TITLE })));
    issues.push(...(await parentIssues(tx, parent)));
    let code = input.code?.trim() || null;
    if (!issues.some((i) => i.pointer === '/parent')) {
      if (code === null) {
        code = await freeCode(em, actor, parent);
        if (code === null) issues.push(issue('/code', m('standard.codes_used_up', { parent: parent ?? '—' })));
      } else {
        issues.push(...(await codeIssues(tx, code, parent)));
      }
    }
    if (issues.length > 0 || code === null) throw new ValidationError(m('standard.create_invalid', { count: issues.length }), issues);
    const schema = standardTemplate({ code, parent, title });
    return createDraft(tx, { code, schema, note: input.note ?? null });
  });
}
