import { strFromU8, unzipSync } from 'fflate';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** A column's letters as a 0-based index (A → 0, AA → 26). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Reads an .xlsx back into its sheets by name, each a grid of rows (1-based row numbers kept: row
 * r is at index r - 1) of cell values — numbers as numbers, inline and shared strings as text.
 */
export function readWorkbook(bytes: Uint8Array): Record<string, (string | number | null)[][]> {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files['xl/workbook.xml']);
  const shared = files['xl/sharedStrings.xml'] ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>.*?<t[^>]*>(.*?)<\/t>.*?<\/si>/gs)].map((m) => unescape(m[1])) : [];
  const sheets: Record<string, (string | number | null)[][]> = {};
  [...workbook.matchAll(/<sheet name="([^"]*)" sheetId="(\d+)"/g)].forEach(([, name], i) => {
    const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]);
    const grid: (string | number | null)[][] = [];
    for (const [, r, body] of xml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/gs)) {
      const row: (string | number | null)[] = [];
      for (const [, ref, attrs, inner] of body.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(.*?)<\/c>/gs)) {
        const text = /<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1];
        const value = /<v>(.*?)<\/v>/s.exec(inner)?.[1];
        row[columnIndex(ref)] = attrs.includes('t="inlineStr"') ? unescape(text ?? '') : attrs.includes('t="s"') ? shared[Number(value)] : value === undefined ? null : Number(value);
      }
      grid[Number(r) - 1] = Array.from(row, (v) => v ?? null);
    }
    sheets[unescape(name)] = Array.from(grid, (row) => row ?? []);
  });
  return sheets;
}
