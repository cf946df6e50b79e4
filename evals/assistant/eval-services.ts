// The assistant over the whole shared corpus, for the evaluation and the benchmark. The corpus is
// ingested once into a cached, git-ignored data directory (evals/.cache/corpus) and reused.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../src/config/index.js';
import { projectRoot } from '../../src/runtime/paths.js';

export const cacheDataDir = path.resolve(process.env.ASSISTANT_EVAL_DATA_DIR ?? path.join(projectRoot, 'evals', '.cache', 'corpus'));

/** Makes sure the cached database holds the shared corpus (ingests it the first time, ~4 minutes). */
export function ensureCorpusIngested(): void {
  const marker = path.join(cacheDataDir, 'ingested.json');
  if (fs.existsSync(marker)) return;
  const sharedDir = loadConfig({ ...process.env, DATA_DIR: cacheDataDir }).paths.sharedDir;
  const corpora = path.join(sharedDir, 'corpora');
  console.error(`Nạp ${corpora} vào ${cacheDataDir} (lần đầu, vài phút)…`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli/ingest.ts'), corpora], {
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR: cacheDataDir, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'warn' },
  });
  if (result.status !== 0) throw new Error(`ingest failed (${result.status})`);
  fs.writeFileSync(marker, JSON.stringify({ corpora, at: new Date().toISOString() }));
}
