/**
 * Reading a call centre's export of feedback — an .xlsx workbook or a CSV file (UTF-8 with or
 * without BOM, or GBK as Chinese Excel saves it) — into rows of fields: headers in Chinese or
 * English with their common synonyms, channels by their Chinese names, times in the formats
 * exports use. Pure: which project a code or name means is the service's to decide.
 */
import { parse } from 'csv-parse/sync';
import { readSheets, excelSerialToDate, type CellValue } from '../shared/xlsx-read.ts';
import type { Channel } from './channels.ts';

/** What one import may hold (the README documents them). */
export const IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 20_000 } as const;

export const IMPORT_FIELDS = ['sourceId', 'project', 'channel', 'receivedAt', 'text', 'place', 'contact'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ['project', 'channel', 'receivedAt', 'text'];

/** Header spellings per field, compared without spaces, case or a trailing note in brackets. */
const HEADERS: Record<ImportField, string[]> = {
  sourceId: ['工单号', '工单编号', '单号', '编号', '序号id', '记录编号', 'ticket', 'ticketid', 'ticketno', 'id', 'sourceid', 'caseid'],
  project: ['项目', '项目名称', '项目编码', '项目编号', '所属项目', '小区', '小区名称', '楼盘', 'project', 'projectcode', 'projectname'],
  channel: ['渠道', '反馈渠道', '来源', '来源渠道', '受理渠道', 'channel', 'source'],
  receivedAt: ['来电时间', '反馈时间', '受理时间', '创建时间', '登记时间', '时间', '日期', 'receivedat', 'time', 'date', 'datetime', 'createdat'],
  text: ['反馈内容', '内容', '来电内容', '问题描述', '诉求内容', '投诉内容', '描述', '详情', 'text', 'content', 'feedback', 'description'],
  place: ['位置', '地点', '具体位置', '发生位置', '楼栋', '房号', 'place', 'location'],
  contact: ['联系方式', '联系电话', '电话', '手机', '客户电话', '手机号', 'contact', 'phone'],
};

const headerKey = (h: string) => h.normalize('NFKC').toLowerCase().replace(/[（(][^）)]*[)）]/g, '').replace(/[\s_*:：-]/g, '');

/** The field each column holds (by column index); unknown headers are ignored. */
export function mapHeaders(headers: readonly string[]): Map<ImportField, number> {
  const columns = new Map<ImportField, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h ?? '');
    const field = IMPORT_FIELDS.find((f) => HEADERS[f].includes(key));
    if (field && !columns.has(field)) columns.set(field, i);
  });
  return columns;
}

/** Channel names as exports write them. */
const CHANNEL_NAMES: [Channel, string[]][] = [
  ['hotline', ['热线', '400电话', '400', '电话', '来电', '客服热线', '呼叫中心', '12345', 'hotline', 'phone']],
  ['app', ['app', '业主app', '手机app', '线上', 'app报事']],
  ['wechat', ['微信', '公众号', '微信公众号', '小程序', '微信小程序', '企业微信', 'wechat']],
  ['survey', ['问卷', '调查', '满意度调查', '回访', 'survey']],
  ['visit', ['来访', '上门', '前台', '现场', '客服中心', 'visit', 'walkin']],
  ['email', ['邮件', '电子邮件', '邮箱', 'email', 'e-mail', 'mail']],
  ['other', ['其他', '其它', 'other']],
];

/** The channel code a name means, or the name itself (refused later with the list of channels). */
export function channelOf(name: string): string {
  const key = name.normalize('NFKC').trim().toLowerCase().replace(/\s/g, '');
  return CHANNEL_NAMES.find(([, names]) => names.includes(key))?.[0] ?? name.trim();
}

/** China has no daylight saving: its wall clock is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * A time as exports write it, read as China time unless it names a zone: 2026-11-03 14:22,
 * 2026/11/3 14:22:05, 2026年11月3日 14时22分, 2026.11.03, ISO 8601, Excel serial numbers and
 * dates read from a workbook (wall clock in UTC fields). null when it is none of those.
 */
export function parseTime(value: CellValue): Date | null {
  if (value instanceof Date) return new Date(value.getTime() - CHINA_OFFSET_MS);
  if (typeof value === 'number') return value > 0 && value < 2_958_466 ? new Date(excelSerialToDate(value).getTime() - CHINA_OFFSET_MS) : null;
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').trim();
  if (/^\d+(\.\d+)?$/.test(text)) return parseTime(Number(text));
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?分?)?$/.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(utc - CHINA_OFFSET_MS);
}

/** A table read from a file: its header row and its data rows, each with its row number in the file (1-based). */
export interface Table {
  headers: string[];
  rows: { row: number; cells: CellValue[] }[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GBK (GB18030) — what Chinese Excel writes for "CSV". */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

const isBlank = (cells: CellValue[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** The first sheet of a workbook, or a CSV file, as a table; the header is the first non-blank row. Throws on unreadable bytes. */
export function readTable(bytes: Uint8Array): Table {
  let grid: CellValue[][];
  if (isZip(bytes)) {
    const sheets = readSheets(bytes, { dates: true });
    grid = Object.values(sheets)[0] ?? [];
  } else {
    const text = decodeText(bytes);
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) throw new Error('binary content');
    grid = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, delimiter: [',', '\t', ';'] }) as string[][];
  }
  const start = grid.findIndex((cells) => cells && !isBlank(cells));
  if (start < 0) return { headers: [], rows: [] };
  const headers = grid[start].map((c) => (c == null ? '' : String(c)));
  const rows = grid.slice(start + 1).map((cells, i) => ({ row: start + 2 + i, cells: cells ?? [] })).filter((r) => !isBlank(r.cells));
  return { headers, rows };
}

/** A cell as text (numbers as written: a ticket number or a phone read from a workbook stays digits). */
export function cellText(value: CellValue | undefined): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}
