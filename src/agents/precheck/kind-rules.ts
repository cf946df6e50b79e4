import type { DocumentKind } from './precheck.types.js';
import { foldAligned } from './vietnamese-text.js';

/**
 * Rules that name a document kind from what is printed on the page. They are trusted over the
 * classifier when they fire: a title line such as "GIẤY CHỨNG SINH" or a form code such as
 * "Mẫu CT01" is the document saying what it is. Patterns work on folded (no diacritics, lower
 * case) text, so OCR that loses tone marks still matches.
 */

export interface KindRuleHit {
  kind: DocumentKind;
  confidence: number;
  formCode?: string;
  /** Folded title line that fired. */
  title: string;
  /** `marker`: only phrases printed on cards were seen, anywhere in the head of the page. */
  basis?: 'title' | 'form-code' | 'marker';
}

/** Ordered: the first title pattern that matches a heading line wins (tờ khai before trích lục…). */
const TITLE_RULES: { kind: DocumentKind; pattern: RegExp }[] = [
  { kind: 'to_khai', pattern: /^(?:to khai|don (?:de nghi|xin|dang ky)|phieu (?:yeu cau|de nghi))\b/u },
  { kind: 'giay_chung_sinh', pattern: /^giay chung sinh\b/u },
  { kind: 'giay_chung_nhan_ket_hon', pattern: /^(?:ban sao )?giay chung nhan ket hon\b/u },
  { kind: 'trich_luc_ho_tich', pattern: /^(?:ban sao )?trich luc\b/u },
  { kind: 'giay_uy_quyen', pattern: /^(?:giay|hop dong|van ban) uy quyen\b/u },
  { kind: 'van_ban_cam_doan', pattern: /^(?:van ban|giay|ban|loi) cam (?:doan|ket)\b/u },
  {
    kind: 'giay_to_cu_tru',
    pattern: /^(?:(?:giay |van ban )?xac nhan (?:thong tin ve )?cu tru|thong bao (?:ve )?(?:ket qua giai quyet|thong tin ve) cu tru|hop dong (?:thue|cho thue|muon|cho muon|cho o nho)|giay (?:to )?(?:chung minh )?cho o hop phap|giay chung nhan quyen (?:su dung dat|so huu nha))/u,
  },
  { kind: 'can_cuoc', pattern: /^(?:the )?(?:can cuoc(?: cong dan)?|chung minh nhan dan|giay chung nhan can cuoc)\b/u },
];

/** Phrases printed on identity cards wherever the title line sits (cards are small and OCR scatters them). */
const CARD_MARKERS = /(?:can cuoc cong dan|citizen identity card|identity card|chung minh nhan dan|co gia tri den|date of expiry)/u;

const FORM_CODE = /\bmau\s*(?:so\s*)?[:.]?\s*((?:ct|dc|tk|hk|na)\s*0?\d{1,2}[a-z]?)\b/u;

function headingLines(text: string, limit: number): string[] {
  return text
    .split(/\n/u)
    .map((line) => foldAligned(line).replace(/[^a-z0-9\s,]/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 2)
    .slice(0, limit);
}

/** National motto lines sit above every title; they say nothing about the kind. */
const BOILERPLATE = /^(?:cong hoa xa hoi chu nghia viet nam|doc lap tu do hanh phuc|doc lap, tu do, hanh phuc|socialist republic of viet nam|independence freedom happiness)/u;

export function classifyByRules(text: string): KindRuleHit | undefined {
  const folded = foldAligned(text);
  const form = FORM_CODE.exec(folded);
  const formCode = form?.[1] ? form[1].replace(/\s+/g, '').toUpperCase() : undefined;
  const lines = headingLines(text, 14).filter((line) => !BOILERPLATE.test(line));
  for (const line of lines) {
    for (const rule of TITLE_RULES) {
      if (rule.pattern.test(line)) {
        // a short line is a title; a long one is a sentence that happens to start with the words
        const confidence = line.length <= 80 ? 0.97 : 0.8;
        const hit: KindRuleHit = { kind: rule.kind, confidence, title: line, basis: 'title' };
        if (rule.kind === 'to_khai' && formCode) hit.formCode = formCode;
        return hit;
      }
    }
  }
  if (formCode) return { kind: 'to_khai', confidence: 0.95, formCode, title: `mau ${formCode.toLowerCase()}`, basis: 'form-code' };
  const head = lines.slice(0, 10).join(' ');
  if (CARD_MARKERS.test(head)) return { kind: 'can_cuoc', confidence: 0.9, title: head.slice(0, 80), basis: 'marker' };
  return undefined;
}

/** A page that opens with a heading of its own starts a new document inside a multi-document file. */
export function startsNewDocument(text: string): boolean {
  const lines = headingLines(text, 6);
  if (lines.some((line) => BOILERPLATE.test(line))) return true;
  // card phrases also appear in the notes of a form's last page ("số Căn cước công dân…"): a page
  // starts a new document on a title or form code, not on those phrases alone
  const hit = classifyByRules(text);
  if (!hit || hit.basis === 'marker') return false;
  // …and a title is printed in capitals: a wrapped sentence of notes that happens to begin with
  // "chứng minh nhân dân" or "trích lục" is not one
  return hit.basis !== 'title' || text.split(/\n/u).some((line) => foldCompact(line) === hit.title && mostlyCapitals(line));
}

function foldCompact(line: string): string {
  return foldAligned(line).replace(/[^a-z0-9\s,]/g, ' ').replace(/\s+/g, ' ').trim();
}

function mostlyCapitals(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  const capitals = letters.filter((letter) => letter !== letter.toLocaleLowerCase('vi')).length;
  return letters.length > 0 && capitals >= 0.7 * letters.length;
}

/** Markers that a document may not be certified as a copy (Nghị định 23/2015/NĐ-CP, Điều 22). */
export function forbiddenForCopyCertification(text: string): string | undefined {
  const folded = foldAligned(text);
  if (/\bkhong (?:duoc )?sao chup\b|\bcam sao chup\b/u.test(folded)) return 'ghi rõ không được sao chụp';
  if (/(?:^|\n)\s*(?:mat|toi mat|tuyet mat)\s*(?:\n|$)|dong dau mat|\bdo mat\s*:/u.test(folded)) return 'đóng dấu mật';
  return undefined;
}
