import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { analyzeDocument } from '../../src/ingest/pipeline/index.js';
import type { ProcedureRecord } from '../../src/ingest/structure/procedure.types.js';
import type { DossierFileInput } from '../../src/agents/precheck/index.js';
import { PROCEDURES, type DossierSpec, type ProcedureKey } from './synthetic/dossiers.js';
import { randomDamage, renderImage, renderPdf } from './synthetic/render.js';
import { Random } from './synthetic/random.js';
import { renderRealForm, type RealForms } from './synthetic/real-forms.js';

/** Procedure records parsed from the shared corpus at eval time (never copied into the repository). */
export async function loadProcedures(sharedDir: string): Promise<Record<ProcedureKey, ProcedureRecord>> {
  const out: Partial<Record<ProcedureKey, ProcedureRecord>> = {};
  for (const [key, relative] of Object.entries(PROCEDURES) as [ProcedureKey, string][]) {
    const file = path.join(sharedDir, 'corpora', relative);
    const analysed = await analyzeDocument({ bytes: new Uint8Array(await readFile(file)), filename: path.basename(file), sourcePath: relative.replace(/^procedures\//u, '') });
    if (!analysed.procedure) throw new Error(`${file}: không đọc được thủ tục`);
    out[key] = analysed.procedure;
  }
  return out as Record<ProcedureKey, ProcedureRecord>;
}

export interface MaterialisedFile {
  input: DossierFileInput;
  /** Document index in the spec → first page in this file. */
  documents: { startPage: number; kind: string; truth: Record<string, string> }[];
  scanned: boolean;
  /** Filled from a real blank form in $SHARED_DIR/corpora/forms. */
  realForm: boolean;
}

/** Renders a dossier's files: PDFs with a text layer, or JPEG photos (one page per image). */
export async function materialise(spec: DossierSpec, seed: number, forms?: RealForms): Promise<MaterialisedFile[]> {
  const random = new Random(seed ^ 0x5bd1e995);
  const files: MaterialisedFile[] = [];
  for (const [index, file] of spec.files.entries()) {
    const fileId = `${spec.id}#${index}`;
    const documents: MaterialisedFile['documents'] = [];
    if (file.rendering.kind === 'real') {
      const document = file.documents[0];
      if (!document) continue;
      if (!forms) throw new Error(`${spec.id}: real forms not loaded (loadRealForms)`);
      const rendered = await renderRealForm(forms, document, file.rendering.as, random);
      documents.push({ startPage: 1, kind: document.kind, truth: document.truth });
      files.push({ input: { fileId, fileName: `${file.name}.${rendered.extension}`, mediaType: rendered.mediaType, bytes: rendered.bytes }, documents, scanned: file.rendering.as === 'scan', realForm: true });
      continue;
    }
    if (file.rendering.kind === 'image') {
      const document = file.documents[0];
      if (!document) continue;
      const bytes = renderImage(document, 0, randomDamage(random, file.rendering.damage), random);
      documents.push({ startPage: 1, kind: document.kind, truth: document.truth });
      files.push({ input: { fileId, fileName: `${file.name}.jpg`, mediaType: 'image/jpeg', bytes }, documents, scanned: true, realForm: false });
      continue;
    }
    const merged = await PDFDocument.create();
    let page = 1;
    for (const document of file.documents) {
      const single = await PDFDocument.load(await renderPdf(document));
      const copied = await merged.copyPages(single, single.getPageIndices());
      copied.forEach((item) => merged.addPage(item));
      documents.push({ startPage: page, kind: document.kind, truth: document.truth });
      page += copied.length;
    }
    files.push({ input: { fileId, fileName: `${file.name}.pdf`, mediaType: 'application/pdf', bytes: await merged.save() }, documents, scanned: false, realForm: false });
  }
  return files;
}
