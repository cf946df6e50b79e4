import { accentedForm, fold } from './text-folding.js';
import type { Candidate } from './procedure-choice.js';

/** Cleaning of a question before it is read, and small matching helpers of the assistant. */

/** The redaction placeholders and the words announcing them ("số CCCD [CCCD]") carry no question. */
export function withoutPlaceholders(text: string): string {
  return text
    .replace(/(?:(?:số|so)\s+)?(?:cccd|cmnd|căn cước(?: công dân)?|chứng minh nhân dân|sđt|sdt|số điện thoại|điện thoại|email|e-mail|thư điện tử)?\s*(?:là|:)?\s*\[(?:CCCD|CMND|SĐT|EMAIL)\]/giu, ' ')
    .replace(/\s+([,.;])/g, '$1')
    .replace(/^[\s,.;]+/, '')
    .trim();
}

/**
 * The province the assistant serves is implied in every question: `ở tỉnh Gia Lai`, `Công an tỉnh
 * Gia Lai` say nothing about which procedure (and `gia`, `lai` would read as `gia hạn`, `cấp lại`).
 */
export function withoutHomeProvince(text: string): string {
  return text.replace(/(?:(?:ở|tại|của|o|tai|cua)\s+)?(?:(?:tỉnh|tinh)\s+)?(?:Gia Lai|gia lai)(?![\p{L}])/gu, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** "Tôi tên Hoa, …": a name says nothing about the procedure asked for (and is personal data). */
export function withoutSelfIntroduction(text: string): string {
  return text.replace(/(?:tôi|mình|em|cháu|con)\s+(?:tên|tên là|là)\s+\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,3}\s*,?/u, ' ').trim();
}

export function pendingCandidate(candidate: Candidate) {
  return { documentId: candidate.documentId, name: candidate.name, code: candidate.code };
}

/** Share of the topic words that occur in a folded text. */
export function share(words: readonly string[], foldedText: string): number {
  if (words.length === 0) return 0;
  let hit = 0;
  for (const word of words) if (foldedText.includes(` ${word} `)) hit += 1;
  return hit / words.length;
}

/**
 * Words written with a capital inside a sentence (`Pleiku`, `Ia Hrung`, `Chư Sê`): names of places and
 * people, not of procedures; folded, each with its lower-case accented form. All-capital
 * abbreviations (`UBND`, `CCCD`) are not among them.
 */
export function properNouns(message: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const sentence of message.normalize('NFC').split(/[.?!;:\n]+/)) {
    const words = sentence.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    words.forEach((word, index) => {
      if (index > 0 && /^\p{Lu}\p{Ll}/u.test(word)) names.set(fold(word).trim(), accentedForm(word).trim());
    });
  }
  return names;
}

/**
 * A message of several sentences usually tells the story first and asks last ("Ba tôi mới mất ở
 * bệnh viện tỉnh… Giờ làm giấy khai tử thì lên xã nào?"): the last sentence that asks, when the
 * message has more than one. The story still counts; the request is read twice.
 */
/** Words by which a request points back to the story before it ("Việc này có phải xin phép không?", "làm chung được không?"). */
const POINTING_BACK = [' viec nay ', ' viec do ', ' viec ay ', ' truong hop nay ', ' truong hop do ', ' thu tuc nay ', ' chuyen nay ', ' chuyen do ', ' nhu vay ',
  // both things the story asks for at once ("làm chung một lần được không?")
  ' lam chung ', ' cung mot luc ', ' cung luc '];

/** Whether a request only points back to the story: then its own words do not say what is asked. */
export function pointsBack(request: string): boolean {
  const folded = fold(request);
  return POINTING_BACK.some((phrase) => folded.includes(phrase));
}

export function requestSentence(message: string): string | undefined {
  const sentences = message.split(/(?<=[.?!;\n])\s*/u).map((sentence) => sentence.trim()).filter((sentence) => /\p{L}/u.test(sentence));
  if (sentences.length < 2) return undefined;
  const asking = sentences.filter((sentence) => sentence.endsWith('?'));
  return (asking.at(-1) ?? sentences.at(-1))!;
}

/**
 * Whether the question says something foreign: `nước ngoài` as typed, or a country or nationality read
 * formally (`người Hàn Quốc` → `có yếu tố nước ngoài`); `questionWords` are its folded words with those readings.
 */
export function saysForeign(questionWords: ReadonlySet<string>): boolean {
  return questionWords.has('nuoc') && questionWords.has('ngoai');
}
