import { loadDocumentClassifier, type TextClassifier } from '../../providers/classifier/index.js';
import type { OcrEngine } from '../../providers/ocr/index.js';
import { PrecheckEngine } from './precheck.engine.js';
import type { DossierPrechecker } from './precheck.types.js';

export * from './precheck.types.js';
export { PrecheckEngine } from './precheck.engine.js';
export type { PrecheckEngineOptions } from './precheck.engine.js';
export { buildRequirements, requirementKinds } from './requirements.js';
export type { Requirement } from './requirements.js';
export { classifyByRules } from './kind-rules.js';
export { checkIdNumber, parseDate } from './vietnamese-text.js';

export interface DossierPrecheckerOptions {
  /** OCR for scans and photos; without it image files fail with a Vietnamese reason. */
  ocr?: OcrEngine;
  /** Where `manifest.json` lists `doc-classifier`; without the model the engine classifies by rules only. */
  modelsDir: string;
  /** A classifier to use instead of the one in modelsDir (tests, evaluation). */
  classifier?: TextClassifier | null;
  /** Resolution scanned PDF pages are rendered at for OCR (default: the loaders' 200 dpi). */
  ocrDpi?: number;
}

/**
 * The engine the dossier service runs in its job. The classifier is loaded once, on first use, so
 * building the service stays cheap; a missing model is not an error (rules still classify).
 */
export function createDossierPrechecker(options: DossierPrecheckerOptions): DossierPrechecker {
  let classifier: Promise<TextClassifier | null> | undefined;
  const load = () => {
    classifier ??= options.classifier !== undefined ? Promise.resolve(options.classifier) : loadDocumentClassifier(options.modelsDir);
    return classifier;
  };
  return new PrecheckEngine({
    ...(options.ocr ? { ocr: options.ocr } : {}),
    classifier: load,
    ...(options.ocrDpi ? { ocrDpi: options.ocrDpi } : {}),
  });
}
