import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Evidence, PrecheckResult } from '../agents/precheck/precheck.types.js';

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const RESOURCES = {
  cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
  standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
  wasmUrl: path.join(pdfjsRoot, 'wasm') + path.sep,
};

type Box = NonNullable<Evidence['box']>;

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * Fills in where on the page a value was read, for evidence the engine reported without a box, by
 * finding the value in the PDF's text layer. The review page outlines these boxes on the page image.
 * Scans and photos are left as they are: their positions can only come from the OCR that read them.
 */
export async function locateEvidence(result: PrecheckResult, files: { fileId: string; mediaType: string; bytes: Uint8Array }[]): Promise<PrecheckResult> {
  const wanted = new Map<string, Set<string>>(); // fileId:page → values
  const visit = (evidence: Evidence) => {
    if (evidence.box || !evidence.value?.trim()) return;
    const key = `${evidence.fileId}:${evidence.page}`;
    if (!wanted.has(key)) wanted.set(key, new Set());
    wanted.get(key)!.add(evidence.value);
  };
  for (const file of result.files) for (const segment of file.segments) for (const field of segment.fields) visit(field.evidence);
  for (const check of result.checks) check.evidence.forEach(visit);
  if (wanted.size === 0) return result;

  const boxes = new Map<string, Box>(); // fileId:page:value → box
  for (const file of files) {
    if (file.mediaType !== 'application/pdf') continue;
    const pages = [...wanted.keys()].filter((key) => key.startsWith(`${file.fileId}:`)).map((key) => Number(key.slice(file.fileId.length + 1)));
    if (pages.length === 0) continue;
    const document = await getDocument({ data: new Uint8Array(file.bytes), ...RESOURCES, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    try {
      for (const pageNumber of pages) {
        if (pageNumber > document.numPages) continue;
        const page = await document.getPage(pageNumber);
        const [x0 = 0, y0 = 0, x1 = 1, y1 = 1] = page.view;
        const width = x1 - x0;
        const height = y1 - y0;
        const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '');
        for (const value of wanted.get(`${file.fileId}:${pageNumber}`) ?? []) {
          const needle = fold(value);
          for (const item of items) {
            const haystack = fold(item.str);
            const at = haystack.indexOf(needle);
            if (at < 0 || haystack.length === 0) continue;
            const [, , c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
            const fontHeight = Math.hypot(c, d) || item.height || 10;
            const left = e + (item.width * at) / haystack.length;
            const right = e + (item.width * (at + needle.length)) / haystack.length;
            const top = f + fontHeight * 1.05;
            boxes.set(`${file.fileId}:${pageNumber}:${value}`, {
              x: clamp((left - x0 - 2) / width),
              y: clamp((y1 - top) / height),
              width: clamp((right - left + 4) / width),
              height: clamp((fontHeight * 1.4) / height),
            });
            break;
          }
        }
        page.cleanup();
      }
    } finally {
      await document.destroy();
    }
  }
  if (boxes.size === 0) return result;
  const withBox = (evidence: Evidence): Evidence => {
    const box = evidence.box ? undefined : boxes.get(`${evidence.fileId}:${evidence.page}:${evidence.value}`);
    return box ? { ...evidence, box } : evidence;
  };
  return {
    ...result,
    files: result.files.map((file) => ({
      ...file,
      segments: file.segments.map((segment) => ({ ...segment, fields: segment.fields.map((field) => ({ ...field, evidence: withBox(field.evidence) })) })),
    })),
    checks: result.checks.map((check) => ({ ...check, evidence: check.evidence.map(withBox) })),
  };
}

const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 10_000) / 10_000));
