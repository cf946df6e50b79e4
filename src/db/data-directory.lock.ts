import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/index.js';

/**
 * A PGlite database belongs to one process. A lock file beside the data directory records the
 * owner's pid; a second process gets a clear Vietnamese message instead of a corrupted database.
 * A lock left by a crashed process (pid no longer alive) is taken over.
 */
export interface DataDirectoryLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockOwner(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(`${dataDir}.lock`, 'utf8'), 10);
    return Number.isFinite(pid) && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function acquireDataDirectoryLock(dataDir: string): DataDirectoryLock {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.on('exit', release);
      return { path: lockPath, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLockOwner(dataDir);
      if (owner !== undefined) {
        throw new AppError({
          status: 503,
          code: 'database-in-use',
          detail:
            `Cơ sở dữ liệu nhúng tại ${dataDir} đang được tiến trình ${owner} sử dụng (thường là máy chủ "npm start"). ` +
            'Hãy dừng tiến trình đó, hoặc thao tác qua API của máy chủ, hoặc dùng DATABASE_URL trỏ tới PostgreSQL.',
        });
      }
      fs.rmSync(lockPath, { force: true }); // stale lock of a dead process
    }
  }
  throw new Error(`Không lấy được khóa ${lockPath}`);
}
