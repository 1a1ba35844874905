import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_LIBRARY } from './bootstrap.ts';

const cli = new URL('./cli.ts', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

describe('npm run pinzhi -- validate', () => {
  it('passes on the shipped library, edition by edition', () => {
    // given the shipped library / when validated from the command line
    const result = run('validate', SHIPPED_LIBRARY);
    // then every edition, the touchpoints and the variant are reported valid
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^ok: edition 2026-Q3: 237 standards valid \(188 instruction, 42 procedure, 7 module; \d+ check items\)$/),
      expect.stringMatching(/^ok: edition 2026-Q4: 238 standards valid \(189 instruction, 42 procedure, 7 module; \d+ check items\), \d+ changes$/),
      'ok: edition 2027-Q1: 238 standards valid (189 instruction, 42 procedure, 7 module; 1286 check items), 189 changes',
      expect.stringMatching(/^ok: 215 touchpoints, each named by a check item; variants: platinum \(\d+ overlays\)$/),
    ]);
  });

  it('fails with the file and pointer of each problem, and exit code 1', () => {
    // given a copy of the library in which one check item names an unknown touchpoint
    const dir = mkdtempSync(join(tmpdir(), 'pinzhi-lib-'));
    cpSync(SHIPPED_LIBRARY, dir, { recursive: true });
    const file = join(dir, 'M03', 'M03.P01.W002.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const key = Object.keys(doc.properties)[0];
    doc.properties[key]['x-check'].touchpoints = ['TP-999'];
    writeFileSync(file, JSON.stringify(doc));
    // when validated
    const result = run('validate', dir);
    // then the problem is named, and nothing claims success
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`/properties/${key}/x-check/touchpoints: M03/M03.P01.W002.json: touchpoint TP-999 is not in touchpoints.json`);
    // and with --lang zh the same problem is reported in Chinese
    const chinese = run('validate', dir, '--lang', 'zh');
    expect(chinese.status).toBe(1);
    expect(chinese.stderr.split('\n')[0]).toMatch(/^标准库有 \d+ 个问题$/);
    expect(chinese.stderr).toContain(`/properties/${key}/x-check/touchpoints: M03/M03.P01.W002.json：客户触点 TP-999 不在 touchpoints.json 中`);
  });
});
