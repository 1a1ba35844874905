import type { JsonObject, JsonValue } from '../../domain/shared/json.ts';
import { jsonEqual } from '../../domain/shared/json.ts';
import type { EditionChange, EditionManifest } from '../../domain/editions/library-package.ts';
import { instructionJson, moduleChildren, parentJson, platinumPatch, procedureChildren, tpCode } from './build-documents.ts';
import type { InstructionSource, ModuleSource, RevisionInfo } from './types.ts';

export const EARLIER_EDITION = '2026-Q3';
export const NEWEST_EDITION = '2026-Q4';

/** Files of the shipped library, by path relative to `library/shipped/`. */
export type LibraryFiles = Map<string, JsonValue>;

interface Built {
  json: JsonObject;
  /** for instructions: who changed it between the editions */
  source?: InstructionSource;
}

function instructionAsBefore(i: InstructionSource): InstructionSource {
  return { ...i, ...(i.revision?.before ?? {}) };
}

/** Both editions of every document, by code. */
function buildEditions(modules: ModuleSource[]): { earlier: Map<string, Built>; newest: Map<string, Built> } {
  const earlier = new Map<string, Built>();
  const newest = new Map<string, Built>();
  for (const m of modules) {
    const moduleJson = parentJson('module', m, moduleChildren(m));
    earlier.set(m.code, { json: moduleJson });
    newest.set(m.code, { json: moduleJson });
    for (const p of m.procedures) {
      earlier.set(p.code, { json: parentJson('procedure', p, procedureChildren(p, 'earlier')) });
      newest.set(p.code, { json: parentJson('procedure', p, procedureChildren(p, 'current')) });
      for (const i of p.instructions) {
        if (!i.introduced) earlier.set(i.code, { json: instructionJson(instructionAsBefore(i)), source: i });
        if (!i.retired) newest.set(i.code, { json: instructionJson(i), source: i });
      }
    }
  }
  return { earlier, newest };
}

function changeOf(code: string, built: Built | undefined, modules: ModuleSource[], change: EditionChange['change']): EditionChange {
  const source = built?.source;
  const info: RevisionInfo | undefined = source?.introduced ?? source?.retired ?? source?.revision;
  if (info) return { code, change, author: info.author, note: info.note };
  // A procedure changes only because its instructions did: it is revised by the same people.
  const children = modules.flatMap((m) => m.procedures).find((p) => p.code === code)?.instructions ?? [];
  const added = children.filter((i) => i.introduced);
  const retired = children.filter((i) => i.retired);
  const renamed = children.filter((i) => i.revision?.before.title && i.revision.before.title !== i.title);
  const first = [...added, ...retired, ...renamed][0];
  const parts = [
    added.length ? `新增${added.map((i) => `《${i.title}》`).join('')}` : '',
    retired.length ? `停用${retired.map((i) => `《${i.title}》`).join('')}` : '',
    renamed.length ? `更新${renamed.map((i) => `《${i.title}》`).join('')}的标题` : '',
  ].filter(Boolean);
  const by = first?.introduced ?? first?.retired ?? first?.revision;
  return { code, change, author: by?.author ?? '品质部', note: `随本规程下作业指导书的调整更新引用：${parts.join('；')}。` };
}

function countOf(docs: Map<string, Built>, kind: string): number {
  return [...docs.values()].filter((d) => (d.json['x-standard'] as JsonObject).kind === kind).length;
}

/**
 * Builds the shipped library's files from the source tables: the newest edition's documents, the
 * earlier edition's differing documents under `history/`, `editions.json`, `touchpoints.json` and
 * the platinum variant.
 */
export function buildLibraryFiles(modules: ModuleSource[]): LibraryFiles {
  const files: LibraryFiles = new Map();
  const { earlier, newest } = buildEditions(modules);
  for (const [code, doc] of newest) files.set(`${code.slice(0, 3)}/${code}.json`, doc.json);
  const changes: EditionChange[] = [];
  for (const [code, doc] of earlier) {
    const now = newest.get(code);
    if (now && jsonEqual(now.json, doc.json)) continue;
    files.set(`history/${EARLIER_EDITION}/${code}.json`, doc.json);
    changes.push(changeOf(code, now ?? doc, modules, now ? 'revised' : 'retired'));
  }
  for (const [code, doc] of newest) if (!earlier.has(code)) changes.push(changeOf(code, doc, modules, 'introduced'));
  changes.sort((a, b) => a.code.localeCompare(b.code));

  const editions: EditionManifest[] = [
    {
      name: EARLIER_EDITION, date: '2026-07-01', publishedBy: '刘建国（品质部经理）',
      note: `2026年第三季度标准版本集：${countOf(earlier, 'module')}个模块、${countOf(earlier, 'procedure')}个服务规程、${countOf(earlier, 'instruction')}份作业指导书，经品质部评审后发布执行。`,
      changes: [],
    },
    {
      name: NEWEST_EDITION, date: '2026-10-09', publishedBy: '刘建国（品质部经理）',
      note: `依据三季度1,200条客户反馈与800个服务数据点的季度评审修订：停车模块新增新能源汽车充电桩巡查及应急处置，${changes.filter((c) => c.change === 'revised').length}份文件修订，${changes.filter((c) => c.change === 'retired').length}份作业指导书停用。`,
      changes,
    },
  ];
  files.set('editions.json', { editions: editions as unknown as JsonValue });
  files.set('touchpoints.json', modules.flatMap((m) => m.touchpoints).sort((a, b) => a.number - b.number)
    .map((t) => ({ code: tpCode(t.number), name: t.name, stage: t.stage, place: t.place })));
  const overlays = modules.flatMap((m) => m.procedures.flatMap((p) => p.instructions))
    .filter((i) => i.platinum && !i.retired)
    .map((i) => ({ code: i.code, note: i.platinum!.note, patch: platinumPatch(i, i.platinum!) }));
  files.set('variants/platinum.json', {
    profile: 'platinum',
    title: '白金服务标准',
    description: '适用于商业综合体及高端写字楼项目的白金服务标准：在基础标准之上提高频次、收紧限值并增加检查项，项目档案中服务标准设为“白金”的项目按此执行。',
    overlays,
  });
  return files;
}
