import JSZip from 'jszip';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { loadDocument } from '../../../src/ingest/loaders/index.js';
import { fontBytes } from '../../../src/agents/precheck/testing/text-pdf.js';

/**
 * Fills real blank forms (read from SHARED_DIR at generation time, never stored) the way people do:
 * typing the value into the blank after each label of a text/DOC form, into the runs of a DOCX, or
 * over the dotted line of a PDF form (as "add text" in a PDF reader does), or into AcroForm fields
 * added where the blanks are. Labels are filled in order, so a label printed twice (the requester's
 * date of birth, then the child's) takes the next value each time.
 */

export interface FillEntry {
  /** The printed label as it appears in the form (up to its colon). */
  label: string;
  value: string;
  /** The value is one of the printed choices after the label: tick its box instead of typing. */
  tick?: boolean;
}

const BOXES = /[☐□🞎]/u;

/** What follows a label and is replaced by the value: a footnote marker stays, the blank goes. */
const MARKER = /^[ \t]*(?:\(\d+\)[ \t]*)?/u;
const BLANK = /^[ \t.…_/]*/u;

/** Fills the blanks of a form's text (line-based: the value goes on the label's line). */
export function fillText(text: string, entries: readonly FillEntry[]): { text: string; missing: string[] } {
  let result = text;
  let cursor = 0;
  const missing: string[] = [];
  for (const entry of entries) {
    const at = result.indexOf(entry.label, cursor);
    if (at < 0) {
      missing.push(entry.label);
      continue;
    }
    const afterLabel = at + entry.label.length;
    const marker = MARKER.exec(result.slice(afterLabel))?.[0] ?? '';
    const blankStart = afterLabel + marker.length;
    const blank = BLANK.exec(result.slice(blankStart))?.[0] ?? '';
    const rest = result.slice(blankStart + blank.length);
    const restOfLine = rest.split('\n')[0] ?? '';
    const filled = `${marker.trimEnd()} ${entry.value}${restOfLine.trim() ? '    ' : ''}`;
    result = result.slice(0, afterLabel) + filled + rest;
    cursor = afterLabel + filled.length;
  }
  return { text: result, missing };
}

/** The text of a DOC/DOCX form through the project's own loaders. */
export async function formText(bytes: Uint8Array, filename: string): Promise<string> {
  const loaded = await loadDocument({ bytes, filename });
  return loaded.pages.map((page) => page.text).join('\n').normalize('NFC');
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Fills a DOCX in place: in the paragraph holding the label (its text split over runs, as Word
 * stores it), the blank after the label is replaced by the value in the run where the blank starts.
 */
export async function fillDocx(bytes: Uint8Array, entries: readonly FillEntry[]): Promise<{ bytes: Uint8Array; missing: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('DOCX without word/document.xml');
  let xml = await file.async('string');
  const missing: string[] = [];
  for (const entry of entries) {
    let done = false;
    xml = xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (paragraph) => {
      if (done) return paragraph;
      const texts = [...paragraph.matchAll(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g)];
      const plain = texts.map((match) => unescapeXml(match[2] ?? '')).join('');
      const at = plain.indexOf(entry.label);
      if (at < 0) return paragraph;
      done = true;
      const afterLabel = at + entry.label.length;
      const marker = MARKER.exec(plain.slice(afterLabel))?.[0] ?? '';
      let blankStart = afterLabel + marker.length;
      let blankEnd = blankStart + (BLANK.exec(plain.slice(blankStart))?.[0] ?? '').length;
      let replacement = ` ${entry.value} `;
      if (entry.tick) {
        // a box typed as a character is replaced; a box drawn as a symbol (w:sym) gets the tick beside it
        const choice = new RegExp(`(${BOXES.source})?\\s*${entry.value}`, 'u').exec(plain.slice(afterLabel));
        if (!choice) return paragraph;
        blankStart = afterLabel + choice.index + (choice[1] ? 0 : choice[0].length - entry.value.length);
        blankEnd = blankStart + (choice[1] ?? '').length;
        replacement = choice[1] ? '☒' : '☒ ';
      }
      // rewrite every text node: characters in the blank are dropped, the value goes where it starts
      let offset = 0;
      let inserted = false;
      let output = '';
      let last = 0;
      for (const match of texts) {
        const content = unescapeXml(match[2] ?? '');
        const start = offset;
        offset += content.length;
        let next = '';
        for (let index = 0; index < content.length; index++) {
          const position = start + index;
          if (position === blankStart && !inserted) {
            next += replacement;
            inserted = true;
          }
          if (position >= blankStart && position < blankEnd) continue;
          next += content.charAt(index);
        }
        if (!inserted && offset === blankStart && blankStart === plain.length) {
          next += ` ${entry.value}`;
          inserted = true;
        }
        const open = (match[1] ?? '<w:t>').includes('xml:space') ? match[1] : '<w:t xml:space="preserve">';
        output += paragraph.slice(last, match.index) + open + escapeXml(next) + match[3];
        last = (match.index ?? 0) + match[0].length;
      }
      return output + paragraph.slice(last);
    });
    if (!done) missing.push(entry.label);
  }
  zip.file('word/document.xml', xml);
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), missing };
}

/** Where a label ends on a PDF page, from the project's own layout (fractions of the page). */
interface LabelPosition {
  page: number;
  x: number;
  y: number;
  height: number;
}

async function labelPositions(bytes: Uint8Array, entries: readonly FillEntry[]): Promise<(LabelPosition | undefined)[]> {
  const loaded = await loadDocument({ bytes, filename: 'form.pdf' }, { layout: true, pdf: { ocrMode: 'never' } });
  const used = new Set<string>();
  return entries.map((entry) => {
    for (const page of loaded.pages) {
      for (const line of page.lines ?? []) {
        const at = line.text.indexOf(entry.label);
        const key = `${page.pageNumber}:${line.lineIndex}:${at}`;
        if (at < 0 || used.has(key)) continue;
        used.add(key);
        let end = at + entry.label.length;
        if (entry.tick) {
          // the box sits just before the printed choice
          const choice = line.text.indexOf(entry.value, end);
          if (choice < 0) continue;
          end = choice;
        }
        const span = line.spans.find((candidate) => candidate.start <= end && candidate.end >= end);
        if (!span) continue;
        const x = span.box.x + (span.box.width * (end - span.start)) / Math.max(1, span.end - span.start) - (entry.tick ? 0.016 : 0);
        return { page: page.pageNumber, x, y: span.box.y, height: span.box.height };
      }
    }
    return undefined;
  });
}

/**
 * Fills a PDF form that has no fields: the value is drawn after its label (over the dotted line), or,
 * with `asFields`, AcroForm text fields named by their labels are added there and filled, as an office
 * that publishes a fillable version of the form would.
 */
export async function fillPdf(bytes: Uint8Array, entries: readonly FillEntry[], options: { asFields?: boolean } = {}): Promise<{ bytes: Uint8Array; missing: string[] }> {
  const positions = await labelPositions(bytes, entries);
  const document = await PDFDocument.load(bytes);
  document.registerFontkit(fontkit);
  const font = await document.embedFont(fontBytes('regular'), { subset: !options.asFields });
  const missing: string[] = [];
  const form = options.asFields ? document.getForm() : undefined;
  entries.forEach((entry, index) => {
    const position = positions[index];
    const page = position ? document.getPage(position.page - 1) : undefined;
    if (!position || !page) {
      missing.push(entry.label);
      return;
    }
    const { width, height } = page.getSize();
    const size = 10;
    const x = position.x * width + (entry.tick ? 0 : 4);
    const text = entry.tick ? 'X' : entry.value;
    const baseline = height - (position.y + position.height * 0.8) * height;
    // pdf-lib reads '.' in a name as a hierarchy; the printed label without its colon names the field
    const name = entry.label.replace(/[.]/g, '').replace(/:\s*$/u, '');
    if (form && entry.tick) {
      // a choice is a radio group; only the chosen option's button is placed (over its printed box)
      const group = form.createRadioGroup(name);
      group.addOptionToPage(entry.value, page, { x, y: baseline - 2, width: size, height: size, borderWidth: 0 });
      group.select(entry.value);
    } else if (form) {
      const field = form.createTextField(name);
      field.setText(text);
      field.addToPage(page, { x, y: baseline - 3, width: Math.min(width - x - 20, font.widthOfTextAtSize(text, size) + 30), height: size + 5, font, borderWidth: 0 });
    } else {
      page.drawText(text, { x, y: baseline, size, font, color: rgb(0.05, 0.1, 0.45) });
    }
  });
  if (form) form.updateFieldAppearances(font);
  return { bytes: await document.save(), missing };
}
