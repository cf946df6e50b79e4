import { nameKey } from './procedure-choice.js';
import { fold } from './text-folding.js';

/** What a name starts with that citizens leave out or say otherwise (`xin bản sao từ sổ gốc`). */
const LEADING = /^(?:(?:thu tuc|cap|dang ky|giai quyet) )+/;
/** Fewer words than this (`ket hon`, `khai sinh`) name a family of procedures, not one. */
const MIN_CORE_WORDS = 3;

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
      const core = nameKey(name.replace(/\([^)]*\)/g, ' ')).replace(LEADING, '').trim();
      if (core.split(' ').length < MIN_CORE_WORDS || seen.has(core)) continue;
      seen.add(core);
      this.cores.push({ core: ` ${core} `, name });
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
