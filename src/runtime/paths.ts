import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether running from `src/` (tsx) or from `dist/src/` (built). */
export const projectRoot = (() => {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) return process.cwd();
    directory = parent;
  }
  return directory;
})();

/** Built web pages (Vite output). */
export const webRoot = path.join(projectRoot, 'dist', 'web');
