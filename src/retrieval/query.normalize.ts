import { QUERY_SYNONYMS, SYNONYM_EXCEPTIONS } from './abbreviations.js';
import { foldTerm, normalizeForSearch } from './tokenizer.js';

/**
 * Question phrasing → search text. Exam-style and citizen questions wrap the content in
 * formulas ("…, đúng hay sai?", "Chọn câu trả lời đúng nhất", "Cả 3 phương án trên") that
 * match every passage equally badly; they are removed. Informal and foreign words get their
 * formal equivalents appended (the original words stay).
 */

/** Formulas of exam and FAQ questions, diacritic-free so `dung hay sai` is caught too. */
const QUESTION_FORMULAS: readonly RegExp[] = [
  /\bdung hay sai\b/g,
  /\bchon (?:cau tra loi|dap an|phuong an)(?: dung)?(?: nhat)?\b/g,
  /\b(?:cau|phuong an|dap an|y) nao sau day\b/g,
  /\b(?:nao|gi) (?:duoi|sau) day\b/g,
  /\bca (?:\d+|ba|hai|bon) (?:phuong an|dap an|y) (?:tren|deu dung|deu sai)\b/g,
  /\btat ca (?:cac )?(?:phuong an|dap an|y) (?:tren|deu dung|deu sai)\b/g,
  /\b(?:phuong an|dap an) (?:khac|tren)\b/g,
  /\b[a-d] (?:va|,) [a-d](?: (?:va|,) [a-d])* (?:deu )?(?:dung|sai)\b/g,
  /\bkhong co (?:phuong an|dap an) nao dung\b/g,
];

/** Diacritic-free fold of the whole text, keeping character positions aligned with the input. */
function foldAligned(text: string): string {
  let out = '';
  for (const char of text) {
    const folded = foldTerm(char);
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

/** Removes exam/FAQ formulas; returns the text that remains. */
export function stripQuestionFormulas(text: string): string {
  const normalized = normalizeForSearch(text);
  let folded = foldAligned(normalized);
  let result = normalized;
  for (const pattern of QUESTION_FORMULAS) {
    folded = folded.replace(pattern, (match, ...rest) => {
      const offset = rest.at(-2) as number;
      result = result.slice(0, offset) + ' '.repeat(match.length) + result.slice(offset + match.length);
      return ' '.repeat(match.length);
    });
  }
  return result.replace(/ {2,}/g, ' ').trim();
}

const SYNONYM_PATTERNS: ReadonlyArray<{ accented: RegExp; folded: RegExp; formal: string }> = Object.entries(QUERY_SYNONYMS)
  .sort((a, b) => b[0].length - a[0].length)
  .map(([informal, formal]) => {
    const except = SYNONYM_EXCEPTIONS[informal] ?? [];
    const pattern = (words: string, fold: (text: string) => string): RegExp => {
      const blocked = except.map((word) => `(?!\\s+${fold(word)}(?![\\p{L}\\p{N}]))`).join('');
      return new RegExp(`(?<![\\p{L}\\p{N}])${words.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])${blocked}`, 'u');
    };
    return { accented: pattern(normalizeForSearch(informal), normalizeForSearch), folded: pattern(foldTerm(informal), foldTerm), formal };
  });

/** The same patterns, global, for replacing every occurrence (compiled once). */
const SYNONYM_REPLACEMENTS = SYNONYM_PATTERNS.map(({ accented, folded, formal }) => ({
  accented: new RegExp(accented.source, 'gu'),
  folded: new RegExp(folded.source, 'gu'),
  formal,
  foldedFormal: foldTerm(formal),
}));

/** What the civil-status procedures with a foreign party are called; a country or `nước ngoài` reads as it. */
const FOREIGN_ELEMENT = 'có yếu tố nước ngoài';

/**
 * Going abroad (a trip, studies, an exit, a visa): a country named there is where one goes, not a foreign
 * party to a civil-status case ("làm hộ chiếu đi du lịch Thái Lan" is no foreign adoption). A passport alone
 * is no sign of it: a foreign spouse's passport is a paper of a marriage with a foreign party.
 */
const TRAVEL = /(?<![\p{L}\p{N}])(?:xuat canh|du lich|du hoc|visa|thi thuc)(?![\p{L}\p{N}])/u;

/** Whether a synonym applies to a text: not the foreign party where the text is about travelling abroad. */
const applies = (formal: string, folded: string): boolean => formal !== FOREIGN_ELEMENT || !TRAVEL.test(folded);

/**
 * Formal equivalents of informal/foreign wording found in the text. A question typed with
 * accents is matched with accents (`cưới` is not `cuối`); one typed without, without.
 */
export function synonymExpansions(text: string): string[] {
  const normalized = normalizeForSearch(text);
  const accented = /[^\x00-\x7F]/.test(normalized);
  const subject = accented ? normalized : foldTerm(normalized);
  const plain = foldTerm(normalized);
  const found: string[] = [];
  for (const { accented: withAccents, folded, formal } of SYNONYM_PATTERNS) {
    if ((accented ? withAccents : folded).test(subject) && !found.includes(formal) && applies(formal, plain)) found.push(formal);
  }
  return found;
}

/**
 * The text with informal/foreign wording replaced by its formal equivalent (`một bé` → `trẻ em`),
 * for comparing a question with procedure names. Accents as in `synonymExpansions`; an unaccented
 * text stays unaccented.
 */
export function withSynonymsReplaced(text: string): string {
  const normalized = normalizeForSearch(text);
  const accented = /[^\x00-\x7F]/.test(normalized);
  let subject = accented ? normalized : foldTerm(normalized);
  const plain = foldTerm(normalized);
  for (const { accented: withAccents, folded, formal, foldedFormal } of SYNONYM_REPLACEMENTS) {
    if (!applies(formal, plain)) continue;
    subject = subject.replace(accented ? withAccents : folded, accented ? formal : foldedFormal);
  }
  return subject;
}
