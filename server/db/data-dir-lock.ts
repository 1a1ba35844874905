import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A second process opening a data folder that a live process already has open. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`the embedded database in ${dataDir} is in use by process ${pid}: PGlite serves one process at a time. ` +
      'Stop that process first, or run several servers on PostgreSQL (DATABASE_URL). ' +
      `If no such process runs, delete ${join(dataDir, LOCK_FILE)}.`);
    this.name = 'DataDirInUseError';
  }
}

const LOCK_FILE = 'pglite.lock';

/** A process's start time (clock ticks since boot, Linux), so a reused pid is not taken for the owner. */
function startTime(pid: number): string {
  try {
    // the command name (field 2) may hold spaces; the fields after its ')' are fixed
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[19];
  } catch {
    return '';
  }
}

function alive(owner: { pid: number; started: string }): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // on a system without /proc both read '' and the pid alone decides
  return startTime(owner.pid) === owner.started;
}

function readOwner(path: string): { pid: number; started: string } | null {
  try {
    const [pid, started = ''] = readFileSync(path, 'utf8').trim().split(' ');
    return { pid: Number(pid), started };
  } catch {
    return null;
  }
}

/** Gives up this process's claim on `dataDir` (after closing its database), so another process may open it. */
export function unlockDataDir(dataDir: string): void {
  const path = join(dataDir, LOCK_FILE);
  if (readOwner(path)?.pid === process.pid) unlinkSync(path);
}

/**
 * Claims `dataDir` for this process (`DATA_DIR/pglite.lock` holds its pid and start time): PGlite
 * keeps no lock of its own, and two processes writing one data folder corrupt it. A lock left by
 * a process that died (SIGKILL, a crash) is taken over; one held by a live process throws
 * `DataDirInUseError`. The file is removed when the database is closed or this process exits.
 */
export function lockDataDir(dataDir: string): void {
  const path = join(dataDir, LOCK_FILE);
  const mine = `${process.pid} ${startTime(process.pid)}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      process.once('exit', () => {
        if (readOwner(path)?.pid === process.pid) unlinkSync(path);
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner?.pid === process.pid) return; // this process opened it before
    if (owner && alive(owner)) throw new DataDirInUseError(dataDir, owner.pid);
    // stale: move it aside (only one of two racing processes can), then look at what was moved
    const aside = `${path}.${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue; // another process moved it first
    }
    const moved = readOwner(aside);
    if (moved && alive(moved)) {
      // a live owner claimed it in between: put its lock back
      try {
        linkSync(aside, path);
      } finally {
        unlinkSync(aside);
      }
      throw new DataDirInUseError(dataDir, moved.pid);
    }
    unlinkSync(aside);
  }
  throw new Error(`could not claim ${path}: other processes keep changing it`);
}
