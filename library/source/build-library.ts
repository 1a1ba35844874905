import type { JsonObject, JsonValue } from '../../domain/shared/json.ts';
import { jsonEqual } from '../../domain/shared/json.ts';
import type { EditionChange, EditionManifest } from '../../domain/editions/library-package.ts';
import { PLACE_KINDS, type PlaceKind } from '../../domain/standards/place-kinds.ts';
import { instructionJson, moduleChildren, parentJson, placeOf, platinumPatch, procedureChildren, tpCode } from './build-documents.ts';
import type { InstructionSource, ModuleSource, RevisionInfo } from './types.ts';

/** The quality manager, who publishes every edition of the shipped library. */
const QUALITY_MANAGER = '刘建国（品质部经理）';

/** Files of the shipped library, by path relative to `library/shipped/`. */
export type LibraryFiles = Map<string, JsonValue>;

interface Built {
  json: JsonObject;
  /** for instructions: the source table, which says who changed it and why */
  source?: InstructionSource;
}

/** One edition's documents by code, and the platinum variant it pins (if any). */
interface EditionDocs {
  docs: Map<string, Built>;
  platinum?: JsonObject;
}

/**
 * How the source tables read in one edition: the 2026-Q3 text (`revision.before`, without the
 * instructions introduced in 2026-Q4) or the current one; with the places of check items or without;
 * pinning the platinum variant or not. `change` says who changed a document since the edition
 * before, and why; `note` is the edition's own note.
 */
interface EditionPlan {
  name: string;
  date: string;
  text: 'earlier' | 'current';
  places: boolean;
  platinum: boolean;
  change?: (code: string, now: Built | undefined, before: Built | undefined, modules: ModuleSource[], change: EditionChange['change']) => RevisionInfo;
  note: (edition: EditionDocs, changes: EditionChange[]) => string;
}

function countOf(docs: Map<string, Built>, kind: string): number {
  return [...docs.values()].filter((d) => (d.json['x-standard'] as JsonObject).kind === kind).length;
}

/** 2026-Q4: the source tables name each revised, introduced and retired instruction's author and note. */
function revisionChange(code: string, now: Built | undefined, before: Built | undefined, modules: ModuleSource[]): RevisionInfo {
  const source = now?.source ?? before?.source;
  const info: RevisionInfo | undefined = source?.introduced ?? source?.retired ?? source?.revision;
  if (info) return info;
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
  return { author: by?.author ?? '品质部', note: `随本规程下作业指导书的调整更新引用：${parts.join('；')}。` };
}

const PLACES_NOTE = '检查项标注检查地点，便于按地点巡检';

/** How many of an instruction's items are checked at each kind of place, most first: 「电梯6项、办公室2项」. */
function placeCounts(items: { place: PlaceKind }[]): string {
  const counts = new Map<PlaceKind, number>();
  for (const { place } of items) counts.set(place, (counts.get(place) ?? 0) + 1);
  const order = PLACE_KINDS.map((p) => p.kind);
  return [...counts].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([kind, n]) => `${PLACE_KINDS.find((p) => p.kind === kind)!.zh}${n}项`).join('、');
}

/** 2027-Q1: the quality manager gave every check item its place; each note says where the items are checked. */
function placesChange(code: string, now: Built | undefined): RevisionInfo {
  const source = now?.source;
  if (!source) return { author: QUALITY_MANAGER, note: `${PLACES_NOTE}。` };
  return { author: QUALITY_MANAGER, note: `${PLACES_NOTE}：${placeCounts(source.items.map((item) => ({ place: placeOf(source, item) })))}。` };
}

/** The editions of the shipped library, oldest first. */
export const EDITIONS: readonly EditionPlan[] = [
  {
    name: '2026-Q3', date: '2026-07-01', text: 'earlier', places: false, platinum: false,
    note: ({ docs }) => `2026年第三季度标准版本集：${countOf(docs, 'module')}个模块、${countOf(docs, 'procedure')}个服务规程、${countOf(docs, 'instruction')}份作业指导书，经品质部评审后发布执行。`,
  },
  {
    name: '2026-Q4', date: '2026-10-09', text: 'current', places: false, platinum: true, change: revisionChange,
    note: (_docs, changes) => `依据三季度1,200条客户反馈与800个服务数据点的季度评审修订：停车模块新增新能源汽车充电桩巡查及应急处置，${changes.filter((c) => c.change === 'revised').length}份文件修订，${changes.filter((c) => c.change === 'retired').length}份作业指导书停用。`,
  },
  {
    name: '2027-Q1', date: '2026-12-01', text: 'current', places: true, platinum: true, change: placesChange,
    note: ({ docs, platinum }, changes) => {
      const items = [...docs.values()].filter((d) => d.source).reduce((n, d) => n + Object.keys(d.json.properties as JsonObject).length, 0);
      const added = ((platinum?.overlays ?? []) as JsonObject[]).reduce((n, o) => n + Object.values((o.patch as JsonObject).properties as JsonObject).filter((p) => (p as JsonObject).title).length, 0);
      return `${PLACES_NOTE}：${changes.length}份作业指导书的${items.toLocaleString('en-US')}个检查项及白金服务标准新增的${added}个检查项逐项标注检查地点（x-check.place：大堂、电梯、停车场、办公室等${PLACE_KINDS.length}类），巡检人员可在手机上按地点分组检查；检查内容与判定标准不变。`;
    },
  },
];

export const NEWEST_EDITION = EDITIONS[EDITIONS.length - 1].name;

function instructionAsBefore(i: InstructionSource): InstructionSource {
  return { ...i, ...(i.revision?.before ?? {}) };
}

/** One edition's documents, as the source tables read in it. */
function editionDocs(modules: ModuleSource[], plan: EditionPlan): EditionDocs {
  const docs = new Map<string, Built>();
  for (const m of modules) {
    docs.set(m.code, { json: parentJson('module', m, moduleChildren(m)) });
    for (const p of m.procedures) {
      docs.set(p.code, { json: parentJson('procedure', p, procedureChildren(p, plan.text)) });
      for (const i of p.instructions) {
        if (plan.text === 'earlier' ? i.introduced : i.retired) continue;
        docs.set(i.code, { json: instructionJson(plan.text === 'earlier' ? instructionAsBefore(i) : i, { places: plan.places }), source: i });
      }
    }
  }
  if (!plan.platinum) return { docs };
  const overlays = modules.flatMap((m) => m.procedures.flatMap((p) => p.instructions))
    .filter((i) => i.platinum && !i.retired)
    .map((i) => ({ code: i.code, note: i.platinum!.note, patch: platinumPatch(i, i.platinum!, { places: plan.places }) }));
  return {
    docs,
    platinum: {
      profile: 'platinum',
      title: '白金服务标准',
      description: '适用于商业综合体及高端写字楼项目的白金服务标准：在基础标准之上提高频次、收紧限值并增加检查项，项目档案中服务标准设为“白金”的项目按此执行。',
      overlays,
    },
  };
}

/** What changed from one edition to the next, by code, each with who changed it and why. */
function changesBetween(before: EditionDocs, now: EditionDocs, plan: EditionPlan, modules: ModuleSource[]): EditionChange[] {
  const changes: EditionChange[] = [];
  const add = (code: string, change: EditionChange['change']) => {
    const info = plan.change!(code, now.docs.get(code), before.docs.get(code), modules, change);
    changes.push({ code, change, author: info.author, note: info.note });
  };
  for (const [code, doc] of before.docs) {
    const next = now.docs.get(code);
    if (!next) add(code, 'retired');
    else if (!jsonEqual(next.json, doc.json)) add(code, 'revised');
  }
  for (const code of now.docs.keys()) if (!before.docs.has(code)) add(code, 'introduced');
  return changes.sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Builds the shipped library's files from the source tables: the newest edition's documents and
 * variant, each earlier edition's differing documents (and the variant it pinned, where it differs
 * from the next edition's or that edition pinned it first) under `history/<edition>/`,
 * `editions.json` and `touchpoints.json`.
 */
export function buildLibraryFiles(modules: ModuleSource[]): LibraryFiles {
  const files: LibraryFiles = new Map();
  const editions = EDITIONS.map((plan) => editionDocs(modules, plan));
  const newest = editions[editions.length - 1];
  for (const [code, doc] of newest.docs) files.set(`${code.slice(0, 3)}/${code}.json`, doc.json);
  const manifests: EditionManifest[] = [];
  EDITIONS.forEach((plan, k) => {
    const changes = k === 0 ? [] : changesBetween(editions[k - 1], editions[k], plan, modules);
    manifests.push({ name: plan.name, date: plan.date, publishedBy: QUALITY_MANAGER, note: plan.note(editions[k], changes), changes });
    if (k === editions.length - 1) return;
    const next = editions[k + 1];
    for (const [code, doc] of editions[k].docs) {
      const later = next.docs.get(code);
      if (!later || !jsonEqual(later.json, doc.json)) files.set(`history/${plan.name}/${code}.json`, doc.json);
    }
    const firstToPin = k === 0 || !editions[k - 1].platinum;
    if (editions[k].platinum && (firstToPin || !next.platinum || !jsonEqual(next.platinum, editions[k].platinum!))) {
      files.set(`history/${plan.name}/variants/platinum.json`, editions[k].platinum!);
    }
  });
  files.set('editions.json', { editions: manifests as unknown as JsonValue });
  files.set('touchpoints.json', modules.flatMap((m) => m.touchpoints).sort((a, b) => a.number - b.number)
    .map((t) => ({ code: tpCode(t.number), name: t.name, stage: t.stage, place: t.place })));
  if (newest.platinum) files.set('variants/platinum.json', newest.platinum);
  return files;
}
