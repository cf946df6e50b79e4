import type { SearchResult } from '../../retrieval/index.js';
import { fold } from './text-folding.js';

/** How many articles each search of the laws brings. */
const DEPTH = 10;
/** Reciprocal-rank constant: a rank among the laws breaks ties between articles that cover the question alike. */
const RANK_CONSTANT = 10;
/** Shares closer than this are alike. */
const SAME_SHARE = 0.02;

export interface GoverningArticle {
  result: SearchResult;
  /** Weighted share of the question's words the article's passage has. */
  share: number;
}

/**
 * The law article that governs a question told as a story ("Vợ tôi đang mang bầu… tôi có được nộp đơn ra tòa xin ly
 * hôn không?"): the laws alone are searched with the whole question and with its request alone (a story's words
 * drown the request's, the request alone misses the case), and of the articles found the one whose passage has
 * most of the question's words is taken (`có thai … con dưới 12 tháng tuổi` of the clause on who may ask for a
 * divorce, not the article on accepting the petition); rank among the laws breaks ties.
 */
export async function governingArticle(
  searchLaws: (query: string, k: number) => Promise<SearchResult[]>,
  queries: ReadonlyArray<string | undefined>,
  shareOf: (text: string) => number,
): Promise<GoverningArticle | undefined> {
  const asked = [...new Set(queries.filter((query): query is string => query !== undefined && query.trim() !== ''))];
  const lists = await Promise.all(asked.map((query) => searchLaws(query, DEPTH)));
  const found = new Map<string, { result: SearchResult; share: number; fused: number }>();
  for (const list of lists) {
    list.forEach((result, rank) => {
      if (result.citation.article === null) return;
      const key = `${result.document.id}#${result.citation.article}`;
      const share = shareOf(result.text);
      const entry = found.get(key);
      if (!entry) found.set(key, { result, share, fused: 1 / (RANK_CONSTANT + rank) });
      else {
        entry.fused += 1 / (RANK_CONSTANT + rank);
        if (share > entry.share) Object.assign(entry, { result, share });
      }
    });
  }
  let best: { result: SearchResult; share: number; fused: number } | undefined;
  for (const entry of found.values()) {
    if (!best || entry.share > best.share + SAME_SHARE || (entry.share > best.share - SAME_SHARE && entry.fused > best.fused)) best = entry;
  }
  return best ? { result: best.result, share: best.share } : undefined;
}

/** Words before an act the citizen wants to do or may do (`muốn lập di chúc`, `tự lập`, `được lập`). */
const WILLED = ['muon', 'tu', 'duoc', 'co the'];

/**
 * "Cháu muốn lập di chúc thì có được không?" asked where the procedure is `chứng thực di chúc`: the act the citizen
 * wants (`lập`), which the procedure's name has not, on what the name acts upon (`di chúc`, the words after it).
 * Returned as folded pairs of the act and the next word (` lap di `), to be found in an article's heading.
 *
 * `folded` is the question folded (informal words read formally), `words` its folded topic words in order.
 */
export function actPairs(folded: string, words: readonly string[], procedureName: string): string[] {
  const name = ` ${fold(procedureName)} `;
  const text = ` ${folded.trim()} `;
  return words.slice(1, -1).flatMap((word, i) => {
    const act = words[i]!;
    const willed = WILLED.some((modal) => text.includes(` ${modal} ${act} ${word} `));
    return willed && !name.includes(` ${act} `) && name.includes(` ${word} ${words[i + 2]!} `) ? [` ${act} ${word} `] : [];
  });
}
