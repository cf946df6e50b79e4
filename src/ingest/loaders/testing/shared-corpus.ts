import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is src/ingest/loaders/testing/). */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The shared, read-only corpora; never copied into the repository. */
export const sharedDir = path.resolve(repositoryRoot, process.env.SHARED_DIR ?? '../shared');

export const sharedPath = (...parts: string[]) => path.join(sharedDir, ...parts);

/** For node:test's `skip` option: false when present, otherwise a message saying what is missing. */
export function skipUnlessShared(...parts: string[]): false | string {
  const target = sharedPath(...parts);
  return existsSync(target) ? false : `shared corpus not found at ${target} (set SHARED_DIR to the folder holding corpora/)`;
}
