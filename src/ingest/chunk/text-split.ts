/**
 * Splitting helpers used only when a structural unit is too long on its own: pack whole
 * units first, then sentences, and cut inside a sentence (at a space) only as a last resort.
 */

/** Sentence-ish pieces: after . ; ! ? or a line break, before an upper-case letter or a list marker. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.;!?])\s+(?=[\p{Lu}\-+•(“"])/u)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/** Cuts `text` at spaces into pieces of at most `max` characters (a single longer word stays whole). */
export function splitAtSpaces(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/u)) {
    if (current !== '' && current.length + 1 + word.length > max) {
      pieces.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Greedily groups consecutive items so each group's joined length stays within `budget`. */
export function packConsecutive<T>(items: readonly T[], size: (item: T) => number, budget: number, separator = 1): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let length = 0;
  for (const item of items) {
    const itemSize = size(item);
    if (group.length > 0 && length + separator + itemSize > budget) {
      groups.push(group);
      group = [];
      length = 0;
    }
    length += (group.length > 0 ? separator : 0) + itemSize;
    group.push(item);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Like `packConsecutive`, but spreads the items over the same number of groups more evenly,
 * so a long article becomes two chunks of ~750 characters rather than 1,470 + 30.
 */
export function packBalanced<T>(items: readonly T[], size: (item: T) => number, budget: number, separator = 1): T[][] {
  const greedy = packConsecutive(items, size, budget, separator);
  if (greedy.length <= 1) return greedy;
  const total = items.reduce((sum, item) => sum + size(item) + separator, 0);
  for (let target = Math.ceil(total / greedy.length); target < budget; target += Math.max(1, Math.ceil(budget / 20))) {
    const balanced = packConsecutive(items, size, target, separator);
    if (balanced.length === greedy.length) return balanced;
  }
  return greedy;
}

/** Text within `budget`: sentences packed together, over-long sentences cut at spaces. */
export function splitToBudget(text: string, budget: number): string[] {
  if (text.length <= budget) return [text];
  const sentences = splitSentences(text).flatMap((sentence) => (sentence.length > budget ? splitAtSpaces(sentence, budget) : [sentence]));
  return packBalanced(sentences, (sentence) => sentence.length, budget).map((group) => group.join('\n'));
}

/** "a, b và c" — the way Vietnamese citations enumerate clauses and points. */
export function enumerateVietnamese(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;
}
