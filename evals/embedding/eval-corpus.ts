import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkLegalDocument, chunkProcedure } from '../../src/ingest/chunk/index.js';
import { loadDocument } from '../../src/ingest/loaders/index.js';
import { parseLegalDocument, parseProvincialProcedure } from '../../src/ingest/structure/index.js';

/**
 * The passages the dense leg is measured on, made by the ingest code the service uses
 * (loaders → structure → chunk), from the shared corpora read by path.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = path.resolve(process.env.SHARED_DIR ?? path.join(repoRoot, '..', 'shared'));

export interface EvalPassage {
  /** Text that is embedded (chunk.text: the unit plus its context). */
  text: string;
  /** Legal: law title (as in laws/index.json); routing: document path relative to provincial/. */
  document: string;
  /** Legal: article number; routing: procedure title from titles.json. */
  unit: string;
}

async function loadText(file: string): Promise<string> {
  const loaded = await loadDocument({ bytes: new Uint8Array(fs.readFileSync(file)), filename: path.basename(file) });
  return loaded.pages.map((page) => page.text).join('\n\n');
}

export async function legalPassages(sharedDir = SHARED_DIR): Promise<EvalPassage[]> {
  const lawsDir = path.join(sharedDir, 'corpora', 'laws');
  const index = JSON.parse(fs.readFileSync(path.join(lawsDir, 'index.json'), 'utf8')) as { file: string; title: string; number?: string; year?: number }[];
  const passages: EvalPassage[] = [];
  for (const law of index) {
    const parsed = parseLegalDocument(await loadText(path.join(lawsDir, law.file)), {
      title: law.title,
      ...(law.number ? { number: law.number } : {}),
      ...(law.year ? { year: law.year } : {}),
    });
    for (const chunk of chunkLegalDocument(parsed)) {
      if (chunk.path.article) passages.push({ text: chunk.text, document: law.title, unit: chunk.path.article });
    }
  }
  return passages;
}

export async function provincialPassages(sharedDir = SHARED_DIR): Promise<EvalPassage[]> {
  const root = path.join(sharedDir, 'corpora', 'procedures', 'provincial');
  const titles = JSON.parse(fs.readFileSync(path.join(root, 'titles.json'), 'utf8')) as Record<string, string>;
  const passages: EvalPassage[] = [];
  for (const [relative, title] of Object.entries(titles).sort(([left], [right]) => (left < right ? -1 : 1))) {
    const field = /chung_thuc/.test(relative) ? 'Chứng thực' : /ho_tich/.test(relative) ? 'Hộ tịch' : /nuoi_con_nuoi/.test(relative) ? 'Nuôi con nuôi' : undefined;
    const record = parseProvincialProcedure(await loadText(path.join(root, relative)), { sourceId: relative, ...(field ? { field } : {}) });
    for (const chunk of chunkProcedure(record)) passages.push({ text: chunk.text, document: relative, unit: title });
  }
  return passages;
}

export interface LegalQuestion {
  id: string;
  question: string;
  gold: { law: string; article: string }[];
}

export interface RoutingQuestion {
  id: string;
  question: string;
  gold: { document: string; title: string };
}

export function readJsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}
