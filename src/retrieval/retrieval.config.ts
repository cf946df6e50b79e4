import { PROCEDURE_DOCUMENT_KINDS } from '../ingest/structure/index.js';
import type { ScoringParams } from './bm25.index.js';
import type { TermKind, TokenizerOptions } from './tokenizer.js';

/** Query weight of each kind of term. */
export type TermWeights = Record<TermKind, number>;

export interface RetrievalConfig {
  tokenizer: TokenizerOptions;
  /** BM25F: k1 and, per field (title, heading, body), weight and length normalisation. */
  scoring: ScoringParams;
  query: {
    /** Weights when the question carries diacritics. */
    accented: TermWeights;
    /** Weights when it carries none: only the folded terms can be trusted. */
    plain: TermWeights;
    /** Remove exam/FAQ formulas ("đúng hay sai", "chọn câu trả lời đúng nhất"). */
    stripFormulas: boolean;
    /** Append formal equivalents of informal/foreign words. */
    synonyms: boolean;
    synonymWeight: number;
    /** Query terms found in more than this share of all passages are dropped (1 = keep all). */
    maxDocumentShare: number;
  };
  grouping: {
    /** Unit score = best passage + alpha × (sum of the unit's other passages); 0 = best passage. */
    alpha: number;
  };
  /** Pseudo-relevance feedback; null = off. */
  feedback: { documents: number; terms: number; weight: number } | null;
  rerank: {
    /** Candidates re-ranked. */
    depth: number;
    /** Whole-document units (procedures): weight of the share of the title the question covers (top lexical score = 1); 0 = off. */
    title: number;
    /** Whole-document units: weight of the title match weighted among the candidates (see localTitleMatch); 0 = off. */
    localTitle: number;
    /**
     * Whole-document units: weight of the question's word pairs each candidate has anywhere in its text, each
     * weighted by how few of the candidates have it (see localBodyMatch); 0 = off. Off by default: at 0.2 it lifts
     * routing hit@1 0.569 → 0.588 (ablation table in evals/reports/procedure-routing.md) but the assistant, whose
     * procedure choice reads this ranking, loses items on five of its question sets (dev 48→46, heldout9 37→33).
     */
    localBody: number;
    /** For law articles: weight of the share of the law title the question covers; 0 = off. */
    articleTitle: number;
    /** Weight of the share of the article heading the question covers; 0 = off. */
    heading: number;
    /**
     * Added to a candidate's score by document kind. The province's own procedures (quy trình
     * nội bộ) are what its one-stop offices apply, so when one and a national record of the
     * same procedure match a question about equally, the province's comes first.
     */
    kindBoost: Readonly<Record<string, number>>;
  };
}

/**
 * Defaults chosen on the development sets (evals/reports/*.md has the ablation): everything
 * folded (accents never change the result; the accented terms added nothing measurable),
 * syllables + bigrams, plain BM25F weights, best passage per unit, and a light re-ranking by
 * the unit's own name.
 */
export const DEFAULT_RETRIEVAL_CONFIG: RetrievalConfig = {
  tokenizer: { bigrams: true, folding: 'only', expandAbbreviations: true },
  scoring: {
    k1: 1.2,
    fields: {
      title: { weight: 1, b: 0.75 },
      heading: { weight: 1, b: 0.75 },
      body: { weight: 1, b: 0.75 },
    },
  },
  query: {
    accented: { word: 1, bigram: 1, folded: 1, foldedBigram: 1, number: 1 },
    plain: { word: 0, bigram: 0, folded: 1, foldedBigram: 1, number: 1 },
    stripFormulas: true,
    synonyms: true,
    synonymWeight: 0.5,
    maxDocumentShare: 0.5,
  },
  grouping: { alpha: 0 },
  feedback: null,
  rerank: { depth: 30, title: 0.3, localTitle: 0.2, localBody: 0, articleTitle: 0.2, heading: 0.2, kindBoost: { [PROCEDURE_DOCUMENT_KINDS.provincial]: 0.3 } },
};
