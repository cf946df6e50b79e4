import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Content-addressed storage of original files: the SHA-256 of the bytes is the name, so a
 * duplicate upload costs nothing. Writes go to a temporary file and are renamed into place, so a
 * crash never leaves a half-written blob under its final name. In production BLOB_DIR is a
 * volume shared by API and worker processes.
 */
export interface BlobStore {
  put(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number }>;
  get(sha256: string): Promise<Buffer>;
  stream(sha256: string): fs.ReadStream;
  exists(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export class FileBlobStore implements BlobStore {
  constructor(private readonly directory: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`invalid blob id ${sha256}`);
    return path.join(this.directory, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; sizeBytes: number }> {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256);
    if (!(await this.exists(sha256))) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.promises.writeFile(temporary, bytes, { mode: 0o600 });
      await fs.promises.rename(temporary, target);
    }
    return { sha256, sizeBytes: bytes.byteLength };
  }

  get(sha256: string): Promise<Buffer> {
    return fs.promises.readFile(this.pathOf(sha256));
  }

  stream(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async delete(sha256: string): Promise<void> {
    await fs.promises.rm(this.pathOf(sha256), { force: true });
  }
}
