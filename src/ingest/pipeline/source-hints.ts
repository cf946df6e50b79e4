import fs from 'node:fs';
import path from 'node:path';

/**
 * Metadata a collection ships beside its files, read when a folder is ingested:
 * - `index.json`: `[{ file, title, number, year }]` (e.g. the laws folder), and
 * - `titles.json`: `{ "<path relative to this folder>": "<title>" }` (e.g. provincial procedures).
 * These sidecars are not documents themselves.
 */
export interface SourceHints {
  title?: string;
  number?: string;
  year?: number;
}

export const sidecarNames = new Set(['index.json', 'titles.json']);

type Sidecar = Map<string, SourceHints>;

export class SourceHintsReader {
  private readonly cache = new Map<string, Sidecar>();

  /** Hints for `file`, looking in its folder and the folders above it up to `root`. */
  hintsFor(file: string, root: string): SourceHints {
    let directory = path.dirname(file);
    const top = path.resolve(root);
    for (;;) {
      const hints = this.sidecarOf(directory).get(path.relative(directory, file).split(path.sep).join('/'));
      if (hints) return hints;
      if (path.resolve(directory) === top || path.dirname(directory) === directory) return {};
      directory = path.dirname(directory);
    }
  }

  private sidecarOf(directory: string): Sidecar {
    const cached = this.cache.get(directory);
    if (cached) return cached;
    const sidecar: Sidecar = new Map();
    for (const name of sidecarNames) {
      const file = path.join(directory, name);
      if (!fs.existsSync(file)) continue;
      try {
        const content = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
        if (Array.isArray(content)) {
          for (const entry of content as Record<string, unknown>[]) {
            if (typeof entry?.file !== 'string') continue;
            sidecar.set(entry.file, {
              ...(typeof entry.title === 'string' ? { title: entry.title } : {}),
              ...(typeof entry.number === 'string' ? { number: entry.number } : {}),
              ...(typeof entry.year === 'number' ? { year: entry.year } : {}),
            });
          }
        } else if (content && typeof content === 'object') {
          for (const [key, value] of Object.entries(content)) if (typeof value === 'string') sidecar.set(key, { title: value });
        }
      } catch {
        // a malformed sidecar gives no hints; the documents still ingest
      }
    }
    this.cache.set(directory, sidecar);
    return sidecar;
  }
}
