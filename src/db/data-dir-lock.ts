import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../errors/app-error.ts';

/**
 * PGlite takes no lock on its data directory, and two processes writing one directory corrupt it.
 * We hold our own: a `<dataDir>.lock` file created exclusively with our pid. A lock left by a
 * process that no longer runs (crash, SIGKILL) is taken over.
 */
export interface DataDirLock {
  path: string;
  release(): void;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks this process holds: opening the same directory twice in one process is refused too. */
const heldByThisProcess = new Set<string>();

function lockedError(dataDir: string, holder: number): AppError {
  return new AppError('DATA_DIR_LOCKED', {
    userMessage: `the data directory ${resolve(dataDir)} is in use by another leadpact process (pid ${holder}); stop it first or set LEADPACT_DATA_DIR to another directory`,
  });
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = `${resolve(dataDir)}.lock`;
  if (heldByThisProcess.has(lockPath)) throw lockedError(dataDir, process.pid);
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldByThisProcess.add(lockPath);
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          heldByThisProcess.delete(lockPath);
          rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processIsAlive(holder)) throw lockedError(dataDir, holder);
      rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('DATA_DIR_LOCKED', { userMessage: `could not lock ${lockPath}` });
}
