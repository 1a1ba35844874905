import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.ts';
import { forkEm, openOrm } from './db/orm.ts';
import { scratchDatabase } from '../test/harness.ts';

/** `npm run pinzhi -- user certificates …` on a real store (PGlite folder, or a scratch PostgreSQL database). */
const cli = new URL('./cli.ts', import.meta.url).pathname;
let env: Record<string, string>;
let dir: string;
let databaseUrl: string | undefined;
let drop: () => Promise<void>;
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  dir = mkdtempSync(join(tmpdir(), 'pinzhi-cli-cert-'));
  const scratch = serverUrl ? await scratchDatabase(serverUrl, 'pinzhi_cli_cert') : null;
  databaseUrl = scratch?.url;
  env = scratch ? { DATABASE_URL: scratch.url, DATA_DIR: dir } : { DATABASE_URL: '', DATA_DIR: dir };
  drop = async () => {
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
});
afterAll(() => drop());

describe('npm run pinzhi -- user certificates', () => {
  it('replaces a person\'s certificates, and refuses an unknown person', async () => {
    expect(run('user', 'add', '--username', 'li', '--password', 'long-secret', '--roles', 'inspector', '--qualification', '电工证:DG-1:2027-01-31').status).toBe(0);
    expect(run('user', 'certificates', '--username', 'li', '--qualification', '内审员证:NS-7:2027-03-31', '--qualification', '泳池水质管理培训证明')).toMatchObject({ status: 0, stdout: 'user li holds 内审员证, 泳池水质管理培训证明\n' });
    expect(run('user', 'certificates', '--username', 'nobody')).toMatchObject({ status: 1, stderr: 'No person nobody\n' });
    expect(run('user', 'certificates', '--username', 'li', '--qualification', '内审员证:NS-7:31.3.2027')).toMatchObject({ status: 1 });
    const orm = await openOrm({ ...loadConfig({ ...env, SEED: 'false' }), dataDir: dir, databaseUrl });
    const [user] = await forkEm(orm).execute<{ qualifications: unknown }[]>(`select qualifications from app_user where username = 'li'`);
    await orm.close();
    const held = typeof user!.qualifications === 'string' ? JSON.parse(user!.qualifications) : user!.qualifications;
    expect(held).toEqual([{ certificate: '内审员证', number: 'NS-7', expiresOn: '2027-03-31' }, { certificate: '泳池水质管理培训证明' }]);
  });
});
