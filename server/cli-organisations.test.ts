import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.ts';
import { forkEm, openOrm } from './db/orm.ts';
import { ensureSampleProjects } from '../domain/projects/project.service.ts';
import { scratchDatabase } from '../test/harness.ts';

/** `npm run pinzhi -- organisation|region|member …` on a real store (PGlite folder, or a scratch PostgreSQL database). */
const cli = new URL('./cli.ts', import.meta.url).pathname;
let env: Record<string, string>;
let drop: () => Promise<void>;
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'pinzhi-cli-org-'));
  const scratch = serverUrl ? await scratchDatabase(serverUrl, 'pinzhi_cli') : null;
  env = scratch ? { DATABASE_URL: scratch.url, DATA_DIR: dir } : { DATABASE_URL: '', DATA_DIR: dir };
  drop = async () => {
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  // the first organisation's sample projects, so roles can be held on them
  const orm = await openOrm({ ...loadConfig({ ...env, SEED: 'false' }), dataDir: dir, databaseUrl: scratch?.url });
  await ensureSampleProjects(forkEm(orm));
  await orm.close();
});
afterAll(() => drop());

describe('npm run pinzhi -- organisation, region and member', () => {
  it('adds an organisation, a region and a person, grants and revokes roles at each level, and lists them', () => {
    // when an organisation with a region and an administrator is added
    expect(run('organisation', 'add', '--code', 'yueju', '--name', '悦居物业')).toMatchObject({ status: 0, stdout: 'organisation yueju (悦居物业) created\n' });
    expect(run('region', 'add', '--organisation', 'yueju', '--code', 'XN', '--name', '西南区域')).toMatchObject({ status: 0, stdout: 'region XN (西南区域) added to yueju\n' });
    expect(run('user', 'add', '--username', 'yj-admin', '--password', 'long-secret', '--roles', 'admin', '--organisation', 'yueju').status).toBe(0);
    expect(run('member', 'grant', '--username', 'yj-admin', '--role', 'quality_manager', '--region', 'XN')).toMatchObject({ status: 0, stdout: 'yj-admin: granted quality_manager @ region XN 西南区域\n' });
    // and a person of the first organisation gets a project
    expect(run('user', 'add', '--username', 'pm2', '--password', 'long-secret', '--roles', 'auditor').status).toBe(0);
    expect(run('member', 'grant', '--username', 'pm2', '--role', 'project_manager', '--project', 'HD01')).toMatchObject({ status: 0, stdout: 'pm2: granted project_manager @ project HD01 锦绣江南花园\n' });
    // then each organisation lists its own people only
    expect(run('member', 'list', '--organisation', 'yueju').stdout).toBe('yj-admin\tyj-admin\tadmin @ organisation; quality_manager @ region XN 西南区域\n');
    expect(run('member', 'list', '--organisation', 'default').stdout).toBe('pm2\tpm2\tauditor @ organisation; project_manager @ project HD01 锦绣江南花园\n');
    // and a revocation leaves the rest
    expect(run('member', 'revoke', '--username', 'pm2', '--role', 'auditor')).toMatchObject({ status: 0, stdout: 'pm2: revoked; now project_manager @ project HD01 锦绣江南花园\n' });
  });

  it('refuses a project of another organisation as not found, and bad input with the field named', () => {
    // the second organisation has no project HD01: the first one's is not theirs
    expect(run('member', 'grant', '--username', 'yj-admin', '--role', 'inspector', '--project', 'HD01')).toMatchObject({ status: 1, stderr: 'No project HD01\n' });
    expect(run('member', 'grant', '--username', 'yj-admin', '--role', 'owner')).toMatchObject({ status: 1, stderr: expect.stringContaining('/role: one of') });
    expect(run('member', 'revoke', '--username', 'pm2', '--role', 'inspector', '--lang', 'zh')).toMatchObject({ status: 1, stderr: 'pm2 未在该处担任品控员\n' });
    expect(run('organisation', 'add', '--code', 'yueju', '--name', '重复')).toMatchObject({ status: 1, stderr: 'Organisation yueju already exists\n' });
    expect(run('member', 'list', '--organisation', 'nowhere')).toMatchObject({ status: 1, stderr: 'No organisation nowhere\n' });
  });
});
