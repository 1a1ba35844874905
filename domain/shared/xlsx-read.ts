import { strFromU8, unzipSync } from 'fflate';

/** A cell's value: text, a number, a boolean, a date (when asked for and the cell is formatted as one), or empty. */
export type CellValue = string | number | boolean | Date | null;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
const unescapeXml = (s: string) => s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]);

/** The text of a string item: every run's `<t>` joined (rich text splits one string into runs), phonetic hints left out. */
function stringItem(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b.*?<\/rPh>/gs, '');
  return [...withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>(.*?)<\/t>|<t(?:\s[^>]*)?\/>/gs)].map((m) => unescapeXml(m[1] ?? '')).join('');
}

/** A column's letters as a 0-based index (A → 0, AA → 26). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 57, 58]);

/** For each cell style index, whether its number format shows a date or time. */
function dateStyles(files: Record<string, Uint8Array>): boolean[] {
  const xml = files['xl/styles.xml'] ? strFromU8(files['xl/styles.xml']) : '';
  const custom = new Map([...xml.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)].map(([, id, code]) => [Number(id), code]));
  const isDateFormat = (id: number) => BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && /[ymdhs]/i.test(custom.get(id)!.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')));
  const xfs = /<cellXfs\b[^>]*>(.*?)<\/cellXfs>/s.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map(([, attrs]) => isDateFormat(Number(/numFmtId="(\d+)"/.exec(attrs)?.[1] ?? 0)));
}

/** An Excel serial day number (1900 date system, days since 1899-12-30) as the wall-clock time it shows, in UTC fields. */
export function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** The worksheet file of each sheet, by name, in workbook order (through the workbook's relationships). */
function sheetFiles(files: Record<string, Uint8Array>): [string, string][] {
  const workbook = strFromU8(files['xl/workbook.xml']);
  const rels = files['xl/_rels/workbook.xml.rels'] ? strFromU8(files['xl/_rels/workbook.xml.rels']) : '';
  const targets = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map(([, a]) => [/Id="([^"]*)"/.exec(a)?.[1], /Target="([^"]*)"/.exec(a)?.[1] ?? '']));
  return [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map(([, attrs], i) => {
    const name = unescapeXml(/name="([^"]*)"/.exec(attrs)?.[1] ?? `Sheet${i + 1}`);
    const target = targets.get(/r:id="([^"]*)"/.exec(attrs)?.[1]);
    const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`) : `xl/worksheets/sheet${i + 1}.xml`;
    return [name, path];
  });
}

/**
 * Reads an .xlsx into its sheets by name, each a grid of rows (row r at index r - 1) of cell
 * values: numbers, booleans, shared strings (rich-text runs joined), inline strings and formula
 * results. With `dates`, numbers in cells formatted as dates come back as Dates (the wall-clock
 * time they show, in UTC fields). Throws on bytes that are not a workbook.
 */
export function readSheets(bytes: Uint8Array, options: { dates?: boolean } = {}): Record<string, CellValue[][]> {
  const files = unzipSync(bytes);
  if (!files['xl/workbook.xml']) throw new Error('not an .xlsx workbook (no xl/workbook.xml)');
  const shared = files['xl/sharedStrings.xml'] ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>(.*?)<\/si>|<si\/>/gs)].map((m) => stringItem(m[1] ?? '')) : [];
  const dated = options.dates ? dateStyles(files) : [];
  const sheets: Record<string, CellValue[][]> = {};
  for (const [name, path] of sheetFiles(files)) {
    if (!files[path]) throw new Error(`the sheet ${name} is missing (${path})`);
    const grid: CellValue[][] = [];
    let nextRow = 0;
    for (const [, rowAttrs, body] of strFromU8(files[path]).matchAll(/<row\b([^>]*?)(?:\/>|>(.*?)<\/row>)/gs)) {
      const r = Number(/\br="(\d+)"/.exec(rowAttrs)?.[1] ?? nextRow + 1) - 1;
      nextRow = r + 1;
      const row: CellValue[] = [];
      let nextColumn = 0;
      for (const [, attrs, inner] of (body ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
        const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
        const column = ref ? columnIndex(ref) : nextColumn;
        nextColumn = column + 1;
        row[column] = cellValue(attrs, inner ?? '', shared, dated);
      }
      grid[r] = Array.from(row, (v) => v ?? null);
    }
    sheets[name] = Array.from(grid, (row) => row ?? []);
  }
  return sheets;
}

function cellValue(attrs: string, inner: string, shared: string[], dated: boolean[]): CellValue {
  const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  const raw = /<v>(.*?)<\/v>/s.exec(inner)?.[1];
  if (type === 'inlineStr') return stringItem(/<is>(.*?)<\/is>/s.exec(inner)?.[1] ?? '');
  if (raw === undefined) return null;
  if (type === 's') return shared[Number(raw)] ?? null;
  if (type === 'str' || type === 'e') return unescapeXml(raw);
  if (type === 'b') return raw === '1';
  const n = Number(raw);
  const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? -1);
  return dated[style] ? excelSerialToDate(n) : n;
}
