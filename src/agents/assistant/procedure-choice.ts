import type { SearchResult } from '../../retrieval/index.js';
import { fold } from './text-folding.js';

/**
 * Which procedure a question is about. Retrieval ranks units; here the distinct procedures among
 * the top results are compared by how much of their *name* the question covers, counting only the
 * words that tell the close candidates apart (`lại`, `nước ngoài`, `lưu động`, `chữ ký`, `bản sao`).
 *
 * - a candidate whose name the question covers entirely is chosen, and its variants are offered;
 * - when two or more candidates are covered about equally and none entirely, the assistant asks;
 * - the same procedure published twice (the national record and the province's own procedure)
 *   counts once: the provincial one, which says how it is done here, is preferred.
 */

export interface Candidate {
  documentId: string;
  code: string;
  name: string;
  rank: number;
  /** Retrieval score of the procedure's best passage. */
  score: number;
  provincial: boolean;
  /** The province's other documents of the same procedure (the same name at another level: `QT 03/CT` and `QT 12/CX`). */
  twins?: string[];
}

export type Choice =
  | { kind: 'chosen'; candidate: Candidate; variants: Candidate[]; coverage: number }
  | { kind: 'ambiguous'; candidates: Candidate[] }
  | { kind: 'none' };

/** Words naming what every procedure is (thủ tục, đăng ký, cấp…): they tell nothing apart. */
const GENERIC = new Set(['thu', 'tuc', 'dang', 'ky', 'cap', 'cua', 'cho', 'va', 'cac', 'trong', 'tai', 'theo', 'doi', 'voi', 've', 'viec', 'co', 'la', 'da', 'nguoi']);

export function procedureCandidates(results: readonly SearchResult[], isProvincial: (documentId: string) => boolean, limit = 5): Candidate[] {
  const candidates: Candidate[] = [];
  const byName = new Map<string, number>();
  for (const result of results) {
    if (!result.procedure) continue;
    if (candidates.some((candidate) => candidate.documentId === result.document.id)) continue;
    const key = nameKey(result.procedure.name);
    const words = nameWords(result.procedure.name);
    const candidate: Candidate = {
      documentId: result.document.id,
      code: result.procedure.code,
      name: result.procedure.name,
      rank: candidates.length,
      score: result.score,
      provincial: isProvincial(result.document.id),
    };
    const twin = byName.get(key) ?? candidates.findIndex((other) => jaccard(nameWords(other.name), words) >= 0.85);
    if (twin !== -1) {
      const kept = candidates[twin]!;
      if (candidate.provincial && !kept.provincial) candidates[twin] = { ...candidate, rank: kept.rank };
      else if (candidate.provincial && kept.provincial) kept.twins = [...(kept.twins ?? []), candidate.documentId];
      continue;
    }
    byName.set(key, candidates.length);
    candidates.push(candidate);
  }
  // retrieval already ranks the province's own procedures ahead of national records of the same
  // procedure (its kind prior), and a national twin was replaced above: keep retrieval's order
  return candidates.slice(0, limit).map((candidate, rank) => ({ ...candidate, rank }));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const word of a) if (b.has(word)) both += 1;
  return both / Math.max(1, a.size + b.size - both);
}

/**
 * A procedure's name as compared across sources: folded, without a leading "Thủ tục" and without
 * the level that carries it out (`(thực hiện tại cấp tỉnh)`): the national portal publishes one
 * record per level of the same procedure, and a citizen asking does not know (or care) which.
 */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/^ thu tuc /, ' ')
    .replace(/ thuc hien (?:tai|o) (?:cap )?(?:tinh|huyen|xa|trung uong|co so)(?: va (?:cap )?(?:tinh|huyen|xa|trung uong))?(?= )/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The telling words of a name. A closing `trong nước` (`Đăng ký việc nuôi con nuôi trong nước`) only
 * sets the domestic case apart from its foreign variant; a citizen asking of it never says so.
 */
function nameWords(name: string): Set<string> {
  return new Set(
    nameKey(name)
      .replace(/ trong nuoc$/, '')
      .split(' ')
      .filter((word) => word && !GENERIC.has(word)),
  );
}

/** Share of a name's distinguishing words present in the question (1 = the whole name is named). */
export function coverage(name: string, questionWords: ReadonlySet<string>): number {
  const { hits, size } = nameWordHits(name, questionWords);
  return size === 0 ? 0 : hits / size;
}

/** How many of a name's distinguishing words the question has (`hits`) out of how many (`size`). */
export function nameWordHits(name: string, questionWords: ReadonlySet<string>): { hits: number; size: number } {
  const words = nameWords(name);
  let hits = 0;
  for (const word of words) if (questionWords.has(word)) hits += 1;
  return { hits, size: words.size };
}

/**
 * True when the question has every one of the first telling words of a name, and there are at
 * least `minimum` of them. A procedure's name starts with what it does to what (`Chứng thực bản
 * sao…`, `Chứng thực chữ ký người dịch…`, `Đăng ký lại khai sinh`); what follows qualifies it. A
 * question that states the whole head names that procedure.
 */
export function statesHead(name: string, questionWords: ReadonlySet<string>, minimum = 1): boolean {
  const head = headWords(name);
  return head.length >= minimum && head.every((word) => questionWords.has(word));
}

/** The first telling words of a name (see statesHead). */
export function headWords(name: string): string[] {
  return [...nameWords(name)].slice(0, HEAD_WORDS);
}

/** True when a telling word of the name is the word given (folded). */
export function hasNameWord(name: string, word: string): boolean {
  return nameWords(name).has(word);
}

/** Telling words that make the head of a name. */
const HEAD_WORDS = 4;

/** Retrieval scores this close (relative) leave the choice open. */
const CLOSE_SCORE = 0.97;

/**
 * Retrieval's order (the province's procedures first) decides: measured on the shared routing
 * questions, re-ranking by name words here did worse than the retrieval's own title re-ranking.
 * The assistant asks only when a close runner-up differs in words the question does not use.
 */
export function chooseProcedure(question: string, candidates: readonly Candidate[]): Choice {
  const top = candidates[0];
  if (!top) return { kind: 'none' };
  const words = new Set(fold(question).trim().split(' '));
  const topWords = nameWords(top.name);
  const rivals = candidates.slice(1, 4).filter((candidate) => {
    if (candidate.provincial !== top.provincial || candidate.score < top.score * CLOSE_SCORE) return false;
    const own = nameWords(candidate.name);
    if (isStrictSubset(topWords, own) || isStrictSubset(own, topWords)) return false;
    // the question says what sets the first one apart: it is meant
    return ![...topWords].some((word) => !own.has(word) && words.has(word));
  });
  if (rivals.length > 0) return { kind: 'ambiguous', candidates: [top, ...rivals] };
  // the question says what a close variant adds to the first one's name ("làm lại giấy nuôi con nuôi" →
  // `Đăng ký lại việc nuôi con nuôi…` rather than `Đăng ký việc nuôi con nuôi…`): the variant is meant
  const richer = candidates.slice(1, 4).find((candidate) => {
    const own = nameWords(candidate.name);
    return candidate.provincial === top.provincial && isStrictSubset(topWords, own) && [...own].every((word) => topWords.has(word) || words.has(word));
  });
  if (richer) return { kind: 'chosen', candidate: richer, coverage: coverage(richer.name, words), variants: variantsOf(richer, candidates) };
  // not a qualifier the citizen did not say: "đăng ký kết hôn" is the plain procedure, not "… có yếu tố nước ngoài"
  const plain = candidates.slice(1, 4).find((candidate) => {
    const own = nameWords(candidate.name);
    return candidate.provincial === top.provincial && isStrictSubset(own, topWords) && [...own].every((word) => words.has(word));
  });
  if (plain && ![...topWords].some((word) => !nameWords(plain.name).has(word) && words.has(word))) {
    return { kind: 'chosen', candidate: plain, coverage: 1, variants: variantsOf(plain, candidates) };
  }
  return { kind: 'chosen', candidate: top, coverage: coverage(top.name, words), variants: variantsOf(top, candidates) };
}

function isStrictSubset(small: ReadonlySet<string>, large: ReadonlySet<string>): boolean {
  return small.size < large.size && [...small].every((word) => large.has(word));
}

/** Close candidates whose name contains the chosen one's (`… có yếu tố nước ngoài`, `… lưu động`). */
function variantsOf(chosen: Candidate, candidates: readonly Candidate[]): Candidate[] {
  const base = nameWords(chosen.name);
  return candidates.filter((candidate) => {
    if (candidate.documentId === chosen.documentId) return false;
    const words = nameWords(candidate.name);
    return words.size > base.size && [...base].every((word) => words.has(word));
  });
}

/** The user's reply to a clarifying question: a number, or words of one candidate's name. */
export function pickFromReply(reply: string, candidates: readonly Candidate[]): Candidate | undefined {
  const folded = fold(reply).trim();
  const number = /^(?:so |thu |lua chon |chon )?(\d)$/.exec(folded);
  if (number) return candidates[Number(number[1]) - 1];
  const words = new Set(folded.split(' '));
  const scored = candidates.map((candidate) => ({ candidate, coverage: coverage(candidate.name, words), exact: nameKey(candidate.name) === nameKey(reply) }));
  const exact = scored.find((item) => item.exact);
  if (exact) return exact.candidate;
  // the candidate whose distinguishing words the reply uses most, if clearly ahead
  const distinct = scored.map((item) => {
    const others = candidates.filter((other) => other !== item.candidate).flatMap((other) => [...nameWords(other.name)]);
    const own = [...nameWords(item.candidate.name)].filter((word) => !others.includes(word));
    const hits = own.filter((word) => words.has(word)).length;
    return { ...item, hits, missingOwn: own.length - hits };
  });
  distinct.sort((a, b) => b.hits - a.hits || b.coverage - a.coverage);
  const first = distinct[0];
  if (first && first.hits > 0 && (distinct[1]?.hits ?? 0) < first.hits) return first.candidate;
  // a reply with no distinguishing word picks the candidate that has none (the plain procedure)
  const plain = distinct.filter((item) => item.coverage === 1);
  if (plain.length === 1) return plain[0]!.candidate;
  return undefined;
}
