import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

/** A process's start time as the lock file records it (Linux /proc). */
const startTime = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[19];

describe('the embedded database is claimed by one process', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pinzhi-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const lockFile = () => join(dir, 'pglite.lock');

  it('claims a free folder, and the same process may open it again', () => {
    lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(`${process.pid} ${startTime(process.pid)}`);
    expect(() => lockDataDir(dir)).not.toThrow();
  });

  it('refuses a folder a live process holds, naming it', () => {
    // given the lock of the process that runs this test file's parent
    writeFileSync(lockFile(), `${process.ppid} ${startTime(process.ppid)}`);
    // then
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(`is in use by process ${process.ppid}`);
    expect(readFileSync(lockFile(), 'utf8')).toBe(`${process.ppid} ${startTime(process.ppid)}`);
  });

  it('takes over the lock of a process that died, or of a pid now reused by another process', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    for (const stale of [`${dead} 12345`, `${process.ppid} 1`]) {
      writeFileSync(lockFile(), stale);
      lockDataDir(dir);
      expect(readFileSync(lockFile(), 'utf8')).toBe(`${process.pid} ${startTime(process.pid)}`);
      rmSync(lockFile());
    }
  });
});
