import fs from 'node:fs';
import path from 'node:path';
import { loadDocument } from '../../src/ingest/loaders/index.js';

/**
 * The text the static model learns from, read by path from the shared corpora (never copied into
 * the repository): the laws, the national TTHC records (their page text) and the provincial
 * procedure documents. Lines repeated across records (portal boilerplate) are kept once, so
 * co-occurrence statistics describe the language, not the page template.
 */

export interface TrainingSource {
  name: string;
  files: number;
  lines: number;
  characters: number;
}

export interface TrainingCorpus {
  /** Deduplicated lines, the unit of co-occurrence windows. */
  lines: string[];
  /** Passages of about chunk size (lines packed up to `blockChars`), the unit of document frequency. */
  blocks: string[];
  sources: TrainingSource[];
}

const BLOCK_CHARS = 1500;

function listFiles(directory: string, extension: string): string[] {
  if (!fs.existsSync(directory)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full, extension));
    else if (entry.name.endsWith(extension)) found.push(full);
  }
  return found.sort();
}

/** Crawled table cells are glued (`Tên thủ tụcGiải quyết…`, `ngày làm việc120`): a lower→upper case change starts a new line, a lower-case letter before a digit gets a space. */
function unglue(text: string): string {
  return text.replace(/(\p{Ll})(\p{Lu})/gu, '$1\n$2').replace(/(\p{Ll})(\d)/gu, '$1 $2');
}

export async function readTrainingCorpus(sharedDir: string): Promise<TrainingCorpus> {
  const corpora = path.join(sharedDir, 'corpora');
  const seen = new Set<string>();
  const lines: string[] = [];
  const blocks: string[] = [];
  const sources: TrainingSource[] = [];

  const addDocument = (source: TrainingSource, text: string): void => {
    let block = '';
    for (const raw of text.split(/\n+/)) {
      const line = raw.replace(/\s+/g, ' ').trim();
      if (line.length < 2) continue;
      if (block.length + line.length > BLOCK_CHARS && block) {
        blocks.push(block);
        block = '';
      }
      block += (block ? '\n' : '') + line;
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(line);
      source.lines++;
      source.characters += line.length;
    }
    if (block) blocks.push(block);
  };

  const laws: TrainingSource = { name: 'corpora/laws/*.txt', files: 0, lines: 0, characters: 0 };
  for (const file of listFiles(path.join(corpora, 'laws'), '.txt')) {
    addDocument(laws, fs.readFileSync(file, 'utf8'));
    laws.files++;
  }
  sources.push(laws);

  const national: TrainingSource = { name: 'corpora/procedures/national/records/**/*.json (raw_text)', files: 0, lines: 0, characters: 0 };
  for (const file of listFiles(path.join(corpora, 'procedures', 'national', 'records'), '.json')) {
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as { raw_text?: unknown };
    if (typeof record.raw_text !== 'string') continue;
    addDocument(national, unglue(record.raw_text));
    national.files++;
  }
  sources.push(national);

  const provincial: TrainingSource = { name: 'corpora/procedures/provincial/**/*.doc', files: 0, lines: 0, characters: 0 };
  for (const file of listFiles(path.join(corpora, 'procedures', 'provincial'), '.doc')) {
    const loaded = await loadDocument({ bytes: fs.readFileSync(file), filename: path.basename(file) });
    addDocument(provincial, loaded.pages.map((page) => page.text).join('\n'));
    provincial.files++;
  }
  sources.push(provincial);

  return { lines, blocks, sources };
}
