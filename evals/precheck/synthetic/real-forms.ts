import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { fontBytes } from '../../../src/agents/precheck/testing/text-pdf.js';
import type { SyntheticDocument } from './documents.js';
import { fillDocx, fillPdf, fillText, formText, type FillEntry } from './form-filling.js';
import { displayDate, type Person } from './people.js';
import type { Random } from './random.js';
import { randomDamage, renderImage } from './render.js';

/**
 * Documents made from the real blank forms in $SHARED_DIR/corpora/forms, filled with synthetic
 * people: the birth-registration declaration (text of DOC_001), Mẫu CT01 (the .doc) and Mẫu DC01
 * (the .docx and the .pdf). The forms are read at generation time and never written to the
 * repository; filled files live in memory or in the gitignored cache.
 */

export type RealFormName = 'khai-sinh' | 'ct01' | 'dc01';
/** How the filled form reaches the dossier. */
export type RealFormRendering = 'pdf' | 'scan' | 'docx' | 'pdf-overlay' | 'pdf-fields';

export interface RealFormFill {
  form: RealFormName;
  entries: FillEntry[];
}

export interface RealForms {
  text: Record<'khai-sinh' | 'ct01' | 'dc01', string>;
  dc01Docx: Uint8Array;
  dc01Pdf: Uint8Array;
}

export async function loadRealForms(sharedDir: string): Promise<RealForms> {
  const folder = path.join(sharedDir, 'corpora', 'forms');
  const read = async (name: string) => new Uint8Array(await readFile(path.join(folder, name)));
  const dc01Docx = await read('mau-dc01.docx');
  return {
    text: {
      'khai-sinh': (await readFile(path.join(folder, 'DOC_001__form_dang_ky_khai_sinh.doc.txt'), 'utf8')).replace(/^\uFEFF/u, '').replace(/\r\n?/g, '\n'),
      ct01: await formText(await read('mau-ct01.doc'), 'mau-ct01.doc'),
      dc01: await formText(dc01Docx, 'mau-dc01.docx'),
    },
    dc01Docx,
    dc01Pdf: await read('mau-dc01.pdf'),
  };
}

const idPaper = (random: Random, person: Person) => random.pick([`Căn cước số ${person.idNumber}`, `Thẻ căn cước số ${person.idNumber} do Bộ Công an cấp ngày ${displayDate(person.issueDate)}`, person.idNumber]);
const birthDate = (random: Random, person: Person) => (random.chance(0.5) ? displayDate(person.dateOfBirth) : person.dateOfBirth.slice(0, 4));

/** The real birth-registration declaration, filled. */
export function realBirthDeclaration(random: Random, requester: Person, child: Person, mother: Person, father: Person): SyntheticDocument {
  const parent = (person: Person, who: string): FillEntry[] => [
    { label: `Họ, chữ đệm, tên người ${who}:`, value: person.fullName },
    { label: 'Năm sinh:', value: birthDate(random, person) },
    { label: 'Dân tộc:', value: person.ethnicity },
    { label: 'Quốc tịch:', value: 'Việt Nam' },
    { label: 'Nơi cư trú:', value: person.residence },
    { label: 'Giấy tờ tùy thân:', value: idPaper(random, person) },
  ];
  const entries: FillEntry[] = [
    { label: 'Kính gửi:', value: `Ủy ban nhân dân ${random.pick(['xã Ia Grai', 'phường Pleiku', 'xã Chư Păh'])}` },
    { label: 'Họ, chữ đệm, tên người yêu cầu:', value: requester.fullName },
    { label: 'Ngày, tháng, năm sinh:', value: displayDate(requester.dateOfBirth) },
    { label: 'Nơi cư trú:', value: requester.residence },
    { label: 'Giấy tờ tùy thân:', value: idPaper(random, requester) },
    { label: 'Quan hệ với người được khai sinh:', value: requester === mother ? 'Mẹ' : 'Cha' },
    { label: 'Họ, chữ đệm, tên:', value: child.fullName },
    { label: 'Ngày, tháng, năm sinh:', value: displayDate(child.dateOfBirth) },
    { label: 'Giới tính:', value: child.sex },
    { label: 'Dân tộc:', value: child.ethnicity },
    { label: 'Quốc tịch:', value: 'Việt Nam' },
    { label: 'Nơi sinh:', value: random.pick(['Bệnh viện Đa khoa tỉnh Gia Lai, phường Pleiku', 'Trạm y tế xã Ia Grai, tỉnh Gia Lai']) },
    { label: 'Quê quán:', value: father.placeOfOrigin },
    ...parent(mother, 'mẹ'),
    ...parent(father, 'cha'),
    { label: 'Làm tại:', value: random.pick(['Ia Grai', 'Pleiku']) },
  ];
  return {
    kind: 'to_khai',
    name: 'to-khai-khai-sinh-mau-that',
    pages: [],
    fill: { form: 'khai-sinh', entries },
    truth: {
      requesterName: requester.fullName, requesterDateOfBirth: requester.dateOfBirth, requesterIdNumber: requester.idNumber,
      childName: child.fullName, childDateOfBirth: child.dateOfBirth, childSex: child.sex,
      motherName: mother.fullName, motherBirthYear: mother.dateOfBirth.slice(0, 4), motherIdNumber: mother.idNumber,
      fatherName: father.fullName, fatherBirthYear: father.dateOfBirth.slice(0, 4), fatherIdNumber: father.idNumber,
    },
  };
}

/** Mẫu CT01 (tờ khai thay đổi thông tin cư trú), filled. */
export function realCt01(random: Random, person: Person, householder: Person, where: string): SyntheticDocument {
  const entries: FillEntry[] = [
    { label: 'Kính gửi(1):', value: `Công an ${random.pick(['xã Ia Grai', 'phường Pleiku', 'xã Đak Đoa'])}` },
    { label: '1. Họ, chữ đệm và tên khai sinh:', value: person.fullName },
    { label: '2. Ngày, tháng, năm sinh:', value: displayDate(person.dateOfBirth) },
    { label: '3. Giới tính:', value: person.sex },
    { label: '4. Số định danh cá nhân:', value: person.idNumber },
    { label: '5. Số điện thoại liên hệ:', value: `09${random.digits(8)}` },
    { label: '7. Họ, chữ đệm và tên chủ hộ:', value: householder.fullName },
    { label: '8. Mối quan hệ với chủ hộ:', value: householder === person ? 'Chủ hộ' : random.pick(['Con', 'Vợ', 'Em']) },
    { label: '9. Số định danh cá nhân của chủ hộ:', value: householder.idNumber },
    { label: '10. Nội dung đề nghị(2):', value: `Đăng ký thường trú tại ${where}` },
  ];
  return {
    kind: 'to_khai',
    name: 'to-khai-ct01-mau-that',
    pages: [],
    fill: { form: 'ct01', entries },
    truth: { fullName: person.fullName, dateOfBirth: person.dateOfBirth, sex: person.sex, idNumber: person.idNumber, householderName: householder.fullName, householderIdNumber: householder.idNumber },
  };
}

/** Mẫu DC01 (phiếu thu thập thông tin dân cư), filled; the name in capitals as its note asks. */
export function realDc01(random: Random, person: Person, householder: Person): SyntheticDocument {
  const entries: FillEntry[] = [
    { label: '1. Họ, chữ đệm và tên khai sinh(1):', value: person.fullName.toUpperCase() },
    { label: '3. Số ĐDCN:', value: person.idNumber },
    { label: '4. Ngày, tháng, năm sinh:', value: displayDate(person.dateOfBirth) },
    { label: '5. Giới tính:', value: person.sex, tick: true },
    { label: '6. Nơi sinh:', value: person.placeOfOrigin },
    { label: '8. Quê quán(2):', value: person.placeOfOrigin },
    { label: '9. Dân tộc:', value: person.ethnicity },
    { label: '17. Nơi thường trú(4):', value: person.residence },
    { label: '21. Họ, chữ đệm và tên chủ hộ(1):', value: householder.fullName.toUpperCase() },
  ];
  void random;
  return {
    kind: 'to_khai',
    name: 'phieu-dc01-mau-that',
    pages: [],
    fill: { form: 'dc01', entries },
    truth: { fullName: person.fullName, idNumber: person.idNumber, dateOfBirth: person.dateOfBirth, sex: person.sex, householderName: householder.fullName },
  };
}

/** Lines of at most `width` characters (the forms' long dotted leaders and notes wrap like a printer would). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const rawLine of text.replace(/\t/g, '    ').split('\n')) {
    let line = rawLine.replace(/\s+$/u, '');
    while (line.length > width) {
      let cut = line.lastIndexOf(' ', width);
      if (cut < width * 0.5) cut = width;
      out.push(line.slice(0, cut));
      line = line.slice(cut).replace(/^ +/u, '');
    }
    out.push(line);
  }
  // the forms' runs of empty table rows become a few blank lines, as on paper
  return out.join('\n').replace(/\n{4,}/g, '\n\n\n').split('\n');
}

function paginate(lines: string[], perPage: number): string[][] {
  const pages: string[][] = [];
  for (let index = 0; index < lines.length; index += perPage) pages.push(lines.slice(index, index + perPage));
  return pages;
}

/** The filled form's text, printed as a PDF (DejaVu, 10 pt): what a citizen who typed it brings. */
async function printedPdf(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(fontBytes('regular'), { subset: true });
  for (const lines of paginate(wrap(text, 92), 54)) {
    const page = document.addPage([595, 842]);
    lines.forEach((line, index) => {
      const clean = line.replace(/🞎/gu, '☐');
      if (!clean.trim()) return;
      const size = Math.min(10, (490 / Math.max(1, font.widthOfTextAtSize(clean, 10))) * 10);
      page.drawText(clean, { x: 52, y: 790 - index * 13.5, size, font, color: rgb(0, 0, 0) });
    });
  }
  return document.save();
}

/** The filled form printed and scanned/photographed: one JPEG per page, in a PDF without text layer. */
async function scannedPdf(document: SyntheticDocument, text: string, random: Random): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const pages = paginate(wrap(text.replace(/🞎/gu, '☐'), 84), 40);
  for (let index = 0; index < pages.length; index++) {
    const jpeg = renderImage({ ...document, pages }, index, randomDamage(random, 'light'), random);
    const image = await pdf.embedJpg(jpeg);
    const page = pdf.addPage([595, 842]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return pdf.save();
}

/** The bytes of a filled real form as it is submitted. */
export async function renderRealForm(forms: RealForms, document: SyntheticDocument, rendering: RealFormRendering, random: Random): Promise<{ bytes: Uint8Array; extension: string; mediaType: string }> {
  const fill = document.fill;
  if (!fill) throw new Error(`${document.name} is not a real form`);
  const fail = (missing: string[]) => {
    if (missing.length > 0) throw new Error(`${fill.form}: labels not found in the form: ${missing.join(' | ')}`);
  };
  if (rendering === 'docx') {
    if (fill.form !== 'dc01') throw new Error('only DC01 is a DOCX');
    const filled = await fillDocx(forms.dc01Docx, fill.entries);
    fail(filled.missing);
    return { bytes: filled.bytes, extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  }
  if (rendering === 'pdf-overlay' || rendering === 'pdf-fields') {
    if (fill.form !== 'dc01') throw new Error('only DC01 is a PDF form');
    const filled = await fillPdf(forms.dc01Pdf, fill.entries, { asFields: rendering === 'pdf-fields' });
    fail(filled.missing);
    return { bytes: filled.bytes, extension: 'pdf', mediaType: 'application/pdf' };
  }
  const filled = fillText(forms.text[fill.form], fill.entries);
  fail(filled.missing);
  const bytes = rendering === 'scan' ? await scannedPdf(document, filled.text, random) : await printedPdf(filled.text);
  return { bytes, extension: 'pdf', mediaType: 'application/pdf' };
}
