/**
 * The libraries a team would otherwise pick, on the same passages, same machine, same query
 * text. Each returns passages; they are collapsed to one per citable unit (law article /
 * procedure document) exactly as our service does, so the ranks compare like with like.
 *
 *  - MiniSearch 7 with its defaults (Unicode word splitting, lower case, BM25+).
 *  - Orama 3 with a Unicode word tokenizer and whole-word matching, threshold 1 (documents
 *    matching any term). Its default English splitter (`[^A-Za-zàèéìòóù0-9_'-]+`) cuts
 *    Vietnamese words apart (`đăng` → `ng`), and its prefix matching makes a short syllable
 *    match every longer word it starts (`gia` → `giao`, `giam`); no team would ship either.
 *  - LangChain.js `BM25Retriever` (@langchain/community): it re-scores every document with
 *    regular expressions on each query (seconds per query at this size), so it has no
 *    filters; it is built over the passages a task searches and run on a sample.
 *  - LangChain.js `MemoryVectorStore` (@langchain/classic) with our embedding model behind
 *    LangChain's `Embeddings` interface: the dense-only retrieval a LangChain team would start
 *    from, on the same vectors as our (optional) dense leg.
 */
import { BM25Retriever } from '@langchain/community/retrievers/bm25';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { embedInBatches, type EmbeddingModel } from '../../src/providers/embedding/index.js';
import { create, insertMultiple, search as oramaSearch, type AnyOrama } from '@orama/orama';
import MiniSearch from 'minisearch';
import type { Passage, SearchResult } from '../../src/retrieval/index.js';
import type { Retriever } from './evaluate.js';
import { unitOf } from './evaluate.js';

/** How many passages a peer is asked for, before collapsing to units. */
const PASSAGE_DEPTH = 50;

export interface PeerOptions {
  /** Document kinds the task searches (applied as a filter, as for our service). */
  kinds?: readonly string[];
}

function toResult(passage: Passage, score: number): SearchResult {
  return { score, text: passage.text, document: passage.document, citation: passage.citation, procedure: passage.procedure };
}

/** Best passage per unit, in rank order, first `k` units. */
export function collapseToUnits(results: readonly SearchResult[], k: number): SearchResult[] {
  const seen = new Set<string>();
  const out: SearchResult[] = [];
  for (const result of results) {
    const unit = unitOf(result);
    if (seen.has(unit)) continue;
    seen.add(unit);
    out.push(result);
    if (out.length === k) break;
  }
  return out;
}

export function miniSearchPeer(passages: readonly Passage[]): { build: () => void; retriever: (options: PeerOptions) => Retriever } {
  const engine = new MiniSearch<{ id: number; text: string; kind: string }>({ fields: ['text'], storeFields: ['kind'] });
  return {
    build: () => engine.addAll(passages.map((passage, id) => ({ id, text: passage.text, kind: passage.document.kind }))),
    retriever: ({ kinds }) => {
      const allowed = kinds ? new Set(kinds) : undefined;
      return {
        name: 'MiniSearch',
        search: (query, k) => {
          const hits = engine.search(query, allowed ? { filter: (result) => allowed.has(result.kind as string) } : {});
          return collapseToUnits(
            hits.slice(0, PASSAGE_DEPTH).map((hit) => toResult(passages[hit.id as number]!, hit.score)),
            k,
          );
        },
      };
    },
  };
}

const unicodeTokenizer = {
  language: 'english',
  normalizationCache: new Map<string, string>(),
  tokenize: (raw: string): string[] =>
    raw
      .normalize('NFC')
      .toLowerCase()
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter((token) => token !== '')
      // Orama matches a query term as a prefix of indexed words (`gia` → `giao`, `giam`…),
      // which floods short Vietnamese syllables; a terminator makes every match whole-word.
      .map((token) => `${token}$`),
};

export function oramaPeer(passages: readonly Passage[]): { build: () => Promise<void>; retriever: (options: PeerOptions) => Retriever } {
  let db: AnyOrama | undefined;
  return {
    build: async () => {
      db = create({ schema: { text: 'string', kind: 'enum', index: 'number' } as const, components: { tokenizer: unicodeTokenizer } });
      await insertMultiple(
        db,
        passages.map((passage, index) => ({ text: passage.text, kind: passage.document.kind, index })),
        1000,
      );
    },
    retriever: ({ kinds }) => ({
      name: 'Orama',
      search: async (query, k) => {
        const results = await oramaSearch(db!, {
          term: query,
          properties: ['text'],
          limit: PASSAGE_DEPTH,
          threshold: 1,
          ...(kinds ? { where: { kind: { in: [...kinds] } } } : {}),
        });
        return collapseToUnits(
          results.hits.map((hit) => toResult(passages[(hit.document as unknown as { index: number }).index]!, hit.score)),
          k,
        );
      },
    }),
  };
}

export function langChainPeer(passages: readonly Passage[]): { retriever: (options: PeerOptions) => Retriever } {
  return {
    retriever: ({ kinds }) => {
      const subset = kinds ? passages.filter((passage) => kinds.includes(passage.document.kind)) : passages;
      const documents = subset.map((passage, index) => new Document({ pageContent: passage.text, metadata: { index } }));
      const engine = BM25Retriever.fromDocuments(documents, { k: PASSAGE_DEPTH });
      return {
        name: 'LangChain BM25Retriever',
        search: async (query, k) => {
          const documents = await engine.invoke(query);
          return collapseToUnits(
            documents.map((document, rank) => toResult(subset[(document.metadata as { index: number }).index]!, PASSAGE_DEPTH - rank)),
            k,
          );
        },
      };
    },
  };
}

/** Our embedding model as LangChain `Embeddings`. */
class ProjectEmbeddings extends Embeddings {
  constructor(private readonly model: EmbeddingModel) {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await embedInBatches(this.model, texts, { kind: 'passage' })).map((vector) => Array.from(vector));
  }
  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.model.embed([text], { kind: 'query' });
    return Array.from(vector!);
  }
}

/**
 * Built once over every passage, like our index; the task's kinds are a filter function at query
 * time (MemoryVectorStore compares the query with every stored vector, then filters).
 */
export function langChainVectorPeer(passages: readonly Passage[], model: EmbeddingModel): { build: () => Promise<void>; retriever: (options: PeerOptions) => Retriever } {
  let store: MemoryVectorStore | undefined;
  return {
    build: async () => {
      store = await MemoryVectorStore.fromDocuments(
        passages.map((passage, index) => new Document({ pageContent: passage.text, metadata: { index, kind: passage.document.kind } })),
        new ProjectEmbeddings(model),
      );
    },
    retriever: ({ kinds }) => ({
      name: `LangChain MemoryVectorStore (${model.modelId})`,
      search: async (query, k) => {
        const filter = kinds ? (document: Document) => kinds.includes((document.metadata as { kind: string }).kind) : undefined;
        const hits = await store!.similaritySearchWithScore(query, PASSAGE_DEPTH, filter);
        return collapseToUnits(
          hits.map(([document, score]) => toResult(passages[(document.metadata as { index: number }).index]!, score)),
          k,
        );
      },
    }),
  };
}
