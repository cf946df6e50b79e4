import { fold } from './text-folding.js';

/** The procedure that records a divorce decided abroad (`Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn…`). */
export const DIVORCE_RECORD = /^ ghi vao so ho tich viec ly hon /;

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
  if (divorce < 0 || !(questionWords.has('nuoc') && questionWords.has('ngoai'))) return false;
  return folded.indexOf(' ket hon ', divorce + 1) > divorce;
}
