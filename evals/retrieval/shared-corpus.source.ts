/**
 * CorpusSource over ../shared/corpora, built the way ingestion builds it: load → parse → chunk.
 * Laws (with laws/index.json hints), the provincial procedure documents (.doc) and, unless
 * turned off, the national procedure records. Read by path; nothing is copied into the repo.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkLegalDocument, chunkProcedure } from '../../src/ingest/chunk/index.js';
import { documentText, loadDocument } from '../../src/ingest/loaders/index.js';
import { parseLegalDocument, parseNationalProcedure, parseProvincialProcedure, type NationalProcedureSource } from '../../src/ingest/structure/index.js';
import { passageFromChunk, type CorpusSource, type Passage } from '../../src/retrieval/index.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = path.resolve(process.env.SHARED_DIR ?? path.join(REPO_ROOT, '..', 'shared'));
export const CORPORA_DIR = path.join(SHARED_DIR, 'corpora');

export interface LawIndexEntry {
  file: string;
  title: string;
  number: string | null;
  year: number;
  articles: number;
}

export function readLawIndex(): LawIndexEntry[] {
  return JSON.parse(readFileSync(path.join(CORPORA_DIR, 'laws', 'index.json'), 'utf8')) as LawIndexEntry[];
}

/** Lĩnh vực of each provincial collection folder. */
const FIELD_BY_COLLECTION: Record<string, string> = {
  quy_trinh_cap_ho_tich_cap_xa: 'Hộ tịch',
  quy_trinh_chung_thuc: 'Chứng thực',
  quy_trinh_nuoi_con_nuoi: 'Nuôi con nuôi',
};

export interface SharedCorpusOptions {
  laws?: boolean;
  provincial?: boolean;
  national?: boolean;
}

export function sharedCorpus(options: SharedCorpusOptions = {}): CorpusSource {
  const parts = { laws: options.laws ?? true, provincial: options.provincial ?? true, national: options.national ?? true };
  const included = Object.entries(parts)
    .filter(([, on]) => on)
    .map(([name]) => name);
  return {
    description: `shared corpora (${included.join(', ')})`,
    async *passages() {
      if (parts.laws) yield* lawPassages();
      if (parts.provincial) yield* provincialPassages();
      if (parts.national) yield* nationalPassages();
    },
  };
}

function* lawPassages(): Generator<Passage> {
  for (const entry of readLawIndex()) {
    const source = `laws/${entry.file}`;
    const parsed = parseLegalDocument(readFileSync(path.join(CORPORA_DIR, source), 'utf8'), {
      title: entry.title,
      ...(entry.number ? { number: entry.number } : {}),
    });
    const document = {
      id: source,
      title: parsed.metadata.title,
      number: parsed.metadata.number ?? null,
      kind: parsed.metadata.kind ?? 'Luật',
      source,
    };
    for (const chunk of chunkLegalDocument(parsed)) {
      yield passageFromChunk(`${source}#${chunk.ordinal}`, chunk, { document, facets: { agency: parsed.metadata.issuer ?? 'Quốc hội', inForce: true } });
    }
  }
}

async function* provincialPassages(): AsyncGenerator<Passage> {
  const root = path.join(CORPORA_DIR, 'procedures', 'provincial');
  for (const collection of readdirSync(root).sort()) {
    const directory = path.join(root, collection);
    if (!statSync(directory).isDirectory()) continue;
    for (const name of readdirSync(directory).filter((file) => file.endsWith('.doc')).sort()) {
      const source = `procedures/provincial/${collection}/${name}`;
      const loaded = await loadDocument({ bytes: readFileSync(path.join(directory, name)), filename: name });
      const field = FIELD_BY_COLLECTION[collection];
      const record = parseProvincialProcedure(documentText(loaded), { sourceId: source, ...(field ? { field } : {}) });
      const document = { id: source, title: record.name, number: record.decisionNumber ?? null, kind: 'Quy trình nội bộ', source };
      const procedure = { code: record.code, name: record.name };
      const facets = { agency: record.agency ?? record.issuer ?? null, field: record.field ?? field ?? null, level: record.level ?? null, inForce: true };
      for (const chunk of chunkProcedure(record)) yield passageFromChunk(`${source}#${chunk.ordinal}`, chunk, { document, procedure, facets });
    }
  }
}

function* nationalPassages(): Generator<Passage> {
  const root = path.join(CORPORA_DIR, 'procedures', 'national', 'records');
  if (!existsSync(root)) return;
  for (const ministry of readdirSync(root).sort()) {
    for (const name of readdirSync(path.join(root, ministry)).filter((file) => file.endsWith('.json')).sort()) {
      const source = `procedures/national/records/${ministry}/${name}`;
      const raw = JSON.parse(readFileSync(path.join(root, ministry, name), 'utf8')) as NationalProcedureSource;
      const record = parseNationalProcedure(raw, source);
      const document = { id: source, title: record.name, number: record.decisionNumber ?? null, kind: 'Thủ tục hành chính', source };
      const procedure = { code: record.code, name: record.name };
      const facets = { agency: record.agency ?? null, field: record.field ?? null, level: record.level ?? null, inForce: true };
      for (const chunk of chunkProcedure(record)) yield passageFromChunk(`${source}#${chunk.ordinal}`, chunk, { document, procedure, facets });
    }
  }
}
