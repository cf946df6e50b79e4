/**
 * Personal data patterns protected under Nghị định 13/2023/NĐ-CP: citizen ID numbers
 * (căn cước / CCCD: 12 digits; old CMND: 9 digits), Vietnamese phone numbers and e-mail addresses.
 * Used by the logger (redaction) and, later, by the assistant's guardrails.
 */

export type PersonalDataKind = 'cccd' | 'cmnd' | 'phone' | 'email';

interface Pattern {
  kind: PersonalDataKind;
  regex: RegExp;
  replacement: string;
}

// Order matters: e-mail first (it may contain digits), phone before the bare 9/12-digit ids
// because a phone number starting with 0 is 10 digits and would otherwise be cut.
const patterns: Pattern[] = [
  { kind: 'email', regex: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, replacement: '[EMAIL]' },
  {
    kind: 'phone',
    regex: /(?<![\p{N}])(?:\+84|0084|84|0)[\s.-]?(?:[35789]\d|2\d)(?:[\s.-]?\d){7,8}(?![\p{N}])/gu,
    replacement: '[SĐT]',
  },
  { kind: 'cccd', regex: /(?<![\p{N}])\d{12}(?![\p{N}])/gu, replacement: '[CCCD]' },
  { kind: 'cmnd', regex: /(?<![\p{N}])\d{9}(?![\p{N}])/gu, replacement: '[CMND]' },
];

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

/** Finds personal data in a text (spans refer to the original text). */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const taken: [number, number][] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      findings.push({ kind: pattern.kind, start, end });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** Replaces personal data with a placeholder naming its kind, e.g. `[CCCD]`. */
export function redactPersonalData(text: string): string {
  let result = text;
  for (const pattern of patterns) result = result.replace(pattern.regex, pattern.replacement);
  return result;
}

/** Deeply redacts every string inside a JSON-like value (used by the log formatter). */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (depth > 8) return value;
  if (typeof value === 'string') return redactPersonalData(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    if (value instanceof Error) {
      return { type: value.name, message: redactPersonalData(value.message), stack: value.stack && redactPersonalData(value.stack) };
    }
    const output: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) output[key] = redactDeep(item, depth + 1);
    return output;
  }
  return value;
}
