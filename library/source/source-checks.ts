import { describeChanges } from '../../domain/standards/diff/semantic-diff.ts';
import { isJsonObject, type JsonObject } from '../../domain/shared/json.ts';
import type { CheckedEdition } from '../../domain/editions/library-package.ts';
import { isPlaceKind } from '../../domain/standards/place-kinds.ts';
import { mergePatch } from '../../domain/variants/variants.ts';
import { instructionJson, placeOf, platinumPatch } from './build-documents.ts';
import type { BodySource, InstructionSource, ItemSource, ModuleSource } from './types.ts';

/** Touchpoint numbers each module owns (together TP-001 … TP-215). */
export const TOUCHPOINT_RANGES: Record<string, [number, number]> = {
  M01: [1, 40], M02: [41, 70], M03: [71, 102], M04: [103, 127], M05: [128, 160], M06: [161, 190], M07: [191, 215],
};

/** Words that betray unfinished or filler text. */
export const PLACEHOLDER = /检查项\s*\d|待补充|待定|示例|占位|略。|^略$|\?\?|\b(TODO|TBD|FIXME|XXX)\b|\b[Ll]orem\b|\b[Ii]psum\b/;

export interface SourceReport {
  problems: string[];
  stats: { modules: number; procedures: number; instructions: number; earlierInstructions: number; items: number; byKind: Record<string, number>; byPlace: Record<string, number>; platinum: number; revised: number; introduced: number; retired: number };
}

function texts(body: BodySource): string[] {
  return [body.purpose, body.scope, ...(body.definitions ?? []), ...body.responsibilities, ...body.steps, ...(body.requirements ?? []), ...body.records, ...(body.references ?? [])];
}

function itemTexts(items: ItemSource[]): string[] {
  return items.flatMap((i) => [i.title, i.description, i.hint ?? '', ...(i.input.kind === 'rating' ? i.input.options : [])]);
}

/**
 * The editorial rules of the shipped library, checked on the source tables: shape and numbering,
 * unique titles and texts, no placeholders or repeated boilerplate, a real mix of inputs, overlays
 * that only tighten or add. Validity against the standards language is checked on the built files.
 */
export function checkSources(modules: ModuleSource[]): SourceReport {
  const problems: string[] = [];
  const stats: SourceReport['stats'] = { modules: modules.length, procedures: 0, instructions: 0, earlierInstructions: 0, items: 0, byKind: {}, byPlace: {}, platinum: 0, revised: 0, introduced: 0, retired: 0 };
  const titles = new Map<string, string>();
  const uniqueText = new Map<string, string>();
  const sharedText = new Map<string, Set<string>>();
  const itemDescriptions = new Map<string, string>();
  const unique = (map: Map<string, string>, text: string, where: string, what: string) => {
    if (map.has(text) && map.get(text) !== where) problems.push(`${where}: ${what} repeats ${map.get(text)}: "${text.slice(0, 40)}…"`);
    else map.set(text, where);
  };
  const checkText = (where: string, values: string[]) => {
    for (const t of values) if (PLACEHOLDER.test(t)) problems.push(`${where}: placeholder-like text "${t.slice(0, 40)}"`);
  };
  const checkBody = (code: string, title: string, description: string, body: BodySource) => {
    unique(titles, title, code, 'title');
    unique(uniqueText, description, code, 'description');
    unique(uniqueText, body.purpose, code, 'purpose');
    unique(uniqueText, body.scope, code, 'scope');
    for (const t of [...body.steps, ...(body.requirements ?? []), ...(body.definitions ?? [])]) {
      if (t.length < 12) continue;
      const set = sharedText.get(t) ?? new Set();
      set.add(code);
      sharedText.set(t, set);
    }
    if (body.steps.length < 3) problems.push(`${code}: only ${body.steps.length} steps`);
    if (body.responsibilities.length < 2) problems.push(`${code}: fewer than 2 responsibilities`);
    if (body.records.length < 1) problems.push(`${code}: no records`);
    checkText(code, [title, description, ...texts(body)]);
  };
  const checkItems = (i: InstructionSource, items: ItemSource[], label: string) => {
    if (items.length < 4 || items.length > 12) problems.push(`${i.code}${label}: ${items.length} check items (4–12)`);
    const keys = new Set<string>();
    const itemTitles = new Set<string>();
    for (const item of items) {
      if (!/^[a-z][A-Za-z0-9]*$/.test(item.key)) problems.push(`${i.code}: item key "${item.key}" is not lowerCamelCase`);
      if (keys.has(item.key)) problems.push(`${i.code}${label}: item key "${item.key}" twice`);
      if (itemTitles.has(item.title)) problems.push(`${i.code}${label}: item title "${item.title}" twice`);
      keys.add(item.key);
      itemTitles.add(item.title);
      if (item.touchpoints.length === 0) problems.push(`${i.code}.${item.key}: no touchpoint`);
      for (const n of item.touchpoints) if (!Number.isInteger(n) || n < 1 || n > 215) problems.push(`${i.code}.${item.key}: touchpoint ${n} outside 1–215`);
      if (item.input.kind === 'photos' && item.evidence !== 'photo-required') problems.push(`${i.code}.${item.key}: a photos item needs evidence "photo-required"`);
      if (item.input.kind === 'rating' && !item.input.pass.every((p) => (item.input as { options: string[] }).options.includes(p))) problems.push(`${i.code}.${item.key}: pass options not among the options`);
    }
    checkText(`${i.code}${label}`, itemTexts(items));
  };

  for (const m of modules) {
    const range = TOUCHPOINT_RANGES[m.code];
    checkBody(m.code, m.title, m.description, m.body);
    if (m.procedures.length !== 6) problems.push(`${m.code}: ${m.procedures.length} procedures (6 expected)`);
    const own = new Set(m.touchpoints.map((t) => t.number));
    if (range) {
      for (let n = range[0]; n <= range[1]; n++) if (!own.has(n)) problems.push(`${m.code}: touchpoint TP-${String(n).padStart(3, '0')} is not listed in the module's touchpoints`);
      for (const t of m.touchpoints) if (t.number < range[0] || t.number > range[1]) problems.push(`${m.code}: touchpoint ${t.number} is outside the module's range ${range[0]}–${range[1]}`);
    }
    const referenced = new Set<number>();
    const codes: number[] = [];
    let current = 0;
    for (const [pi, p] of m.procedures.entries()) {
      stats.procedures += 1;
      const expected = `${m.code}.P${String(pi + 1).padStart(2, '0')}`;
      if (p.code !== expected) problems.push(`${p.code}: expected code ${expected}`);
      if (!/(服务规程|管理规程)$/.test(p.title)) problems.push(`${p.code}: a procedure title ends with 服务规程 or 管理规程`);
      checkBody(p.code, p.title, p.description, p.body);
      if (p.instructions.filter((i) => !i.retired).length < 3) problems.push(`${p.code}: fewer than 3 current instructions`);
      for (const i of p.instructions) {
        if (!i.code.startsWith(`${p.code}.W`)) problems.push(`${i.code}: not under ${p.code}`);
        codes.push(Number(i.code.slice(-3)));
        if (!/作业指导书$/.test(i.title)) problems.push(`${i.code}: an instruction title ends with 作业指导书`);
        checkBody(i.code, i.title, i.description, i.body);
        checkItems(i, i.items, '');
        if (i.revision) {
          stats.revised += 1;
          const before = instructionJson({ ...i, ...i.revision.before }, { places: false });
          if (JSON.stringify(before) === JSON.stringify(instructionJson(i, { places: false }))) problems.push(`${i.code}: the revision changes nothing`);
          if (i.revision.before.items) checkItems(i, i.revision.before.items, ' (2026-Q3)');
          if (i.revision.before.body) checkText(`${i.code} (2026-Q3)`, texts(i.revision.before.body));
        }
        if (i.introduced) stats.introduced += 1;
        if (i.retired) stats.retired += 1;
        if (!i.introduced) stats.earlierInstructions += 1;
        if ([i.revision, i.introduced, i.retired].filter(Boolean).length > 1) problems.push(`${i.code}: at most one of revision / introduced / retired`);
        if (i.retired) continue;
        current += 1;
        stats.instructions += 1;
        // every item of a current instruction (and every item the platinum standard adds) says where it is checked
        let placed = true;
        for (const item of [...i.items, ...(i.platinum?.add ?? [])]) {
          try {
            const place = placeOf(i, item);
            if (i.items.includes(item)) stats.byPlace[place] = (stats.byPlace[place] ?? 0) + 1;
          } catch (error) {
            placed = false;
            problems.push((error as Error).message);
          }
        }
        for (const item of i.items) {
          stats.items += 1;
          stats.byKind[item.input.kind] = (stats.byKind[item.input.kind] ?? 0) + 1;
          const where = `${i.code}.${item.key}`;
          unique(itemDescriptions, item.description, where, 'item description');
          for (const n of item.touchpoints) referenced.add(n);
        }
        if (i.platinum && placed) {
          stats.platinum += 1;
          const base = instructionJson(i, { places: true });
          const overlaid = mergePatch(base, platinumPatch(i, i.platinum, { places: true })) as JsonObject;
          const changes = describeChanges(base, overlaid);
          if (changes.length === 0) problems.push(`${i.code}: the platinum overlay changes nothing`);
          for (const c of changes) if (c.kind === 'constraint-loosened' || c.kind === 'item-removed') problems.push(`${i.code}: the platinum overlay loosens: ${c.summary}`);
          checkText(`${i.code} (platinum)`, [i.platinum.note, ...itemTexts(i.platinum.add ?? [])]);
          for (const item of i.platinum.add ?? []) if (i.items.some((x) => x.key === item.key)) problems.push(`${i.code}: platinum adds "${item.key}", which exists`);
        }
      }
    }
    const sorted = [...codes].sort((a, b) => a - b);
    sorted.forEach((n, k) => { if (n !== k + 1) problems.push(`${m.code}: instruction numbers are not W001…W${String(sorted.length).padStart(3, '0')} without gaps (at W${String(n).padStart(3, '0')})`); });
    if (current !== 27) problems.push(`${m.code}: ${current} current instructions (27 expected)`);
    if (range) for (let n = range[0]; n <= range[1]; n++) if (!referenced.has(n)) problems.push(`${m.code}: touchpoint TP-${String(n).padStart(3, '0')} is not named by any current check item`);
  }
  for (const [text, where] of sharedText) if (where.size > 2) problems.push(`boilerplate in ${where.size} documents (${[...where].slice(0, 4).join(', ')}…): "${text.slice(0, 40)}…"`);
  return { problems, stats };
}

/**
 * Every check item of an edition — and every item its variants add — that does not name a kind of
 * place (`x-check.place`), as `file pointer: problem` lines. Checked on the built files, after the
 * source checks, so nothing the build produced escapes the rule.
 */
export function itemsWithoutPlace(edition: CheckedEdition): string[] {
  const problems: string[] = [];
  const look = (where: string, schema: JsonObject) => {
    for (const [key, item] of Object.entries((schema.properties ?? {}) as JsonObject)) {
      const check = isJsonObject(item) && isJsonObject(item['x-check']) ? item['x-check'] : {};
      if (!isPlaceKind(check.place)) problems.push(`${where} /properties/${key}/x-check/place: the item does not say which kind of place it is checked at`);
    }
  };
  const byCode = new Map(edition.documents.map((d) => [d.code, d]));
  for (const doc of edition.documents) if (doc.kind === 'instruction') look(doc.file, doc.schema);
  for (const variant of edition.variants) {
    for (const overlay of variant.overlays) {
      const base = byCode.get(overlay.code);
      if (base) look(`variants/${variant.profile}.json ${overlay.code}`, mergePatch(base.schema, overlay.patch) as JsonObject);
    }
  }
  return problems;
}
