import { topicWords } from './message-intent.js';
import { saysAgain } from './plain-variant.js';
import { fold } from './text-folding.js';
import { coverage, hasNameWord, headWords, nameWordHits, statesHead, type Candidate, type Choice } from './procedure-choice.js';

/**
 * Second thoughts on retrieval's choice of procedure, from what the question says outright:
 *
 * - a runner-up whose rare name words the question uses far more (`bản sao trích lục` beside
 *   `kết hôn`) is meant; in a conversation only when the question names it outright, since the
 *   words may be those of the procedure under discussion;
 * - outside a conversation, the only candidate whose head the question states in full is meant;
 * - the level the citizen goes to (`nộp ở xã`) picks the province's document of the same procedure at
 *   that level, else the commune procedure of a family over the province's (`nuôi con nuôi trong
 *   nước` at the commune, `… có yếu tố nước ngoài` at the province).
 */

/** Weighted share of the question's telling words a name must carry to be preferred. */
export const MIN_SUPPORT = 0.5;
/** …and a procedure of the level asked must carry at least this share. */
export const MIN_NAME_SHARE = 0.3;
/** Share of a procedure's telling name words the question must contain to count as naming it. */
export const NAMED_COVERAGE = 0.75;
/** How much more of a runner-up's name (weighted share) the question must use to prefer it to retrieval's first. */
export const NAME_MARGIN = 0.3;
/** Distinguishing words a name must have for the question to name it wholly. */
const WHOLE_NAME = 3;
/** How much less of the question's words a procedure whose head the question states may have. */
const HEAD_SLACK = 0.05;
/** Share of its main name a question must cover for a procedure to lead by name… */
const LEAD_COVERAGE = 0.6;
/** …and by how much more than any other candidate's. */
const LEAD_MARGIN = 0.3;

export interface ChoiceContext {
  /** Weighted share of the question's telling words found in the candidate's name. */
  nameShare: (candidate: Candidate) => number;
  /** Folded topic words of the question, informal ones with their formal equivalents. */
  questionWords: ReadonlySet<string>;
  /** A procedure is under discussion. */
  inConversation: boolean;
  /** The words by which the question names its procedure (`thủ tục cải chính` → `cai chinh`), if any. */
  named?: readonly string[];
  /** Folded topic words of each formal reading of the question's everyday words (`sổ đỏ` → `giấy chứng nhận quyền sử dụng đất`). */
  readings?: readonly (readonly string[])[];
  /** The level the question says the citizen goes to, folded (`xa`, `tinh`). */
  level?: 'xa' | 'tinh';
  /** The question as typed (for the signs of a reissue). */
  question?: string;
  /** The folded `Cấp thực hiện` of a candidate's record (` cap xa cap tinh `), empty when unknown. */
  levelOf: (candidate: Candidate) => string;
}

export function refineChoice(choice: Choice, candidates: readonly Candidate[], context: ChoiceContext): Choice {
  if (choice.kind !== 'chosen') return choice;
  const { nameShare, questionWords } = context;
  let chosen = choice;
  const byName = [...candidates].sort((a, b) => nameShare(b) - nameShare(a))[0];
  if (byName && byName.documentId !== chosen.candidate.documentId) {
    const named = coverage(byName.name, questionWords);
    // (a long name has most of any question's words by chance: the question must also say some of its own)
    const clearlyMore = nameShare(byName) >= MIN_SUPPORT && nameShare(byName) >= nameShare(chosen.candidate) + NAME_MARGIN && named >= MIN_NAME_SHARE;
    // a reissue or an exchange (`Cấp lại …, Cấp đổi …`) the question gives no sign of is not meant by the paper's name alone
    const unasked = REISSUE.test(fold(byName.name)) && !REISSUE.test(fold(chosen.candidate.name)) && context.question !== undefined && !asksReissue(context.question);
    if (clearlyMore && !unasked && (!context.inConversation || named >= NAMED_COVERAGE)) chosen = { kind: 'chosen', candidate: byName, coverage: named, variants: [] };
  }
  // the only other candidate whose whole head the question states (`chứng thực bản sao` beside `chứng
  // thực chữ ký người dịch`), when the question's words fit it as well
  if (!context.inConversation && !statesHead(chosen.candidate.name, questionWords)) {
    const current = chosen.candidate;
    // a head that says something the current name does not (`bản sao`), not a plainer name of the same family
    const saysMore = (candidate: Candidate) => headWords(candidate.name).some((word) => !hasNameWord(current.name, word));
    const headed = candidates.filter(
      (candidate) =>
        candidate.documentId !== current.documentId &&
        candidate.provincial === current.provincial &&
        statesHead(candidate.name, questionWords) &&
        saysMore(candidate) &&
        nameShare(candidate) >= nameShare(current) - HEAD_SLACK,
    );
    if (headed.length === 1) chosen = { kind: 'chosen', candidate: headed[0]!, coverage: coverage(headed[0]!.name, questionWords), variants: [] };
  }
  // the procedure the question names after `thủ tục`, `đăng ký`… ("làm thủ tục cải chính" about a birth certificate):
  // the first candidate whose name has those words, when the current one's does not
  const named = context.named ?? [];
  if (named.length > 0 && !named.every((word) => hasNameWord(chosen.candidate.name, word))) {
    const naming = candidates.find((candidate) => candidate.provincial === chosen.candidate.provincial && named.every((word) => hasNameWord(candidate.name, word)));
    if (naming) chosen = { kind: 'chosen', candidate: naming, coverage: coverage(naming.name, questionWords), variants: [] };
  }
  // a national record whose every distinguishing word (three or more) the question has (`xác nhận thông tin về cư
  // trú` of "giấy xác nhận cư trú"), when the province's procedure chosen is not named so wholly
  const whole = (candidate: Candidate) => {
    const { hits, size } = nameWordHits(candidate.name, questionWords);
    return size >= WHOLE_NAME && hits === size;
  };
  if (chosen.candidate.provincial && !whole(chosen.candidate)) {
    const wholly = candidates.filter((candidate) => !candidate.provincial && whole(candidate));
    if (wholly.length === 1) chosen = { kind: 'chosen', candidate: wholly[0]!, coverage: coverage(wholly[0]!.name, questionWords), variants: [] };
  }
  // a paper the question names in everyday words (`sổ đỏ`, read `giấy chứng nhận quyền sử dụng đất`): a name about
  // another paper of that kind (`giấy chứng nhận đăng ký hộ kinh doanh`) gives way to the candidate whose name has
  // the paper asked, and most of the question's words
  for (const paper of context.readings ?? []) {
    if (!namesOtherPaper(chosen.candidate.name, paper)) continue;
    const [having] = candidates.filter((candidate) => paper.every((word) => hasNameWord(candidate.name, word))).sort((a, b) => nameShare(b) - nameShare(a));
    if (having) {
      chosen = { kind: 'chosen', candidate: having, coverage: coverage(having.name, questionWords), variants: [] };
      break;
    }
  }
  const level = context.level;
  if (level) {
    const atLevel = (candidate: Candidate) => context.levelOf(candidate).includes(` cap ${level} `);
    const current = chosen.candidate;
    if (!atLevel(current)) {
      // the same procedure at that level first (the province publishes some at two levels), then its family
      const twin = (current.twins ?? []).map((documentId) => ({ ...current, documentId, twins: [] })).find(atLevel);
      const there = twin ?? candidates.find((candidate) => candidate !== current && candidate.provincial === current.provincial && atLevel(candidate) && nameShare(candidate) >= MIN_NAME_SHARE);
      if (there) chosen = { kind: 'chosen', candidate: there, coverage: coverage(there.name, questionWords), variants: [] };
    }
  }
  return chosen;
}

/**
 * Whether a name speaks of another paper than the one read (folded topic words, `giay chung nhan quyen su dung dat`):
 * it has the paper's kind (its first two words or more, from `giấy`) followed by a word the paper has not there
 * (`giay chung nhan dang ky ho kinh doanh`). A name with the kind alone (`Cấp lại Giấy chứng nhận do bị mất`) may
 * be about the paper read.
 */
export function namesOtherPaper(name: string, paper: readonly string[]): boolean {
  if (paper[0] !== 'giay' || paper.length < 3) return false;
  const words = topicWords(name);
  for (let start = words.indexOf('giay'); start !== -1; start = words.indexOf('giay', start + 1)) {
    let length = 0;
    while (length < paper.length && words[start + length] === paper[length]) length += 1;
    const next = words[start + length];
    if (length >= 2 && length < paper.length && next !== undefined) return true;
  }
  return false;
}

/**
 * A question that tells a story ("Vợ chồng tôi ở Chư Sê, muốn nhận đứa cháu ruột … về làm con
 * nuôi. Hồ sơ cần những gì?") uses few of its words in any name, so its share of a name stays low;
 * the procedure is still plain when the question covers most of one candidate's main name (the
 * words before any parenthesis) and far less of every other's.
 */
export function leadsByName(candidate: Candidate, candidates: readonly Candidate[], questionWords: ReadonlySet<string>): boolean {
  const own = mainCoverage(candidate.name, questionWords);
  if (own < LEAD_COVERAGE) return false;
  return candidates.every((other) => other.documentId === candidate.documentId || mainCoverage(other.name, questionWords) <= own - LEAD_MARGIN);
}

/** Coverage of a name by the question, or of its main name (the words before any parenthesis) when higher. */
export function mainCoverage(name: string, questionWords: ReadonlySet<string>): number {
  const main = name.replace(/\([^)]*\)/g, ' ');
  return Math.max(coverage(name, questionWords), /\p{L}/u.test(main) ? coverage(main, questionWords) : 0);
}

/**
 * Whether the question asks for a kind of thing the procedure names have, qualified by a word the corpus never saw
 * ("giấy phép kinh doanh karaoke" beside `Giấy phép kinh doanh cảng hàng không`): the two words before the unseen one
 * are followed by another word in some name, so the corpus knows kinds of it, but not this one.
 */
export function unknownKind(question: string, unseen: readonly string[], names: readonly string[]): boolean {
  const words = fold(question).trim().split(' ');
  const folded = names.map((name) => fold(name));
  const asked = new Set(unseen.map((word) => fold(word).trim()));
  return words.some((word, at) => {
    if (at < 2 || !asked.has(word)) return false;
    const kind = ` ${words[at - 2]} ${words[at - 1]} `;
    return folded.some((name) => name.includes(kind) && !name.endsWith(kind));
  });
}

/** A reissue or an exchange of a paper: `cấp lại`, `cấp đổi`, `đổi sang`. */
const REISSUE = / cap (?:lai|doi) | doi sang /;

/** Whether the question gives a sign of a reissue or an exchange: a loss or damage, done again (see saysAgain), `đổi`. */
function asksReissue(question: string): boolean {
  return saysAgain(question) || fold(question).includes(' doi ');
}
