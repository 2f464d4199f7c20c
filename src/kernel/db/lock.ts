import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    message: string,
    /** The process holding the folder. */
    readonly pid: number,
  ) {
    super(message);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite serves one process only: take a lock file in its data folder or fail fast.
 * A lock left by a process that died is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'ket-noi.lock');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DataDirLockedError(
        `The data folder ${dir} is in use by another Kết Nối process (pid ${pid}). Stop it first, or set DATABASE_URL to use PostgreSQL for several processes.`,
        pid,
      );
    }
    rmSync(file, { force: true });
  }
  const fd = openSync(file, 'wx');
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(file, { force: true });
}
