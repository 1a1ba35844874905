import { readFileSync } from 'node:fs';
import { writeXlsx } from '../shared/xlsx.ts';
import { readSheets } from '../shared/xlsx-read.ts';
import { channelOf, decodeText, mapHeaders, parseTime, readTable } from './feedback-import.ts';
import { csvLine, encodeGbk, excelStyleWorkbook } from '../../test/feedback-files.ts';

const china = (text: string) => new Date(`${text}+08:00`).toISOString();

describe('reading a call centre\'s export', () => {
  it('maps Chinese and English headers with their synonyms, ignoring unknown columns', () => {
    const columns = mapHeaders(['工单编号', '受理时间', '项目名称', '来源渠道', '客户姓名', '联系电话', '具体位置', '问题描述（客户原话）']);
    expect(Object.fromEntries(columns)).toEqual({ sourceId: 0, receivedAt: 1, project: 2, channel: 3, contact: 5, place: 6, text: 7 });
    expect(Object.fromEntries(mapHeaders(['Ticket ID', 'Project', 'Channel', 'Received at', 'Content']))).toEqual({ sourceId: 0, project: 1, channel: 2, receivedAt: 3, text: 4 });
  });

  it('reads channels by their Chinese names and leaves unknown ones as written', () => {
    expect(['热线', '400电话', 'APP', '微信公众号', '来访', '邮件', '其它', 'hotline', '传真'].map(channelOf)).toEqual(['hotline', 'hotline', 'app', 'wechat', 'visit', 'email', 'other', 'hotline', '传真']);
  });

  it('reads times in the formats exports use, as China time, and refuses impossible ones', () => {
    expect(parseTime('2026-11-03 14:22')!.toISOString()).toBe(china('2026-11-03T14:22:00'));
    expect(parseTime('2026/11/3 14:22:05')!.toISOString()).toBe(china('2026-11-03T14:22:05'));
    expect(parseTime('2026年11月3日 14时22分')!.toISOString()).toBe(china('2026-11-03T14:22:00'));
    expect(parseTime('2026.11.03')!.toISOString()).toBe(china('2026-11-03T00:00:00'));
    expect(parseTime('2026-11-03T06:22:00Z')!.toISOString()).toBe('2026-11-03T06:22:00.000Z');
    // Excel serial 46329.5 is 2026-11-03 12:00 on the wall clock
    expect(parseTime(46329.5)!.toISOString()).toBe(china('2026-11-03T12:00:00'));
    expect(parseTime('46329.5')!.toISOString()).toBe(china('2026-11-03T12:00:00'));
    for (const bad of ['2026-02-30 10:00', '2026-11-03 25:00', '昨天下午', '', null, -3]) expect(parseTime(bad)).toBeNull();
  });

  it('reads a real-world-like CSV export: BOM, extra columns, a quoted text over two lines, row numbers as in the file', () => {
    const table = readTable(readFileSync(new URL('../../test/fixtures/call-centre-export.csv', import.meta.url)));
    expect(table.headers[0]).toBe('工单编号');
    expect(table.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(String(table.rows[1].cells[7])).toContain('\n女儿都不敢');
  });

  it('decodes GBK (what Chinese Excel saves as CSV) and UTF-8 with or without BOM alike', () => {
    const text = csvLine(['项目', '渠道', '反馈时间', '反馈内容']) + '\n' + csvLine(['HD01', '热线', '2026-11-03 14:22', '地下车库灯不亮，晚上看不清']) + '\n';
    const utf8 = new TextEncoder().encode(text);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const gbk = encodeGbk(text);
    expect(gbk.length).toBeLessThan(utf8.length);
    for (const bytes of [utf8, bom, gbk]) expect(readTable(bytes).rows[0].cells).toEqual(['HD01', '热线', '2026-11-03 14:22', '地下车库灯不亮，晚上看不清']);
    expect(decodeText(gbk)).toBe(text);
  });

  it('reads an Excel-style workbook: shared strings in rich-text runs (phonetic hints left out), date-formatted cells, empty cells, a sheet file named by its relationship', () => {
    const at = new Date(Date.UTC(2026, 10, 3, 14, 22));
    const bytes = excelStyleWorkbook(['工单号', '项目', '渠道', '来电时间', '反馈内容'], [['T-1', 'HD01', '微信', at, '地下车库灯坏了'], ['T-2', null, '热线', 46329.25, '电梯故障']]);
    const sheets = readSheets(bytes, { dates: true });
    expect(Object.keys(sheets)).toEqual(['工单导出']);
    expect(sheets['工单导出'][1]).toEqual(['T-1', 'HD01', '微信', at, '地下车库灯坏了']);
    expect(sheets['工单导出'][2]).toEqual(['T-2', null, '热线', 46329.25, '电梯故障']);
    const table = readTable(bytes);
    expect(parseTime(table.rows[0].cells[3])!.toISOString()).toBe(china('2026-11-03T14:22:00'));
    // without asking for dates, a date cell stays its serial number (what the report tests compare)
    expect(readSheets(bytes)['工单导出'][1][3]).toBeCloseTo(46329.599, 2);
  });

  it('reads the workbooks this product writes (inline strings) and refuses bytes that are neither', () => {
    const bytes = writeXlsx([{ name: '反馈', header: ['项目', '反馈内容'], rows: [['HD01', '保洁很及时 & 认真']] }]);
    expect(readTable(bytes).rows[0].cells).toEqual(['HD01', '保洁很及时 & 认真']);
    expect(() => readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow();
    expect(() => readTable(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2]))).toThrow(/binary/);
  });
});
