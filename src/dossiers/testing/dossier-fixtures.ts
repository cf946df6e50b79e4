// Test material written for this project: a birth-registration procedure record in the national
// portal's JSON shape (our wording) and the documents of a synthetic family, rendered as PDF with a
// text layer (typed documents) or as a PNG photo (scans go through OCR).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument, rgb } from 'pdf-lib';
import type { Database } from '../../db/index.js';
import { IngestService } from '../../ingest/pipeline/ingest.service.js';
import type { DocumentAnalyzer } from '../../jobs/document-process.job.js';
import type { BlobStore } from '../../storage/index.js';

export const birthProcedureCode = '9.990101';

/** Đăng ký khai sinh, reduced to what a desk checks: the form, the birth certificate, the ID card. */
export const birthProcedure = {
  ma_thu_tuc: birthProcedureCode,
  ten_thu_tuc: 'Thủ tục đăng ký khai sinh',
  cap_thuc_hien: 'Cấp xã',
  linh_vuc: 'Hộ tịch',
  doi_tuong_thuc_hien: 'Công dân Việt Nam',
  co_quan_thuc_hien: 'Ủy ban nhân dân cấp xã',
  trinh_tu_thuc_hien:
    'Bước 1: Người yêu cầu nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân cấp xã. Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ, ghi vào Sổ hộ tịch. Bước 3: Trả Giấy khai sinh cho người yêu cầu.',
  cach_thuc_thuc_hien: 'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việcMiễn phí',
  thanh_phan_ho_so:
    '* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai đăng ký khai sinh theo mẫu.1 bản chính- Giấy chứng sinh do cơ sở y tế nơi trẻ em được sinh ra cấp; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh.1 bản chính* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Thẻ căn cước hoặc Căn cước công dân của người yêu cầu, còn giá trị sử dụng.1 bản chính',
  can_cu_phap_ly: 'Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch123/2015/NĐ-CP',
  yeu_cau_dieu_kien: 'Không có thông tin',
  ket_qua_xu_ly: 'Giấy khai sinh',
  raw_text: 'Thủ tục đăng ký khai sinh',
};

/** Ingests the procedure record through the real ingestion pipeline, as `npm run ingest` would. */
export async function ingestBirthProcedure(deps: { database: Database; blobs: BlobStore; analyze: DocumentAnalyzer }): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-dossier-procedure-'));
  try {
    fs.writeFileSync(path.join(folder, `${birthProcedureCode}.json`), JSON.stringify(birthProcedure));
    const ingest = new IngestService(deps.database, deps.blobs, deps.analyze);
    const result = await ingest.ingestFile(path.join(folder, `${birthProcedureCode}.json`), folder);
    if (result.status !== 'done') throw new Error(`ingesting the test procedure failed: ${result.reason}`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export const family = {
  mother: { fullName: 'TRẦN THỊ MAI', idNumber: '064190001234', dateOfBirth: '05/07/1990', residence: 'Thôn Plei Ơi, xã Ia Grai, tỉnh Gia Lai' },
  father: { fullName: 'NGUYỄN VĂN HÙNG', idNumber: '064088004321', dateOfBirth: '21/11/1988' },
  child: { fullName: 'NGUYỄN MINH KHANG', dateOfBirth: '12/03/2025', sex: 'Nam', birthPlace: 'Bệnh viện Đa khoa tỉnh Gia Lai' },
};

const fontDirectory = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const regularFont = fs.readFileSync(path.join(fontDirectory, 'DejaVuSans.ttf'));
const boldFont = fs.readFileSync(path.join(fontDirectory, 'DejaVuSans-Bold.ttf'));

interface Line {
  text: string;
  bold?: boolean;
  size?: number;
  center?: boolean;
}

/** One A4 page per entry, lines top to bottom, real embedded fonts (a text layer pdf.js can read). */
export async function renderPdf(pages: Line[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(regularFont, { subset: true });
  const bold = await pdf.embedFont(boldFont, { subset: true });
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 780;
    for (const line of lines) {
      const size = line.size ?? 11;
      const font = line.bold ? bold : regular;
      const width = font.widthOfTextAtSize(line.text, size);
      page.drawText(line.text, { x: line.center ? (595 - width) / 2 : 60, y, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.9;
    }
  }
  return pdf.save();
}

const motto: Line[] = [
  { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, center: true },
  { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, center: true },
  { text: '' },
];

export function birthDeclarationPdf(overrides: { childName?: string } = {}): Promise<Uint8Array> {
  return renderPdf([
    [
      ...motto,
      { text: 'TỜ KHAI ĐĂNG KÝ KHAI SINH', bold: true, size: 14, center: true },
      { text: 'Kính gửi: Ủy ban nhân dân xã Ia Grai, tỉnh Gia Lai' },
      { text: `Họ, chữ đệm, tên người yêu cầu: ${family.mother.fullName}` },
      { text: `Số định danh cá nhân: ${family.mother.idNumber}` },
      { text: `Nơi cư trú: ${family.mother.residence}` },
      { text: 'Quan hệ với người được khai sinh: Mẹ' },
      { text: 'Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:' },
      { text: `Họ, chữ đệm, tên: ${overrides.childName ?? family.child.fullName}` },
      { text: `Ngày, tháng, năm sinh: ${family.child.dateOfBirth}` },
      { text: `Giới tính: ${family.child.sex}     Dân tộc: Kinh     Quốc tịch: Việt Nam` },
      { text: `Nơi sinh: ${family.child.birthPlace}` },
      { text: `Họ, chữ đệm, tên người mẹ: ${family.mother.fullName}     Năm sinh: 1990` },
      { text: `Họ, chữ đệm, tên người cha: ${family.father.fullName}     Năm sinh: 1988` },
      { text: 'Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật.' },
      { text: 'Làm tại: xã Ia Grai, ngày 20 tháng 03 năm 2025' },
      { text: 'Người yêu cầu (ký, ghi rõ họ tên)' },
      { text: family.mother.fullName },
    ],
  ]);
}

export function birthCertificatePdf(): Promise<Uint8Array> {
  return renderPdf([
    [
      { text: 'BỘ Y TẾ', bold: true },
      { text: 'Bệnh viện Đa khoa tỉnh Gia Lai' },
      ...motto,
      { text: 'GIẤY CHỨNG SINH', bold: true, size: 14, center: true },
      { text: `Họ và tên mẹ: ${family.mother.fullName}` },
      { text: 'Năm sinh: 1990' },
      { text: `Số CCCD: ${family.mother.idNumber}` },
      { text: `Nơi đăng ký thường trú: ${family.mother.residence}` },
      { text: 'Dân tộc: Kinh' },
      { text: `Đã sinh con vào lúc: 08 giờ 30 phút, ngày ${family.child.dateOfBirth}` },
      { text: `Tại: ${family.child.birthPlace}` },
      { text: 'Số con trong lần sinh: 01' },
      { text: `Giới tính của con: ${family.child.sex}     Cân nặng: 3.200 gam` },
      { text: `Dự định đặt tên con: ${family.child.fullName}` },
      { text: 'Ngày 13 tháng 03 năm 2025' },
      { text: 'Giám đốc bệnh viện (ký, đóng dấu)' },
    ],
  ]);
}

export function identityCardPdf(): Promise<Uint8Array> {
  return renderPdf([identityCardLines()]);
}

function identityCardLines(): Line[] {
  return [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
    { text: 'Độc lập - Tự do - Hạnh phúc' },
    { text: 'CĂN CƯỚC CÔNG DÂN', bold: true, size: 14 },
    { text: `Số / No.: ${family.mother.idNumber}` },
    { text: `Họ và tên / Full name: ${family.mother.fullName}` },
    { text: `Ngày sinh / Date of birth: ${family.mother.dateOfBirth}` },
    { text: 'Giới tính / Sex: Nữ     Quốc tịch / Nationality: Việt Nam' },
    { text: 'Quê quán / Place of origin: xã Ia Grai, tỉnh Gia Lai' },
    { text: `Nơi thường trú / Place of residence: ${family.mother.residence}` },
    { text: 'Có giá trị đến / Date of expiry: 05/07/2030' },
  ];
}

let fontsRegistered = false;

/** The ID card as a photo (PNG, slightly grey paper): the engine has to OCR it. */
export function identityCardPng(): Uint8Array {
  if (!fontsRegistered) {
    GlobalFonts.register(regularFont, 'DejaVu Sans Fixture');
    GlobalFonts.register(boldFont, 'DejaVu Sans Fixture Bold');
    fontsRegistered = true;
  }
  const width = 1400;
  const lines = identityCardLines();
  const canvas = createCanvas(width, 120 + lines.length * 64);
  const context = canvas.getContext('2d');
  context.fillStyle = '#f1efe8';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#111111';
  lines.forEach((line, index) => {
    context.font = `${line.bold ? 34 : 30}px "${line.bold ? 'DejaVu Sans Fixture Bold' : 'DejaVu Sans Fixture'}"`;
    context.fillText(line.text, 60, 90 + index * 64);
  });
  return new Uint8Array(canvas.toBuffer('image/png'));
}
