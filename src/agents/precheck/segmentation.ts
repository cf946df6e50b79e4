import type { TextClassifier } from '../../providers/classifier/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from './precheck.types.js';
import { classifyByRules, startsNewDocument } from './kind-rules.js';
import type { ReadPage } from './dossier-file.reader.js';

/**
 * Splits a file into documents by page ranges and names each one's kind. A page that opens with a
 * heading of its own (national motto, a recognised title, a form code) starts a new document; other
 * pages continue the one before (page 2 of a form, the back of a card). The kind comes from the
 * rules when they fire, otherwise from the classifier.
 */

export interface PageRange {
  from: number;
  to: number;
  pages: ReadPage[];
  kind: DocumentKind;
  confidence: number;
  method: 'rule' | 'model';
  formCode?: string;
}

/** Below this the classifier's answer is not trusted and the document counts as "khác". */
export const MODEL_MIN_CONFIDENCE = 0.45;

function isKind(label: string): label is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(label);
}

export async function segmentPages(pages: readonly ReadPage[], classifier: TextClassifier | null): Promise<PageRange[]> {
  const groups: ReadPage[][] = [];
  for (const page of pages) {
    const current = groups[groups.length - 1];
    if (!current || startsNewDocument(page.text)) groups.push([page]);
    else current.push(page);
  }
  const ranges: PageRange[] = groups.map((group) => {
    const first = group[0] as ReadPage;
    const last = group[group.length - 1] as ReadPage;
    const base = { from: first.page, to: last.page, pages: group };
    const rule = classifyByRules(group.map((page) => page.text).join('\n'));
    if (rule) return { ...base, kind: rule.kind, confidence: rule.confidence, method: 'rule', ...(rule.formCode ? { formCode: rule.formCode } : {}) };
    return { ...base, kind: 'khac', confidence: 0, method: 'model' };
  });
  const unresolved = ranges.filter((range) => range.method === 'model');
  if (unresolved.length > 0 && classifier) {
    const results = await classifier.classify(unresolved.map((range) => range.pages.map((page) => page.text).join('\n')));
    unresolved.forEach((range, index) => {
      const result = results[index];
      if (!result) return;
      range.confidence = Math.round(result.confidence * 1000) / 1000;
      range.kind = isKind(result.label) && result.confidence >= MODEL_MIN_CONFIDENCE ? result.label : 'khac';
    });
  }
  return ranges;
}
