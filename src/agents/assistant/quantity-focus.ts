import type { Passage } from '../../retrieval/index.js';
import { bodyLines, type DraftLine } from './procedure-answer.composer.js';
import { fold } from './text-folding.js';

/**
 * "Được mấy bản?", "nộp bao nhiêu bộ?", "cần mấy người làm chứng?": a question about a count.
 * The aspect sections rarely state it; a note somewhere in the procedure does ("chỉ cấp 01 bản",
 * "01 bộ hồ sơ"). The lines of the procedure that give a number of the thing asked about are
 * quoted first, with their passages, so the citation check sees them verbatim.
 */

/** Counted things a citizen asks about, folded. */
const COUNTED = ['ban', 'bo', 'nguoi', 'trang', 'to', 'cuon', 'anh', 'lan', 'nam', 'thang', 'ngay'];
const NUMBER_WORDS = ['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi'];
/** The counts a text can ask for with `ngày`, `tháng`, `năm` are times and terms: the aspects answer those. */
const ASKED = new RegExp(` (?:may|bao nhieu) (${COUNTED.filter((word) => !['nam', 'thang', 'ngay', 'lan'].includes(word)).join('|')}) `);

/** The counted thing a question asks about (`ban`), if it asks for a count. */
export function countedThing(question: string): string | undefined {
  return ASKED.exec(fold(question))?.[1];
}

const MAX_FOCUS_LINES = 2;

/**
 * Lines of the procedure that give a number of `thing` (`01 bản`, `một bộ`), best first. Asked
 * about the result (`được cấp mấy bản?`), only a count that is issued (`cấp 01 bản`) answers: the
 * number of copies of a paper to hand in is another count.
 */
export function quantityLines(thing: string, passages: readonly Passage[], issued = false): DraftLine[] {
  const count = `(?:\\d{1,3}|${NUMBER_WORDS.join('|')}) ${thing} `;
  const counted = new RegExp(issued ? ` (?:cap|tra|nhan|duoc)(?: \\S+){0,2} ${count}` : ` ${count}`);
  const lines: DraftLine[] = [];
  const seen = new Set<string>();
  for (const passage of passages) {
    for (const line of bodyLines(passage)) {
      if (seen.has(line) || !counted.test(fold(line))) continue;
      seen.add(line);
      lines.push({ text: line, passage });
    }
  }
  // a short line that states the count is a better answer than a long list that mentions one
  return lines.sort((a, b) => a.text.length - b.text.length).slice(0, MAX_FOCUS_LINES);
}
