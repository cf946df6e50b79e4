import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';

/**
 * Renders lines of Vietnamese text to a PDF with a real text layer (DejaVu Sans embedded, so every
 * diacritic survives), one array of lines per page. Used by tests and by the evaluation generator;
 * optional fillable text fields let tests exercise the form-field path.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const FONT_DIR = path.join(repoRoot, 'node_modules', 'dejavu-fonts-ttf', 'ttf');

let regular: Uint8Array | undefined;
let bold: Uint8Array | undefined;

export function fontBytes(weight: 'regular' | 'bold' = 'regular'): Uint8Array {
  if (weight === 'bold') return (bold ??= fs.readFileSync(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')));
  return (regular ??= fs.readFileSync(path.join(FONT_DIR, 'DejaVuSans.ttf')));
}

export function fontPath(weight: 'regular' | 'bold' = 'regular'): string {
  return path.join(FONT_DIR, weight === 'bold' ? 'DejaVuSans-Bold.ttf' : 'DejaVuSans.ttf');
}

export interface TextPdfField {
  /** Field name (shown to nobody; the pre-check reads it as the label). */
  name: string;
  value: string;
  page?: number;
}

/** Lines starting with `# ` are centred bold headings. */
export async function textPdf(pages: readonly (readonly string[])[], fields: readonly TextPdfField[] = []): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(fontBytes('regular'), { subset: true });
  const heading = await document.embedFont(fontBytes('bold'), { subset: true });
  for (const lines of pages) {
    const page = document.addPage([595, 842]);
    let y = 790;
    for (const line of lines) {
      const isHeading = line.startsWith('# ');
      const text = isHeading ? line.slice(2) : line;
      const usedFont: PDFFont = isHeading ? heading : font;
      const size = isHeading ? 13 : 11;
      const width = usedFont.widthOfTextAtSize(text, size);
      const x = isHeading ? Math.max(40, (595 - width) / 2) : 56;
      if (text) page.drawText(text, { x, y, size, font: usedFont, color: rgb(0, 0, 0), maxWidth: 500 });
      y -= isHeading ? 22 : 18;
    }
  }
  if (fields.length > 0) {
    const form = document.getForm();
    fields.forEach((field, index) => {
      const page = document.getPage((field.page ?? 1) - 1);
      const textField = form.createTextField(field.name);
      textField.setText(field.value);
      textField.addToPage(page, { x: 56, y: 60 + index * 22, width: 400, height: 18, font });
    });
    form.updateFieldAppearances(font);
  }
  return document.save();
}
