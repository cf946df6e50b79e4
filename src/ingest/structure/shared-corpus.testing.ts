import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test-only: locates the shared corpora (outside the repository, never copied in).
 * `SHARED_DIR` overrides the default `<repo>/../shared`.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const SHARED_DIR = path.resolve(process.env.SHARED_DIR ?? path.join(repoRoot, '..', 'shared'));

export function corpusPath(...parts: string[]): string {
  return path.join(SHARED_DIR, 'corpora', ...parts);
}

/** `false` when the corpus folder exists, otherwise the reason to give `test(…, { skip })`. */
export function corpusSkip(...parts: string[]): string | false {
  const location = corpusPath(...parts);
  return existsSync(location) ? false : `shared corpus not found at ${location} (set SHARED_DIR)`;
}
