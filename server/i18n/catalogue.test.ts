import { renderMessage, type MessageParams, type ParamValue } from '../../domain/shared/messages.ts';
import { CATALOGUE, render } from './catalogue.ts';

// Every code of every feature, rendered in both languages with sample parameters.
const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;
const BUILT_IN = new Set(['json', 'path', 'semi', 's']);

/** A sample value for each parameter a code's templates name, of the kind its format expects. */
function sampleParams(code: string): MessageParams {
  const params: Record<string, ParamValue> = {};
  for (const template of [CATALOGUE[code].en, CATALOGUE[code]['zh-CN']]) {
    for (const [, name, format] of template.matchAll(PLACEHOLDER)) {
      if (format === 's') params[name] ??= 2;
      else if (format === 'json') params[name] ??= ['甲', 7];
      else if (format === 'path' || format === 'semi') params[name] ??= [`«${name}1»`, `«${name}2»`];
      else if (format) params[name] ??= Object.keys(CATALOGUE).find((c) => c.startsWith(`${format}.`))!.slice(format.length + 1);
      else params[name] ??= `«${name}»`;
    }
  }
  return params;
}

const codes = Object.keys(CATALOGUE);

describe('the message catalogue', () => {
  it('has many codes, each with both languages', () => {
    expect(codes.length).toBeGreaterThan(250);
    for (const code of codes) {
      expect(CATALOGUE[code].en.trim()).not.toBe('');
      expect(CATALOGUE[code]['zh-CN'].trim()).not.toBe('');
    }
  });

  it.each(codes)('renders %s in Chinese and English with its parameters, leaving no placeholder', (code) => {
    const params = sampleParams(code);
    const zh = render({ code, params }, 'zh-CN');
    const en = render({ code, params }, 'en');
    for (const [text, template] of [[zh, CATALOGUE[code]['zh-CN']], [en, CATALOGUE[code].en]]) {
      expect(text).not.toMatch(/\{\w+(:\w+)?\}/);
      // a missing parameter would show as "…": only the template's own ellipses remain
      expect(text.split('…').length).toBe(template.split('…').length);
      // every plain parameter appears in the text
      for (const [name, value] of Object.entries(params)) {
        if (typeof value === 'string' && value.startsWith('«') && template.includes(`{${name}}`)) expect(text).toContain(value);
      }
    }
    // the Chinese is not the English
    expect(zh).not.toBe(en);
    // a word looked up by format exists in the catalogue
    for (const template of [CATALOGUE[code].en, CATALOGUE[code]['zh-CN']]) {
      for (const [, , format] of template.matchAll(PLACEHOLDER)) {
        if (format && !BUILT_IN.has(format)) expect(codes.some((c) => c.startsWith(`${format}.`))).toBe(true);
      }
    }
  });

  it('falls back to the English text for an unknown code, and never throws', () => {
    expect(render({ code: 'nothing.known', params: { x: 1 }, message: 'as it was said' }, 'zh-CN')).toBe('as it was said');
    expect(render({ code: 'nothing.known', params: { x: 1 } }, 'zh-CN')).toBe('nothing.known (x: 1)');
    expect(renderMessage(CATALOGUE, { code: 'standard.too_large', params: {} }, 'zh-CN')).toBe('文档大小为 … 字节，上限为 … 字节');
  });
});

describe('the feature catalogues', () => {
  it('are all merged into the catalogue the server renders from', async () => {
    // given every `*.messages.ts` beside the rules and the transport
    const { readdirSync } = await import('node:fs');
    const { join, relative } = await import('node:path');
    const root = join(import.meta.dirname, '../..');
    const files = ['domain', 'server'].flatMap((dir) => (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.messages.ts')).map((f) => join(root, dir, f)));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      // when its catalogues are read / then each code is in the merged catalogue, with the same templates
      const module = (await import(file)) as Record<string, unknown>;
      const catalogues = Object.entries(module).filter(([name]) => name.endsWith('_MESSAGES')).map(([, value]) => value as Record<string, unknown>);
      expect([relative(root, file), catalogues.length > 0]).toEqual([relative(root, file), true]);
      for (const catalogue of catalogues) for (const [code, templates] of Object.entries(catalogue)) expect([code, CATALOGUE[code]]).toEqual([code, templates]);
    }
  });
});
