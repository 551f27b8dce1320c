import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts';

describe('data folder lock', () => {
  it('refuses a second holder while the first lives, with a clear message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-lock-'));
    const file = path.join(dir, 'trellis.lock');
    // Pretend another live process (our parent) holds it.
    fs.writeFileSync(file, String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/already in use by another Trellis process/);
    fs.rmSync(dir, { recursive: true });
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, 'trellis.lock'), dead);
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'trellis.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'trellis.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });
});
