import { foldForCompare } from '../../src/agents/precheck/vietnamese-text.js';

/** Field values compare like the consistency check does: names and places without case or diacritics. */
export function sameValue(a: string, b: string): boolean {
  return foldForCompare(a) === foldForCompare(b);
}

export interface FieldCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Adds one document's fields: a wrong value is both a false positive and a false negative. */
export function countFields(counts: Map<string, FieldCounts>, truth: Record<string, string>, extracted: Map<string, string>): void {
  for (const [name, expected] of Object.entries(truth)) {
    const entry = counts.get(name) ?? { tp: 0, fp: 0, fn: 0 };
    const got = extracted.get(name);
    if (got === undefined) entry.fn += 1;
    else if (sameValue(got, expected)) entry.tp += 1;
    else {
      entry.fp += 1;
      entry.fn += 1;
    }
    counts.set(name, entry);
  }
}

export function f1(counts: FieldCounts): number {
  const precision = counts.tp + counts.fp === 0 ? 0 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 0 : counts.tp / (counts.tp + counts.fn);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function microF1(all: Iterable<FieldCounts>): number {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const counts of all) {
    sum.tp += counts.tp;
    sum.fp += counts.fp;
    sum.fn += counts.fn;
  }
  return f1(sum);
}

export class ConfusionMatrix {
  readonly cells = new Map<string, number>();
  constructor(readonly labels: readonly string[]) {}
  add(truth: string, predicted: string): void {
    const key = `${truth}\u0000${predicted}`;
    this.cells.set(key, (this.cells.get(key) ?? 0) + 1);
  }
  get(truth: string, predicted: string): number {
    return this.cells.get(`${truth}\u0000${predicted}`) ?? 0;
  }
  total(): number {
    let total = 0;
    for (const count of this.cells.values()) total += count;
    return total;
  }
  accuracy(): number {
    let right = 0;
    let total = 0;
    for (const [key, count] of this.cells) {
      const [truth, predicted] = key.split('\u0000');
      total += count;
      if (truth === predicted) right += count;
    }
    return total === 0 ? 0 : right / total;
  }
  toMarkdown(): string {
    const used = this.labels.filter((label) => [...this.cells.keys()].some((key) => key.split('\u0000').includes(label)));
    const header = `| truth \\ predicted | ${used.join(' | ')} |\n|---|${used.map(() => '---:').join('|')}|`;
    const rows = used.map((truth) => `| ${truth} | ${used.map((predicted) => this.get(truth, predicted) || '').join(' | ')} |`);
    return [header, ...rows].join('\n');
  }
  toJson(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const truth of this.labels) for (const predicted of this.labels) {
      const count = this.get(truth, predicted);
      if (count) (out[truth] ??= {})[predicted] = count;
    }
    return out;
  }
}
