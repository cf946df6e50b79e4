import { nameKey } from './procedure-choice.js';
import { fold } from './text-folding.js';

/** What a name starts with that citizens leave out or say otherwise (`xin bản sao từ sổ gốc`). */
const LEADING = /^(?:(?:thu tuc|cap|dang ky|giai quyet) )+/;
/** Fewer words than this (`ket hon`, `khai sinh`) name a family of procedures, not one. */
const MIN_CORE_WORDS = 3;
/** An item of a listing name needs more (`bản sao giấy khai sinh`, not `cải chính`). */
const MIN_ITEM_WORDS = 4;
/** A list of acts opens with a bare verb of at most this many words (`Thay đổi`, `Cấp`). */
const VERB_WORDS = 2;

/**
 * Procedure names a question spells out: "xin bản sao từ sổ gốc" contains the core of `Cấp bản
 * sao từ sổ gốc` (its main name without the leading `cấp`, `đăng ký`, `thủ tục`). A name typed in
 * full is the plainest way to say which procedure is meant, however long the story around it;
 * the longest core found wins (`lại khai sinh có yếu tố nước ngoài` over `lại khai sinh`).
 */
export class SpelledNames {
  private readonly cores: Array<{ core: string; name: string }>;

  constructor(names: readonly string[]) {
    const seen = new Set<string>();
    this.cores = [];
    for (const name of names) {
      const main = name.replace(/\([^)]*\)/g, ' ');
      // a name listing the acts it covers (`Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân
      // tộc`: it opens with a bare verb) is named by any act of the list long enough to tell (`xác định lại dân
      // tộc`); a list of things (`… cho người đã có hồ sơ, giấy tờ cá nhân`) is not one of acts
      const [opening, ...rest] = main.split(/[,;]/);
      const acts = nameKey(opening ?? '').split(' ').length <= VERB_WORDS ? [...rest.map(nameKey), ...sharedObjectActs([opening ?? '', ...rest].map(nameKey))] : [];
      // the act keeps its verb: `giấy chứng nhận quyền sử dụng đất` alone names a paper, not `cấp` it
      // an opening item ending in the category `hộ tịch` is named by the events it covers (not by itself:
      // `chứng thực hợp đồng` opens several names)
      const opened = nameKey(opening ?? '').replace(LEADING, '').trim();
      const events = rest.length > 0 ? withEvents(opened).slice(1) : [];
      const items = [...[nameKey(main).replace(LEADING, '').trim(), ...acts].flatMap(withEvents), ...events];
      items.forEach((core, i) => {
        if (core.split(' ').length < (i === 0 ? MIN_CORE_WORDS : MIN_ITEM_WORDS) || seen.has(core)) return;
        seen.add(core);
        this.cores.push({ core: ` ${core} `, name });
      });
    }
    this.cores.sort((a, b) => b.core.length - a.core.length);
  }

  /**
   * The longest core the question contains as typed, with a name that has it (not its formal
   * rewording: `ở Nhật` read as `có yếu tố nước ngoài` is not a name the citizen typed).
   */
  find(question: string): { core: string; name: string } | undefined {
    const folded = fold(question);
    const found = this.cores.find(({ core }) => folded.includes(core));
    return found ? { core: found.core.trim(), name: found.name } : undefined;
  }
}

/**
 * The bare verbs of a list of acts with the object they share: in `Thay đổi, cải chính, bổ sung
 * thông tin hộ tịch` the object `thông tin hộ tịch` follows the first long act, after a verb as long
 * as the bare ones (two words here), so `thay đổi thông tin hộ tịch` and `cải chính thông tin hộ
 * tịch` are acts of the name too.
 */
function sharedObjectActs(items: readonly string[]): string[] {
  const words = items.map((item) => item.split(' ').filter(Boolean));
  const bare = words.filter((item) => item.length > 0 && item.length <= VERB_WORDS);
  const long = words.find((item) => item.length > VERB_WORDS);
  if (bare.length === 0 || !long) return [];
  const verbLength = bare.filter((item) => item.length === VERB_WORDS).length * 2 >= bare.length ? VERB_WORDS : 1;
  const object = long.slice(verbLength).join(' ');
  return bare.map((verb) => `${verb.join(' ')} ${object}`);
}

/** Civil-status events: what `hộ tịch` stands for in a name. */
const EVENTS = ['khai sinh', 'ket hon', 'khai tu', 'nhan cha me con', 'giam ho', 'nuoi con nuoi', 'ly hon'];

/**
 * An item ending in the category `hộ tịch` (`bản sao trích lục hộ tịch`) is also named with one of the
 * events it covers in its place (`bản sao trích lục kết hôn`).
 */
function withEvents(item: string): string[] {
  if (!item.endsWith(' ho tich')) return [item];
  const stem = item.slice(0, -' ho tich'.length);
  return [item, ...EVENTS.map((event) => `${stem} ${event}`)];
}
