import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { openDatabase } from './open-database.ts';

describe('data directory lock', () => {
  it('refuses a second opener of the same directory with a clear error, and frees it on close', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'leadpact-lock-')), 'db');
    const first = await openDatabase({ dataDir });
    let refusal: unknown;
    try {
      await openDatabase({ dataDir });
    } catch (error) {
      refusal = error;
    }
    expect(isAppError(refusal) && refusal.code).toBe('DATA_DIR_LOCKED');
    expect(isAppError(refusal) && refusal.userMessage).toMatch(/in use by another leadpact process/);
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'leadpact-lock-')), 'db');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(`${dataDir}.lock`, dead.stdout.toString());
    const lock = acquireDataDirLock(dataDir);
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
  });
});
