import type { JsonObject } from '../shared/json.ts';
import { STD_URN_PREFIX } from './refs.ts';
import type { StandardKind } from './validate.ts';

/** The key of the example check item a new work instruction starts with. */
export const EXAMPLE_ITEM_KEY = 'exampleCheck';

/** The kind of document a code names: M03 a module, M03.P01 a procedure, M03.P01.W002 an instruction. */
export function kindOfCode(code: string): StandardKind {
  const depth = code.split('.').length;
  return depth === 1 ? 'module' : depth === 2 ? 'procedure' : 'instruction';
}

/**
 * A new document's first draft: valid in the standards language, with the `x-standard` metadata
 * the shipped library carries (owner, clauses, body outline) and — for a work instruction — one
 * example check item (a pass/fail with its `x-check`) for the author to rewrite. Modules and
 * procedures start with no children; their children are created under them in the tree.
 */
export function standardTemplate(input: { code: string; parent: string | null; title: string }): JsonObject {
  const kind = kindOfCode(input.code);
  const identity: JsonObject = { kind, code: input.code, ...(input.parent ? { parent: input.parent } : {}) };
  const doc: JsonObject = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${STD_URN_PREFIX}${input.code}`,
    title: input.title,
    'x-standard': {
      ...identity,
      clauses: ['GB/T 19001-2016 8.5.1'],
      owner: '品质部',
      body: {
        purpose: '请写明本文件要达到的目的。',
        scope: '请写明本文件适用的项目、区域和作业。',
        responsibilities: ['请写明各岗位的职责。'],
        steps: ['请按作业顺序写明步骤。'],
        records: ['请列出需要保存的记录。'],
      },
    },
    type: 'object',
    properties: {},
  };
  if (kind === 'instruction') {
    doc.properties = {
      [EXAMPLE_ITEM_KEY]: {
        title: '示例检查项（请改写）',
        description: '检查员判定是否符合；请改写为本作业指导书的实际检查要求。',
        type: 'boolean',
        const: true,
        'x-check': { tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', place: 'public-area', evidence: 'photo-on-fail' },
      },
    };
    doc.required = [EXAMPLE_ITEM_KEY];
  }
  return doc;
}

/**
 * The next free code under `parent` (a new module when null). Instructions are numbered across
 * their module (M03.P02 continues after M03.P01.W005 with W006), as the library does; the number
 * after the highest one in use is proposed, so a retired or deleted number is never reused.
 * Undefined when the numbers are used up.
 */
export function nextFreeCode(parent: string | null, codes: Iterable<string>): string | undefined {
  const all = [...codes];
  const highest = (re: RegExp) => Math.max(0, ...all.map((c) => re.exec(c)).filter((m) => m !== null).map((m) => Number(m[1])));
  if (parent === null) {
    const n = highest(/^M(\d{2})$/) + 1;
    return n <= 99 ? `M${String(n).padStart(2, '0')}` : undefined;
  }
  if (kindOfCode(parent) === 'module') {
    const n = highest(new RegExp(`^${parent}\\.P(\\d{2})$`)) + 1;
    return n <= 99 ? `${parent}.P${String(n).padStart(2, '0')}` : undefined;
  }
  const module = parent.split('.')[0];
  const n = highest(new RegExp(`^${module}\\.P\\d{2}\\.W(\\d{3})$`)) + 1;
  return n <= 999 ? `${parent}.W${String(n).padStart(3, '0')}` : undefined;
}
