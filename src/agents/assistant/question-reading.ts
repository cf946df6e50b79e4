import { hasDiacritics, QUERY_SYNONYMS, synonymExpansions, withSynonymsReplaced } from '../../retrieval/index.js';
import type { Aspect } from './assistant.types.js';
import { readAspect, topicTokens, topicWords, type TopicWord } from './message-intent.js';
import { pointsBack, properNouns, requestSentence } from './question-text.js';
import { accentedForm, fold } from './text-folding.js';
import type { WordWeights } from './word-weights.js';

/** Words of the informal wording the vocabulary knows (`bé`, `cưới`, `photo`): never words the corpus has not seen. */
const INFORMAL_WORDS = new Set(Object.keys(QUERY_SYNONYMS).flatMap((phrase) => accentedForm(phrase).trim().split(' ')));

/** How common a word is in the indexed passages (undefined: no passage has it). */
export type WordShare = (word: string) => Promise<number | undefined>;

/**
 * A question as the assistant reads it before choosing a procedure: what is asked (the aspect),
 * the words that may name a procedure, how much each weighs, and the wordings compared with a
 * procedure's name and text (as typed, with informal words read formally, and the request alone).
 *
 * - a story then a request: the request sentence is read twice, and once alone;
 * - names of places and people (`Pleiku`, `Chư Sê`) are no topic;
 * - a question typed with accents is matched with them: `đám cưới` is not `bảo đảm … cuối`,
 *   `súng` not `bổ sung`;
 * - words no procedure name has weigh by how rare they are in the passages (`đang` of a story, in
 *   a third of them, next to nothing); a word the corpus never saw (`flycam`) weighs most and is
 *   counted in `unseen`.
 */
export class QuestionReading {
  private constructor(
    readonly question: string,
    /** The aspect asked (fee, time, documents…), if any. */
    readonly aspect: Aspect | undefined,
    /** The request sentence of a story, when the question has several sentences (first reading only). */
    readonly request: string | undefined,
    /** The text searched: the question, and the request once more. */
    readonly text: string,
    /** Folded topic words of `text`. */
    readonly topics: string[],
    readonly accented: boolean,
    /** The topic words in the form the question was typed (accented words with their accents). */
    readonly words: string[],
    /** Words the corpus has never seen. */
    readonly unseen: number,
    /** Of those, the ones in the request sentence of a story (all of them when there is no story). */
    readonly unseenAsked: number,
    /** `text` with informal wording replaced by the formal one (`công chứng bản sao` → `chứng thực bản sao`). */
    readonly formal: string,
    /** Folded topic words with the formal equivalents of informal ones (`người Hàn Quốc` → `có yếu tố nước ngoài`). */
    readonly withFormal: string,
    /** Names of places and people (folded → accented), not topics. */
    readonly names: ReadonlyMap<string, string>,
    private readonly weights: WordWeights,
    private readonly overrides: ReadonlyMap<string, number>,
    private readonly wordings: ReadonlyArray<readonly string[]>,
    /** The words of what is asked (the request of a story, else the question) that the corpus has seen. */
    private readonly askedWords: readonly string[],
    /** The words the corpus has never seen, as typed (`karaoke`, `flycam`). */
    readonly unseenWords: readonly string[] = [],
  ) {}

  /**
   * `withRequest`: the first reading of a question (retries read a rewording without it). `knownNames`: the names
   * of places and people found in the message as typed; a rewording is lower-cased (`ia grai`) and shows none.
   */
  static async read(question: string, withRequest: boolean, weights: WordWeights, wordShare: WordShare, knownNames?: ReadonlyMap<string, string>): Promise<QuestionReading> {
    // a request that points back to the story ("Việc này có phải xin phép không?") is not read alone
    const sentence = withRequest ? requestSentence(question) : undefined;
    const request = sentence && !pointsBack(sentence) ? sentence : undefined;
    const text = request ? `${question} ${request}` : question;
    const names = new Map([...(knownNames ?? []), ...properNouns(question)]);
    const accented = hasDiacritics(question);
    // the topic words of a text as typed (accented words with their accents), without names of places and people
    const typed = (wording: string) => typedWords(topicsOf(wording, names, weights), accented);
    const tokens = topicsOf(text, names, weights);
    const topics = tokens.map((token) => token.folded);
    const words = typedWords(tokens, accented);
    const overrides = new Map<string, number>();
    const never = new Set<string>();
    let unseen = 0;
    let unseenAsked = 0;
    // a word the corpus never saw in the story around a request (`cổng chùa`) is not what is asked
    const asked = requestSentence(question);
    const askedText = asked ? (accented ? accentedForm(asked) : fold(asked)) : undefined;
    for (const word of new Set(words.filter((candidate) => weights.unknown(candidate)))) {
      const found = await wordShare(word);
      if (found !== undefined) overrides.set(word, weights.passageWeight(found));
      else if (!INFORMAL_WORDS.has(word)) {
        never.add(word);
        unseen += 1;
        if (!askedText || askedText.includes(` ${word} `)) unseenAsked += 1;
      }
    }
    // the question's words, the same with informal wording read formally (`một bé` → `trẻ em`), and the
    // request alone read formally (the story around it does not dilute what is asked): the best share counts
    const formal = withSynonymsReplaced(text);
    const requestWords = request ? typed(withSynonymsReplaced(request)) : [];
    const wordings = [words, typed(formal), ...(requestWords.length >= 2 ? [requestWords] : [])].filter(
      (candidate, index, all) => all.findIndex((other) => other.join(' ') === candidate.join(' ')) === index,
    );
    // only topic words count for the choice: `bao` of `bao nhiêu` is not `báo` of `trình báo`
    const withFormal = [...topics, ...synonymExpansions(question).flatMap((expansion) => topicWords(expansion))].join(' ');
    const askedWords = (request ? typed(request) : words).filter((word) => !never.has(word));
    return new QuestionReading(question, readAspect(question), request, text, topics, accented, words, unseen, unseenAsked, formal, withFormal, names, weights, overrides, wordings, askedWords, [...never]);
  }

  /** A text spaced for whole-word look-ups, in the form the question was typed (accented or folded). */
  form(text: string): string {
    return this.accented ? accentedForm(text) : fold(text);
  }

  /** The folded topic words of each formal reading of the question's everyday words (`sổ đỏ` → `giay chung nhan quyen su dung dat`). */
  get readings(): string[][] {
    return synonymExpansions(this.question).map((expansion) => topicWords(expansion));
  }

  /** The folded and formal topic words as a set (for name coverage). */
  get questionWords(): Set<string> {
    return new Set(this.withFormal.split(' '));
  }

  /** Weighted share of the question's words found in a text spaced like `form`; the best wording counts. */
  share(text: string): number {
    return Math.max(...this.wordings.map((words) => this.weights.share(words, text, this.overrides)));
  }

  /** The share for a procedure's name. */
  nameShare(name: string): number {
    return this.share(this.form(name));
  }

  /** The rarest word of what is asked that the corpus knows (`khám` of "xin giấy phép hoạt động phòng khám ở đâu"). */
  get heaviestAsked(): string | undefined {
    let heaviest: string | undefined;
    let most = -1;
    for (const word of this.askedWords) {
      const weight = this.weights.weight(word, this.overrides);
      if (weight > most) [heaviest, most] = [word, weight];
    }
    return heaviest;
  }

  /** Share of the typed words a text (spaced like `form`) contains, unweighted, and how many. */
  wordsFoundIn(text: string): { share: number; found: number } {
    const found = this.words.filter((word) => text.includes(` ${word} `)).length;
    return { share: found / Math.max(1, this.words.length), found };
  }
}

/** Topic words of a text, without names of places and people (`Pleiku`, `Chư Sê`). */
function topicsOf(text: string, names: ReadonlyMap<string, string>, weights: WordWeights): TopicWord[] {
  const isName = (word: string) => names.has(word) && (weights.unknown(word) || weights.unknown(names.get(word)!));
  return topicTokens(text, (first, second, word) => weights.namesPair(first, second, word)).filter((token) => !isName(token.folded));
}

/** Topic words in the form the question was typed: accented words matched with their accents. */
function typedWords(tokens: readonly TopicWord[], accented: boolean): string[] {
  return tokens.map((token) => (accented ? token.typed : token.folded));
}
