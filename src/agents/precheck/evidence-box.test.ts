import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fontkit from '@pdf-lib/fontkit';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument, rgb } from 'pdf-lib';
import type { ProcedureRecord } from '../../ingest/structure/procedure.types.js';
import { createOcrEngine } from '../../providers/ocr/index.js';
import { readDossierFile } from './dossier-file.reader.js';
import { extractFields } from './field-extraction.js';
import { createDossierPrechecker, type Evidence } from './index.js';
import { fontBytes, fontPath, textPdf } from './testing/text-pdf.js';

type Box = NonNullable<Evidence['box']>;

/** Intersection over the smaller box: 1 when one box lies inside the other. */
function overlap(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  return (width * height) / Math.min(a.width * a.height, b.width * b.height);
}
const centreInside = (box: Box, frame: Box) => {
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  return x >= frame.x && x <= frame.x + frame.width && y >= frame.y && y <= frame.y + frame.height;
};

const PAGE = { width: 595, height: 842 };
/** Where pdf-lib draws `text` (size 11 at x, baseline y) as fractions of an A4 page, top-left origin. */
async function drawnPdfBox(prefix: string, text: string, x: number, baseline: number): Promise<Box> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(fontBytes('regular'));
  const left = x + font.widthOfTextAtSize(prefix, 11);
  const width = font.widthOfTextAtSize(text, 11);
  const ascent = font.heightAtSize(11, { descender: false });
  return { x: left / PAGE.width, y: (PAGE.height - baseline - ascent) / PAGE.height, width: width / PAGE.width, height: (ascent + 0.25 * 11) / PAGE.height };
}

test('fields read from a PDF text layer carry the box where their label and value are printed', async () => {
  // textPdf draws line n at x = 56, baseline 790 − 18·n, 11 pt
  const lines = ['THẺ CĂN CƯỚC', 'Họ và tên: Trần Thị Mai', 'Giới tính: Nữ      Dân tộc: Kinh', 'Số định danh cá nhân: 064195001234', 'Ngày sinh: 12/04/1995'];
  const bytes = await textPdf([lines]);
  const read = await readDossierFile({ fileId: 'f', fileName: 'the.pdf', mediaType: 'application/pdf', bytes }, {});
  const fields = extractFields('f', read.pages);
  const box = (name: string) => {
    const found = fields.find((field) => field.name === name)?.evidence.box;
    assert.ok(found, `${name} has no box: ${JSON.stringify(fields.map((field) => field.evidence))}`);
    return found;
  };
  const id = box('idNumber');
  const drawnId = await drawnPdfBox('', lines[3]!, 56, 790 - 18 * 3);
  assert.ok(overlap(id, drawnId) > 0.8, `${JSON.stringify(id)} vs ${JSON.stringify(drawnId)}`);
  assert.ok(!centreInside(box('fullName'), drawnId), 'the name box must not sit on the ID line');
  // two fields on one line: each box covers its own part
  const sex = box('sex');
  const drawnSex = await drawnPdfBox('', 'Giới tính: Nữ', 56, 790 - 18 * 2);
  const drawnEthnicity = await drawnPdfBox('Giới tính: Nữ      ', 'Dân tộc: Kinh', 56, 790 - 18 * 2);
  assert.ok(overlap(sex, drawnSex) > 0.7, `${JSON.stringify(sex)} vs ${JSON.stringify(drawnSex)}`);
  assert.ok(sex.x + sex.width < drawnEthnicity.x + 0.02 && centreInside(box('ethnicity'), drawnEthnicity));
  for (const field of fields) {
    const { x, y, width, height } = field.evidence.box!;
    assert.ok(x >= 0 && y >= 0 && x + width <= 1 && y + height <= 1);
  }
});

test('a fillable PDF field is framed by its widget, and check evidence that points at a field keeps the box', async () => {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(fontBytes('regular'), { subset: true });
  const page = document.addPage([PAGE.width, PAGE.height]);
  page.drawText('TỜ KHAI ĐĂNG KÝ KẾT HÔN', { x: 150, y: 780, size: 13, font, color: rgb(0, 0, 0) });
  page.drawText('BÊN NỮ', { x: 56, y: 740, size: 11, font });
  page.drawText('Họ, chữ đệm, tên: Lê Thị Hoa', { x: 56, y: 720, size: 11, font });
  page.drawText('Ngày, tháng, năm sinh: 01/02/2009', { x: 56, y: 700, size: 11, font });
  const field = document.getForm().createTextField('Số định danh cá nhân');
  field.setText('064309001111');
  field.addToPage(page, { x: 300, y: 500, width: 200, height: 20, font });
  document.getForm().updateFieldAppearances(font);
  const bytes = await document.save();

  const marriage: ProcedureRecord = { source: 'provincial', code: 'T', name: 'Đăng ký kết hôn', steps: [], channels: [], documents: [{ name: 'Tờ khai đăng ký kết hôn', text: 'Tờ khai', formCodes: [], attachments: [], copyTypes: [], oneOf: false, alternatives: [] }], forms: [], legalBasis: [], sections: [] };
  const engine = createDossierPrechecker({ modelsDir: '/nonexistent', classifier: null });
  const result = await engine.precheck({ procedure: marriage, applicant: { fullName: 'Lê Thị Hoa' }, referenceDate: new Date('2025-06-01T00:00:00Z'), files: [{ fileId: 'a', fileName: 'a.pdf', mediaType: 'application/pdf', bytes }] });
  const fields = result.files[0]?.segments[0]?.fields ?? [];
  const id = fields.find((candidate) => candidate.name.endsWith('dNumber'));
  assert.equal(id?.source, 'form_field');
  const widget: Box = { x: 300 / PAGE.width, y: (PAGE.height - 520) / PAGE.height, width: 200 / PAGE.width, height: 20 / PAGE.height };
  assert.ok(id?.evidence.box && overlap(id.evidence.box, widget) > 0.95, JSON.stringify(id?.evidence));
  // the bride is under 18: the refusal's evidence is her date of birth, framed on the page
  const age = result.checks.find((check) => check.id.startsWith('validity:marriage-age') && check.status === 'fail');
  assert.ok(age, JSON.stringify(result.checks.map((check) => check.id)));
  const drawnBirth = await drawnPdfBox('', 'Ngày, tháng, năm sinh: 01/02/2009', 56, 700);
  assert.ok(age.evidence[0]?.box && overlap(age.evidence[0].box, drawnBirth) > 0.8, JSON.stringify(age.evidence));
});

const ocr = createOcrEngine();
after(() => ocr.close());

test('fields read by OCR from a photo carry the box of the words where they were drawn', async () => {
  GlobalFonts.registerFromPath(fontPath('regular'), 'DejaVu Sans');
  const width = 1240;
  const height = 1754;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#f4f2ec';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#202020';
  context.font = '30px "DejaVu Sans"';
  const lines = ['CĂN CƯỚC CÔNG DÂN', 'Số định danh cá nhân: 064195001234', 'Họ và tên: Nguyễn Thị Lan', 'Ngày sinh: 12/04/1995', 'Giới tính: Nữ'];
  const drawn: Box[] = lines.map((line, index) => {
    const baseline = 200 + index * 70 + (index === 3 ? 300 : 0);
    const x = 120 + (index === 3 ? 400 : 0);
    context.fillText(line, x, baseline);
    const metrics = context.measureText(line);
    return { x: x / width, y: (baseline - metrics.actualBoundingBoxAscent) / height, width: metrics.width / width, height: (metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent) / height };
  });
  const bytes = new Uint8Array(canvas.toBuffer('image/jpeg', 90));
  const read = await readDossierFile({ fileId: 'p', fileName: 'anh.jpg', mediaType: 'image/jpeg', bytes }, { ocr });
  assert.equal(read.pages[0]?.source, 'ocr');
  const fields = extractFields('p', read.pages);
  const expectations: [string, number][] = [['idNumber', 1], ['fullName', 2], ['dateOfBirth', 3], ['sex', 4]];
  for (const [name, line] of expectations) {
    const field = fields.find((candidate) => candidate.name === name);
    assert.ok(field?.evidence.box, `${name}: ${JSON.stringify(field)} / ${read.pages[0]?.text}`);
    assert.ok(overlap(field.evidence.box, drawn[line]!) > 0.7, `${name}: ${JSON.stringify(field.evidence.box)} vs drawn ${JSON.stringify(drawn[line])}`);
    for (const [other, otherLine] of expectations) if (other !== name) assert.ok(!centreInside(field.evidence.box, drawn[otherLine]!), `${name} box sits on ${other}`);
  }
});
