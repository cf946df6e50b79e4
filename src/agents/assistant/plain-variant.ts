import { PROCEDURE_DOCUMENT_KINDS } from '../../ingest/structure/index.js';
import type { SearchResult } from '../../retrieval/index.js';
import { nameKey, type Candidate } from './procedure-choice.js';
import { saysForeign } from './question-text.js';
import { fold, foldSpoken } from './text-folding.js';

/** The qualifier of the civil-status procedures with a foreign party. */
const FOREIGN = /\s+có yếu tố nước ngoài(?=\s|$|,)/iu;

/**
 * The plain procedure of a family (`Đăng ký giám hộ`) when retrieval's choice carries the foreign
 * qualifier (`Đăng ký giám hộ có yếu tố nước ngoài`) and the question says nothing foreign — no
 * `nước ngoài`, no country, no nationality (read formally, those are in `questionWords`). A long
 * story about an orphaned nephew can pull the foreign variant first; the plain one may not even be
 * among the candidates, so it is looked up by its name, in the same collection. The other way round, a
 * procedure named domestic (`… trong nước`) for a question that says something foreign gives way to its
 * foreign member.
 */
export async function findPlainVariant(
  search: (query: string, kind: string) => Promise<SearchResult[]>,
  candidate: Candidate,
  questionWords: ReadonlySet<string>,
  question = '',
): Promise<Candidate | undefined> {
  const foreignAsked = saysForeign(questionWords);
  const kind = candidate.provincial ? PROCEDURE_DOCUMENT_KINDS.provincial : PROCEDURE_DOCUMENT_KINDS.national;
  // the other way round: a procedure named domestic (`… trong nước`) for a question that says something foreign
  if (foreignAsked && DOMESTIC.test(candidate.name)) return foreignMember(search, candidate, kind);
  const foreign = FOREIGN.test(candidate.name) && !foreignAsked;
  const first = !foreign && (neverDone(question, candidate.name) || (REREGISTRATION.test(candidate.name) && !saysAgain(question)));
  const mobile = !foreign && !first && MOBILE.test(candidate.name) && !saysMobile(question, questionWords);
  if (!foreign && !first && !mobile) return undefined;
  const plainName = candidate.name.replace(first ? AGAIN : mobile ? MOBILE : FOREIGN, ' ').replace(/\s+/g, ' ').trim();
  const key = nameKey(plainName);
  const found = asCandidate(candidate);
  const results = (await search(plainName, kind)).filter((result) => result.procedure && result.document.kind === kind);
  const same = results.find((result) => nameKey(result.procedure!.name) === key);
  if (same) return found(same);
  // a family whose plain member is named differently: the one that says it is domestic (`Đăng ký việc nuôi
  // con nuôi trong nước` beside `Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với…`), sharing
  // three words in a row with the foreign one's name
  const domestic = (await search(`${plainName} trong nước`, kind)).find(
    (result) => result.procedure && result.document.kind === kind && DOMESTIC.test(result.procedure.name) && sharesRun(result.procedure.name, plainName, 3),
  );
  return domestic ? found(domestic) : undefined;
}

const DOMESTIC = /\strong nước(?=\s|$|,)/iu;

/** The qualifier of a registration the officer comes to do where the citizen is (`Đăng ký khai tử lưu động`). */
const MOBILE = /\s+lưu động(?=\s|$|,)/iu;

/**
 * Whether the question asks for a mobile registration: says `lưu động` (or `tận nhà`, read formally as it), or a
 * case the law registers where the person is — old and frail, bedridden, seriously ill, disabled, in prison —
 * or asks for it at home (`đăng ký … tại nhà`; not `mất tại nhà`, `sinh tại nhà`: where it happened).
 */
export function saysMobile(question: string, questionWords: ReadonlySet<string>): boolean {
  if (questionWords.has('luu') && questionWords.has('dong')) return true;
  const folded = foldSpoken(question);
  if (/ (?:luu dong|tan nha|tan noi|gia yeu|liet giuong|om nang|benh nang|khuyet tat|trai giam|chap hanh an|khong (?:the )?di lai) /.test(folded)) return true;
  return / tai (?:nha|gia) /.test(folded) && !/ (?:mat|chet|qua doi|sinh|de|o|song) tai (?:nha|gia) /.test(folded);
}

/** A search result as a candidate in `candidate`'s place. */
const asCandidate =
  (candidate: Candidate) =>
  (result: SearchResult): Candidate => ({
    documentId: result.document.id,
    code: result.procedure!.code,
    name: result.procedure!.name,
    rank: candidate.rank,
    score: result.score,
    provincial: candidate.provincial,
  });

/**
 * The member with a foreign party of a domestic procedure's family (`Giải quyết việc nuôi con nuôi có yếu
 * tố nước ngoài…` for `Đăng ký việc nuôi con nuôi trong nước`): named foreign, sharing three words in a row.
 */
async function foreignMember(search: (query: string, kind: string) => Promise<SearchResult[]>, candidate: Candidate, kind: string): Promise<Candidate | undefined> {
  const base = candidate.name.replace(DOMESTIC, ' ').replace(/\s+/g, ' ').trim();
  const member = (await search(`${base} có yếu tố nước ngoài`, kind)).find(
    (result) => result.procedure && result.document.kind === kind && FOREIGN.test(result.procedure.name) && sharesRun(result.procedure.name, base, 3),
  );
  return member ? asCandidate(candidate)(member) : undefined;
}

/** A second registration of a civil-status event (`Đăng ký lại kết hôn`), not a reissue (`Cấp lại …`). */
const REREGISTRATION = /^đăng ký lại\s/iu;

/** The word that makes a procedure a second registration (`Đăng ký lại khai sinh`). */
const AGAIN = /(?<=^|\s)lại(?=\s)/iu;

/**
 * Whether the question says the thing a re-registration repeats was never done: "vẫn chưa làm giấy
 * khai sanh", "chưa từng đăng ký kết hôn" — then `Đăng ký lại khai sinh` is not meant, its plain
 * procedure is. The thing is the two words after `lại` in the name.
 */
export function neverDone(question: string, name: string): boolean {
  if (!AGAIN.test(name)) return false;
  const after = fold(name.split(AGAIN)[1] ?? '').trim().split(' ').slice(0, 2).join(' ');
  if (after.split(' ').length < 2) return false;
  const folded = foldSpoken(question);
  return new RegExp(` chua (?:[a-z]+ ){0,4}?${after} `).test(folded);
}

/**
 * Signs that what a re-registration repeats was done before (besides `lại`, see SAID_AGAIN): lost, destroyed, damaged or gone
 * (`tiêu hủy`, `bị mất`, `mất giấy`, not `mất bao nhiêu ngày`; `thất lạc`, `hư`, `rách`, `cháy`, `mối ăn`, `không còn`), the original or its register (`bản gốc`, `sổ gốc`),
 * registered before (`đã đăng ký`, `trước đây`, `hồi đó`, a year: `năm 1992`, `từ năm`).
 */
const DONE_BEFORE = / (?:tieu huy|(?:bi|lam|danh) mat|mat (?:giay|het|so|ban|roi)|that lac|hu|hong|rach|chay|moi an|khong con|ban goc|so goc|ban chinh|da dang ky|truoc day|hoi do|hoi truoc|ngay xua|nam \d{4}|tu nam) /;

/** Whether the question gives a sign that the thing a re-registration repeats was done before (see DONE_BEFORE). */
export function saysAgain(question: string): boolean {
  const folded = foldSpoken(question);
  return SAID_AGAIN.test(folded) || DONE_BEFORE.test(folded);
}

/** `lại` of a deed done once more (`làm lại`, `kết hôn lại`), not of a correction (`sửa lại`, `đổi lại`). */
const SAID_AGAIN = /(?<! sua| doi| xem| noi| hoi) lai /;

/** Whether two names share `length` words in a row (case-insensitive). */
function sharesRun(first: string, second: string, length: number): boolean {
  const words = (text: string) => text.toLowerCase().split(/[\s,()]+/u).filter(Boolean);
  const runs = (list: string[]) => new Set(list.slice(0, list.length - length + 1).map((_, index) => list.slice(index, index + length).join(' ')));
  const theirs = runs(words(second));
  return [...runs(words(first))].some((run) => theirs.has(run));
}
