/**
 * How much a question's words belong to the laws rather than to the procedure records, read from the corpus
 * itself. `tòa`, `ly hôn`, `thừa kế`, `di sản`, `giao con` fill law articles and are rare in procedures;
 * `lệ phí`, `tờ khai`, `nộp hồ sơ` are the other way round. A story asking what the law says of a case
 * ("đang tính ly hôn, đứa nhỏ mới 2 tuổi, tòa giao con cho ai?") leans to the laws even when one of its words
 * is in a procedure's name (`nuôi con` of `nuôi con nuôi`).
 */

/** Passages with one term: among the law articles, and among all passages. */
export interface TermCounts {
  law: number;
  all: number;
}

/** Terms in fewer passages than this say nothing reliable either way. */
const MIN_PASSAGES = 3;

/**
 * The IDF-weighted mean, over the question's distinct terms, of the log ratio of each term's rate among law
 * passages to its rate among the other passages (add-½ smoothing). 0 = as often in both; 1 ≈ e times as often
 * in the laws. Common words weigh little (low IDF), so a question's few telling words decide.
 */
export function legalLeaning(terms: readonly TermCounts[], lawPassages: number, allPassages: number): number {
  const others = allPassages - lawPassages;
  if (lawPassages <= 0 || others <= 0) return 0;
  let weighted = 0;
  let total = 0;
  for (const { law, all } of terms) {
    if (all < MIN_PASSAGES) continue;
    const ratio = Math.log((law + 0.5) / lawPassages / ((all - law + 0.5) / others));
    const idf = Math.log(allPassages / all);
    weighted += idf * ratio;
    total += idf;
  }
  return total > 0 ? weighted / total : 0;
}
