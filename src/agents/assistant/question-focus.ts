import { PROCEDURE_SECTION_TITLES } from '../../ingest/structure/index.js';
import { hasDiacritics, synonymExpansions, type Passage } from '../../retrieval/index.js';
import { topicTokens } from './message-intent.js';
import { bodyLines, type DraftLine } from './procedure-answer.composer.js';
import { accentedForm, fold } from './text-folding.js';

/**
 * Questions whose answer is one sentence somewhere in the procedure rather than a section of it:
 *
 * - the citizen's own time limit ("phải đi khai tử trong bao lâu kể từ ngày mất?"): the time section
 *   gives the office's processing time; the citizen's limit is a note elsewhere ("Trong thời hạn 15
 *   ngày kể từ ngày có người chết thì … có trách nhiệm đi đăng ký khai tử");
 * - submitting online ("nộp online được không?"): the papers and forms sections say what an online
 *   application needs ("Mẫu hộ tịch điện tử tương tác … nếu nộp hồ sơ theo hình thức trực tuyến").
 *
 * - the citizen's situation ("ủy quyền cho tôi nhận hộ lương hưu", "tôi tự dịch bằng của mình"): a
 *   line of the procedure that names it by two of the question's words in a row, words the
 *   procedure's name does not have and few of its lines share, says whether and how it applies.
 *
 * Those sentences are quoted first, with their passages, so the citation check sees them verbatim.
 */

/** Folded wordings of a question about the citizen's own time limit. */
const ASKS_DEADLINE = [
  // "kể từ ngày mất / sinh / chết / …": counted from an event in the citizen's life, not from filing
  / ke tu (?:ngay|khi|luc) (?!nhan|nop|tiep nhan|co ket qua)\S+/,
  // "bao lâu thì phải đi đăng ký", "trong bao lâu phải khai"
  / (?:bao lau|may ngay|bao nhieu ngay|thoi han|han) (?:\S+ ){0,3}(?:phai|bat buoc) (?:di )?(?:dang ky|khai|lam|bao|nop)/,
  // "phải đi đăng ký trong bao lâu", "phải khai báo trong mấy ngày", "có cần báo mất … không, trong bao lâu"
  / (?:phai|bat buoc|co can) (?:di )?(?:dang ky|khai|lam|bao|nop)(?: \S+){0,6} (?:trong (?:vong |thoi han )?)?(?:bao lau|may ngay|bao nhieu ngay)/,
  / (?:han chot|cham nhat la|tre han|qua han)/,
];

/** Folded wordings of a question about applying online. */
const ASKS_ONLINE = / (?:online|truc tuyen|qua mang|tren mang|qua internet|dich vu cong|vneid|qua app|qua ung dung)/;

/** Folded wordings of a question about doing it where the citizen is, not where they are registered. */
const ASKS_ELSEWHERE = / (?:ve que|noi khac|tinh khac|huyen khac|xa khac|phuong khac|ngoai tinh|noi dang o|noi dang song|noi lam viec|khong phai ve|ve dung|dang o tam) /;
/** A sentence on where the citizen may apply by residence; one saying it does not matter comes first. */
const RESIDENCE_SENTENCE = /nơi cư trú|nơi thường trú|nơi tạm trú|nơi đang sinh sống/iu;
const ANY_RESIDENCE = /không phụ thuộc (?:vào )?nơi cư trú|trong cả nước/iu;

/** Whether the question asks about applying away from home ("có phải về quê không?"). */
export function asksElsewhere(question: string): boolean {
  return ASKS_ELSEWHERE.test(fold(question));
}

/** The procedure's sentences on where one may apply by residence ("… trong cả nước không phụ thuộc vào nơi cư trú"). */
export function residenceLines(passages: readonly Passage[]): DraftLine[] {
  const told = passages.filter((passage) => passage.citation.section !== PROCEDURE_SECTION_TITLES.canCuPhapLy);
  const anywhere = focusSentences(told, (sentence) => ANY_RESIDENCE.test(sentence) && RESIDENCE_SENTENCE.test(sentence));
  return anywhere.length > 0 ? anywhere : focusSentences(told, (sentence) => RESIDENCE_SENTENCE.test(sentence));
}

/** Whether the question asks the citizen's own time limit. */
export function asksDeadline(question: string): boolean {
  const folded = fold(question);
  return ASKS_DEADLINE.some((pattern) => pattern.test(folded));
}

/** Whether the question asks about applying online. */
export function asksOnline(question: string): boolean {
  return ASKS_ONLINE.test(fold(question));
}

/**
 * A sentence that puts a time limit on someone, counted from an event that is not the filing
 * (`Trong thời hạn 15 ngày kể từ ngày có người chết thì … có trách nhiệm đi đăng ký khai tử`).
 */
const DEADLINE_SENTENCE = /(?:trong (?:thời hạn |vòng )?|chậm nhất (?:là )?|không quá )\d+\s*(?:\(\p{L}[\p{L} ]*\)\s*)?(?:ngày|tháng)[^.;]{0,40}?kể từ (?:ngày|khi) (?!(?:tiếp )?nhận|nộp)/iu;
const OBLIGATION = /trách nhiệm|phải|thời hạn nộp|chậm nhất|(?:nộp|gửi)(?: hoặc gửi)? (?:đơn|tờ khai)/iu;
/** A sentence about applying online; the legal basis only names the decrees on it. */
const ONLINE_SENTENCE = /trực tuyến|cổng dịch vụ công/iu;

const MAX_FOCUS_LINES = 2;

/** The procedure's sentences that give someone's time limit, shortest first, each with its passage. */
export function deadlineLines(passages: readonly Passage[]): DraftLine[] {
  return focusSentences(passages, (sentence) => DEADLINE_SENTENCE.test(sentence) && OBLIGATION.test(sentence));
}

/** The procedure's sentences about applying online (not its legal basis), shortest first. */
export function onlineLines(passages: readonly Passage[]): DraftLine[] {
  const told = passages.filter((passage) => passage.citation.section !== PROCEDURE_SECTION_TITLES.canCuPhapLy);
  return focusSentences(told, (sentence) => ONLINE_SENTENCE.test(sentence));
}

function focusSentences(passages: readonly Passage[], wanted: (sentence: string) => boolean): DraftLine[] {
  const lines: DraftLine[] = [];
  const seen = new Set<string>();
  for (const passage of passages) {
    for (const line of bodyLines(passage)) {
      for (const sentence of line.split(/(?<=[.;])\s+/u)) {
        // a heading of a list (`…theo hình thức trực tuyến:`) says nothing by itself
        if (seen.has(sentence) || sentence.trimEnd().endsWith(':') || !wanted(sentence)) continue;
        seen.add(sentence);
        lines.push({ text: sentence, passage });
      }
    }
  }
  // a short sentence that states it is a better answer than a long one that mentions it
  return lines.sort((a, b) => a.text.length - b.text.length).slice(0, MAX_FOCUS_LINES);
}

/** Folded words that ask how a thing must be, right after it ("ảnh chụp phải thế nào", "tờ khai ghi ra sao"). */
const HOW = '(?:the nao|ra sao|mau gi|nen mau|co gi|kich thuoc|kich co|co bao nhieu)(?![a-z])';
const ASKS_HOW = new RegExp(`^(?:\\S+ ){0,3}${HOW}`);
const ASKS_HOW_ANYWHERE = new RegExp(` ${HOW}`);
/** First words of a paper that say only its kind (`Giấy …`, `Bản …`): the next word names it. */
const KIND_WORDS = new Set(['giay', 'ban', 'to', 'van', 'so', 'phieu', 'don', 'the']);

/**
 * "Ảnh chụp phải thế nào?", "tờ khai ghi ra sao?": how a paper of the list must be. The item of the
 * papers whose leading words (its kind and what names it, `Tờ khai`, or a telling first word, `Ảnh`)
 * the question says right before asking how is quoted (`Ảnh mới chụp không quá 06 tháng, … nền trắng`).
 */
export function itemLines(question: string, passages: readonly Passage[]): DraftLine[] {
  const folded = ` ${fold(question).trim()} `;
  if (!ASKS_HOW_ANYWHERE.test(folded)) return [];
  const papers = passages.filter((passage) => passage.citation.section === PROCEDURE_SECTION_TITLES.thanhPhanHoSo);
  const lines: DraftLine[] = [];
  const seen = new Set<string>();
  for (const passage of papers) {
    const spaced = spacedLines(passage, false);
    for (const [index, line] of bodyLines(passage).entries()) {
      const words = spaced[index]!.trim().replace(/^[^a-z]+/, '').split(' ');
      const lead = KIND_WORDS.has(words[0] ?? '') ? words.slice(0, 2).join(' ') : (words[0] ?? '');
      if (lead.length < 2 || seen.has(line)) continue;
      const at = folded.indexOf(` ${lead} `);
      if (at === -1 || !ASKS_HOW.test(folded.slice(at + lead.length + 2))) continue;
      seen.add(line);
      lines.push({ text: line, passage });
    }
  }
  return lines.slice(0, MAX_FOCUS_LINES);
}

/** An age the question states (`17 tuổi`, `17 tuoi`). */
/** Ages a question states, in months: `17 tuổi`, `con 2 tuổi`, `bé 8 tháng tuổi`. */
const STATED_AGE = /(?<![\d.,])(\d{1,3}) (thang )?tuoi(?![a-z])/g;
/** An age range a clause sets: `từ đủ 16 tuổi đến dưới 18 tuổi`, `từ 15 tuổi đến chưa đủ 18 tuổi`. */
const AGE_RANGE = /(?:tu du|tu) (\d{1,3}) (thang )?tuoi (?:den|toi) (?:duoi|chua du) (\d{1,3}) (thang )?tuoi/g;
/** A single age bound: `dưới 18 tuổi`, `chưa đủ 14 tuổi`, `đủ 18 tuổi trở lên`, `dưới 36 tháng tuổi`. */
const AGE_BOUND = /(?:(?:tu du|tu|du) (\d{1,3}) (thang )?tuoi)|(?:(?:duoi|chua du) (\d{1,3}) (thang )?tuoi)/g;

const months = (count: string, unit: string | undefined): number => Number(count) * (unit ? 1 : 12);

/** The ages a question states, in months. */
export function statedAges(question: string): number[] {
  return [...fold(question).matchAll(STATED_AGE)].map((match) => months(match[1]!, match[2]));
}

/**
 * How closely the age bounds of a line hold one of the ages (months): the span of a range, the distance to a single
 * bound, the tightest over the line; undefined when no bound holds one. Each bound stands alone (`Người dưới 16 tuổi
 * … khi có người từ đủ 18 tuổi trở lên đi cùng` speaks of two people), a range (`từ đủ 16 tuổi đến dưới 18 tuổi`) is one.
 */
export function ageFit(line: string, ages: readonly number[]): number | undefined {
  const folded = fold(line);
  const spans: Array<[number, number]> = [];
  for (const range of folded.matchAll(AGE_RANGE)) spans.push([months(range[1]!, range[2]), months(range[3]!, range[4])]);
  for (const bound of folded.replace(AGE_RANGE, ' ').matchAll(AGE_BOUND)) {
    spans.push(bound[1] !== undefined ? [months(bound[1], bound[2]), Infinity] : [-Infinity, months(bound[3]!, bound[4])]);
  }
  let best: number | undefined;
  for (const [low, high] of spans) {
    for (const age of ages) {
      if (age < low || age >= high) continue;
      const width = low > -Infinity && high < Infinity ? high - low : low > -Infinity ? age - low : high - age;
      best = best === undefined ? width : Math.min(best, width);
    }
  }
  return best;
}

/** Days in a unit of time, folded. */
const UNIT_DAYS: Readonly<Record<string, number>> = { ngay: 1, tuan: 7, thang: 30, nam: 365 };
/** Numbers in words, folded (`năm` is also a year: only before a unit, and a year's number never follows it). */
const NUMBER_WORDS: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
/** A length of time a story states: `3 tháng`, `hơn một năm`, `1 tuần` (not `tháng thứ 5`, `năm 1998`). */
const STATED_DURATION = /(?<![\p{L}\p{N}])(\d{1,3}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (ngay|tuan|thang|nam)(?! thu| \d)(?![\p{L}\p{N}])/gu;
/** A length of time from which a rule applies: `từ 30 ngày trở lên`, `từ 12 tháng liên tục trở lên`. */
const DURATION_FLOOR = /tu (\d{1,3}) (ngay|thang|nam)(?: lien tuc)? tro len/g;

const count = (word: string): number => NUMBER_WORDS[word] ?? Number(word);

/** The lengths of time a question states, in days. */
export function statedDurations(question: string): number[] {
  return [...fold(question).matchAll(STATED_DURATION)].map((match) => count(match[1]!) * UNIT_DAYS[match[2]!]!);
}

/**
 * How closely a text's floors of time (`từ 12 tháng liên tục trở lên`) hold one of the durations (days): the least
 * distance above a floor; undefined when none holds one ("hơn một năm" is held by 12 tháng closer than by 01 ngày).
 */
export function durationFit(text: string, durations: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const floor of fold(text).matchAll(DURATION_FLOOR)) {
    const days = Number(floor[1]) * UNIT_DAYS[floor[2]!]!;
    for (const duration of durations) if (duration >= days) best = best === undefined ? duration - days : Math.min(best, duration - days);
  }
  return best;
}

/**
 * "Cháu tôi năm nay 17 tuổi …": the lines of the procedure whose age bounds hold the age stated (`Người từ đủ 16 tuổi
 * đến dưới 18 tuổi nếu được … cô, cậu, dì … nhận làm con nuôi`), closest bounds first.
 */
export function ageLines(question: string, passages: readonly Passage[]): DraftLine[] {
  const ages = statedAges(question);
  if (ages.length === 0) return [];
  const told = passages.filter((passage) => passage.citation.section !== PROCEDURE_SECTION_TITLES.canCuPhapLy);
  const found: Array<DraftLine & { width: number }> = [];
  const seen = new Set<string>();
  for (const passage of told) {
    for (const line of bodyLines(passage)) {
      if (seen.has(line)) continue;
      const width = ageFit(line, ages);
      if (width === undefined) continue;
      seen.add(line);
      found.push({ text: line, passage, width });
    }
  }
  return found
    .sort((a, b) => a.width - b.width || a.text.length - b.text.length)
    .slice(0, MAX_FOCUS_LINES)
    .map(({ text, passage }) => ({ text, passage }));
}

/** A passage's body lines spaced for whole-word look-ups, accented and folded (cached: folding is most of a turn's cost). */
const spacedOf = new WeakMap<Passage, { accented?: string[]; folded?: string[] }>();
function spacedLines(passage: Passage, accented: boolean): string[] {
  let entry = spacedOf.get(passage);
  if (!entry) spacedOf.set(passage, (entry = {}));
  const key = accented ? 'accented' : 'folded';
  return (entry[key] ??= bodyLines(passage).map((line) => (accented ? accentedForm(line) : fold(line))));
}

/** The formal reading of a country or nationality named in a question. */
const FOREIGN_PARTY = 'có yếu tố nước ngoài';
const FOREIGN_PERSON = 'người nước ngoài';

/** A line quoted whole up to this length; a longer one only by the sentence that names the situation. */
const MAX_SITUATION_LINE = 700;
/** A pair of words found in more lines than this is the procedure's common wording, not a situation. */
const MAX_PAIR_LINES = 2;

/**
 * The procedure's lines naming the situation the question tells: two of its topic words in a row
 * (as typed: accented words with their accents) that the procedure's name does not both have.
 */
export function situationLines(question: string, procedureName: string, passages: readonly Passage[]): DraftLine[] {
  const accented = hasDiacritics(question);
  const form = (text: string) => (accented ? accentedForm(text) : fold(text));
  const name = form(procedureName);
  const pairs = new Set<string>();
  // a party named by a country (`chồng em là người Hàn Quốc`) is what the procedure calls `người nước ngoài`
  const foreign = synonymExpansions(question).includes(FOREIGN_PARTY) ? [FOREIGN_PERSON] : [];
  for (const wording of [question, ...foreign]) {
    const tokens = topicTokens(wording);
    const words = tokens.map((token) => (accented ? token.typed : token.folded));
    for (let i = 0; i + 1 < words.length; i += 1) {
      const [first, second] = [words[i]!, words[i + 1]!];
      // two words the question has side by side (`kết hôn với người khác` has no pair `hôn người`)
      const adjacent = tokens[i + 1]!.position === tokens[i]!.position + 1;
      if (adjacent && first !== second && !(name.includes(` ${first} `) && name.includes(` ${second} `))) pairs.add(` ${first} ${second} `);
    }
  }
  if (pairs.size === 0) return [];
  const told = passages.filter((passage) => passage.citation.section !== PROCEDURE_SECTION_TITLES.canCuPhapLy);
  const lines = told.flatMap((passage) => {
    const spaced = spacedLines(passage, accented);
    // a line the overview cut (`…`) is quoted from its own section
    return bodyLines(passage)
      .map((text, index) => ({ text, passage, spaced: spaced[index]! }))
      .filter((line) => !line.text.endsWith('…'));
  });
  // each pair found in few lines, weighing more the fewer they are (a pair of one line names it alone)
  const found = new Map<string, number>();
  for (const pair of pairs) {
    const count = lines.filter((line) => line.spaced.includes(pair)).length;
    if (count > 0 && count <= MAX_PAIR_LINES) found.set(pair, 1 / count);
  }
  // the line naming most of the situation's pairs first; a long line by its sentence that names most
  const weighted = [...found];
  const named = (text: string) => {
    const spaced = form(text);
    return weighted.reduce((sum, [pair, weight]) => sum + (spaced.includes(pair) ? weight : 0), 0);
  };
  const quoted = lines
    .filter((line) => weighted.some(([pair]) => line.spaced.includes(pair)))
    .map((line) => {
      const sentences = line.text.split(/(?<=\.)\s+/u);
      const best = sentences.reduce((chosen, sentence) => (named(sentence) > named(chosen) ? sentence : chosen));
      const text = line.text.length <= MAX_SITUATION_LINE ? line.text : best;
      return { text, passage: line.passage, count: named(text) };
    })
    .filter((line, index, all) => all.findIndex((other) => other.text === line.text) === index);
  return quoted
    .sort((a, b) => b.count - a.count || a.text.length - b.text.length)
    .slice(0, MAX_FOCUS_LINES)
    .map(({ text, passage }) => ({ text, passage }));
}
