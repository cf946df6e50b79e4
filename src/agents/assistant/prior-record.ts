import { saysForeign } from './question-text.js';
import { fold, foldSpoken } from './text-folding.js';

/** The procedure that records a divorce decided abroad (`Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn…`). */
const DIVORCE_RECORD = { name: /^ ghi vao so ho tich viec ly hon /, query: 'Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn' };

/** A procedure the story's case requires: the folded start of its name and the words to look it up with. */
export interface RequiredProcedure {
  name: RegExp;
  query: string;
}

/** The procedure civil-status law makes the story's case, if one of the rules below applies (`chosen`: the name retrieval chose). */
export function requiredProcedure(question: string, questionWords: ReadonlySet<string>, chosen = ''): RequiredProcedure | undefined {
  if (divorcedAbroad(question, questionWords)) return DIVORCE_RECORD;
  return unmarriedParents(question, questionWords) ?? combinedNotMeant(question, chosen) ?? papersWithoutBirth(question, questionWords, chosen);
}

/** A birth registration chosen (`Đăng ký khai sinh`, `Đăng ký lại khai sinh`, the one for people with papers, their foreign variants). */
const BIRTH_CHOSEN = /^ dang ky (?:lai )?khai sinh(?: co yeu to nuoc ngoai)?(?: cho nguoi da co ho so giay to ca nhan)? $/;
/** The story says the person was never registered at birth ("chưa từng làm giấy khai sinh", "chưa hề có khai sinh"). */
const NEVER_BORN_REGISTERED = / (?:chua|khong) (?:[a-z]+ ){0,4}?(?:giay )?khai sinh /;
/** …and holds papers of their own: an identity card, a passport, a household book. */
const PERSONAL_PAPERS = / (?:can cuoc|cccd|cmnd|chung minh nhan dan|chung minh thu|ho chieu|so ho khau|ho khau|giay to ca nhan|giay to tuy than) /;

/**
 * A person never registered at birth who already has papers of their own (an identity card, a
 * passport: "ông ngoại sinh năm 1948, có thẻ căn cước nhưng chưa từng có giấy khai sinh") is
 * registered by `Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân`, not by the plain
 * registration or the re-registration; living abroad, by its foreign variant.
 */
export function papersWithoutBirth(question: string, questionWords: ReadonlySet<string>, chosen: string): RequiredProcedure | undefined {
  const folded = foldSpoken(question);
  if (!BIRTH_CHOSEN.test(fold(chosen)) || !NEVER_BORN_REGISTERED.test(folded) || !PERSONAL_PAPERS.test(folded)) return undefined;
  const foreign = saysForeign(questionWords);
  return foreign
    ? { name: /^ dang ky khai sinh co yeu to nuoc ngoai cho nguoi da co ho so giay to ca nhan $/, query: 'Đăng ký khai sinh có yếu tố nước ngoài cho người đã có hồ sơ, giấy tờ cá nhân' }
    : { name: /^ dang ky khai sinh cho nguoi da co ho so giay to ca nhan $/, query: 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân' };
}

/**
 * A Vietnamese citizen's divorce decided abroad is recorded in the civil-status book (ghi chú ly hôn)
 * before a new marriage is registered in Viet Nam. A question that tells of a divorce abroad and then
 * of marrying again ("đã ly hôn ở Đài Loan, giờ về quê muốn đăng ký kết hôn") asks first for that
 * record. `questionWords` are the question's folded words with informal ones read formally (a country
 * reads as `có yếu tố nước ngoài`).
 */
export function divorcedAbroad(question: string, questionWords: ReadonlySet<string>): boolean {
  const folded = fold(question);
  const divorce = folded.indexOf(' ly hon ');
  if (divorce < 0 || !saysForeign(questionWords)) return false;
  return folded.indexOf(' ket hon ', divorce + 1) > divorce;
}

/** The question speaks of recognising a parent ("nhận cha", "có tên tôi là cha"). */
const RECOGNISING = / (?:nhan|cong nhan|ket hop|la (?:cha|bo|me)) /;
const COMBINED = /^ dang ky khai sinh ket hop dang ky nhan cha me con( co yeu to nuoc ngoai)? $/;

/**
 * The birth registration combined with recognising a parent is for a child not yet registered whose
 * parent is recognised: once the child has a birth certificate ("giấy khai sinh chưa có tên cha"),
 * the recognition alone is meant; when the question says nothing of recognising (`nhận`: "bố cháu là
 * người Hàn Quốc, cần nộp giấy gì?", where `bố`, `mẹ`, `con` only name the family), the birth
 * registration alone (unless the parents are unmarried). The foreign qualifier of the chosen name is kept.
 */
export function combinedNotMeant(question: string, chosen: string): RequiredProcedure | undefined {
  const combined = COMBINED.exec(fold(chosen));
  if (!combined) return undefined;
  const foreign = combined[1] !== undefined;
  const folded = foldSpoken(question);
  const suffix = foreign ? ' co yeu to nuoc ngoai' : '';
  const qualifier = foreign ? ' có yếu tố nước ngoài' : '';
  if (BIRTH_REGISTERED.test(folded)) return { name: new RegExp(`^ dang ky nhan cha me con${suffix} $`), query: `Đăng ký nhận cha, mẹ, con${qualifier}` };
  if (!RECOGNISING.test(folded) && !UNMARRIED.test(folded)) return { name: new RegExp(`^ dang ky khai sinh${suffix} $`), query: `Đăng ký khai sinh${qualifier}` };
  return undefined;
}

const UNMARRIED = / (?:chua|khong) (?:dang ky )?(?:ket hon|cuoi|cuoi hoi|lay nhau) /;
const FATHER_NAMED = / (?:ten (?:[a-z]+ ){0,2}?(?:bo|cha|ba)|nhan con|nhan cha|cha con|bo con) /;
/** The child already has a birth certificate ("giấy khai sinh chỉ có tên mẹ", "đã có khai sinh", "khai sinh chưa có tên cha"). */
const BIRTH_REGISTERED =
  / (?:(?:da|duoc) (?:co |lam )?(?:giay )?khai sinh|khai sinh (?:[a-z]+ ){0,3}?(?:co|ghi|de) ten me|khai sinh (?:[a-z]+ ){0,2}?(?:chua|khong) (?:co |ghi )?ten (?:cha|bo|me)|(?:bo|de) trong (?:phan )?(?:ten )?(?:cha|bo)) /;

/**
 * Parents who never registered their marriage and want the father recognised: before the birth is
 * registered, the birth registration combined with recognising the father (`Đăng ký khai sinh kết
 * hợp đăng ký nhận cha, mẹ, con`); once the child has a birth certificate, the recognition alone
 * (`Đăng ký nhận cha, mẹ, con`); with a foreign party, their variants `có yếu tố nước ngoài`.
 */
export function unmarriedParents(question: string, questionWords: ReadonlySet<string>): RequiredProcedure | undefined {
  const folded = foldSpoken(question);
  if (!UNMARRIED.test(folded) || !FATHER_NAMED.test(folded)) return undefined;
  const foreign = saysForeign(questionWords);
  const suffix = foreign ? ' co yeu to nuoc ngoai' : '';
  const combined = !BIRTH_REGISTERED.test(folded) && folded.includes(' khai sinh ');
  const start = combined ? ' dang ky khai sinh ket hop dang ky nhan cha me con' : ' dang ky nhan cha me con';
  const query = `${combined ? 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con' : 'Đăng ký nhận cha, mẹ, con'}${foreign ? ' có yếu tố nước ngoài' : ''}`;
  return { name: new RegExp(`^${start}${suffix} $`), query };
}
