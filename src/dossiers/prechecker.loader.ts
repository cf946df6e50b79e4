import type { DossierPrechecker } from '../agents/precheck/precheck.types.js';
import type { OcrEngine } from '../providers/ocr/index.js';

/**
 * The engine is built once, on the first dossier a process checks: loading its models costs time
 * and memory an API process that never runs a pre-check should not pay.
 */
export function loadPrechecker(options: { ocr: OcrEngine; modelsDir: string }): () => Promise<DossierPrechecker> {
  let engine: Promise<DossierPrechecker> | undefined;
  return () => {
    engine ??= createEngine(options).catch((error: unknown) => {
      engine = undefined; // a later job may try again
      throw error;
    });
    return engine;
  };
}

// TEMPORARY until branch precheck-core lands: replaced by its createDossierPrechecker.
async function createEngine(_options: { ocr: OcrEngine; modelsDir: string }): Promise<DossierPrechecker> {
  throw new Error('pre-check engine not merged yet');
}
