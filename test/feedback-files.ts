import { strToU8, zipSync } from 'fflate';

/**
 * Feedback files as call centres export them, written by code for the tests: an Excel-style
 * workbook (shared strings with rich-text runs, a date-formatted column, cells without values)
 * and GBK-encoded CSV (what Chinese Excel saves as "CSV").
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i: number) => String.fromCharCode(65 + i);

/** A workbook whose text cells are shared strings (every other one split into two bold/plain runs) and whose Date cells carry a date format. */
export function excelStyleWorkbook(header: string[], rows: (string | number | Date | null)[][], sheetName = '工单导出'): Uint8Array {
  const strings: string[] = [];
  const shared = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const cell = (ref: string, v: string | number | Date | null) => {
    if (v === null) return `<c r="${ref}" s="0"/>`;
    if (v instanceof Date) return `<c r="${ref}" s="1"><v>${v.getTime() / 86_400_000 + 25569}</v></c>`;
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    return `<c r="${ref}" t="s"><v>${shared(v)}</v></c>`;
  };
  const sheetRows = [header, ...rows].map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(`${col(c)}${i + 1}`, v)).join('')}</row>`).join('');
  const si = strings.map((s, i) => {
    if (i % 2 === 1 || s.length < 2) return `<si><t>${esc(s)}</t></si>`;
    const half = Math.ceil(s.length / 2);
    return `<si><r><rPr><b/></rPr><t>${esc(s.slice(0, half))}</t></r><r><t xml:space="preserve">${esc(s.slice(half))}</t></r><rPh sb="0" eb="1"><t>ピン</t></rPh></si>`;
  }).join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(sheetName)}" sheetId="7" r:id="rId3"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="worksheet" Target="worksheets/data.xml"/></Relationships>'),
    'xl/styles.xml': strToU8(`<?xml version="1.0"?><styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d\\ h:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>`),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0"?><sst ${ns} count="${strings.length}">${si}</sst>`),
    'xl/worksheets/data.xml': strToU8(`<?xml version="1.0"?><worksheet ${ns}><sheetData>${sheetRows}</sheetData></worksheet>`),
  });
}

let gbkTable: Map<string, number[]> | null = null;

/** Text encoded as GBK: the table is built by decoding every two-byte GBK sequence once. */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

/** A CSV line of cells, quoted where needed. */
export const csvLine = (cells: (string | number)[]) => cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
