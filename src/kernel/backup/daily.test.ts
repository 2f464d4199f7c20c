import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dailyFile, latestBackup, nextRun, pruneBackups } from './daily.ts';

const dir = mkdtempSync(join(tmpdir(), 'kn-backups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('daily backups', () => {
  it('run at the hour shown on a clock in Vietnam (UTC+7)', () => {
    // 01:00 in Vietnam (18:00 UTC the day before): 02:00 comes the same Vietnamese day.
    expect(nextRun('02:00', new Date('2026-12-01T18:00:00Z')).toISOString()).toBe('2026-12-01T19:00:00.000Z');
    // 03:00 in Vietnam: the next 02:00 is tomorrow.
    expect(nextRun('02:00', new Date('2026-12-01T20:00:00Z')).toISOString()).toBe('2026-12-02T19:00:00.000Z');
  });

  it('keep the last days and delete older ones, never other files', () => {
    for (const day of ['2026-11-10', '2026-11-17', '2026-11-18', '2026-12-01'])
      writeFileSync(join(dir, dailyFile(day)), 'x');
    writeFileSync(join(dir, 'my-copy.zip'), 'x');
    expect(pruneBackups(dir, 14, '2026-12-01')).toEqual([dailyFile('2026-11-10'), dailyFile('2026-11-17')]);
    expect(readdirSync(dir).sort()).toEqual([dailyFile('2026-11-18'), dailyFile('2026-12-01'), 'my-copy.zip']);
    expect(latestBackup(dir)).toBe(join(dir, dailyFile('2026-12-01')));
  });
});
