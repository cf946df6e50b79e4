import { AppError } from '../../errors/index.js';

/**
 * Every way a document can be refused, with the Vietnamese sentence shown to the person who uploaded
 * it. Codes are stable: the API and the ingest job report them as-is.
 */
export const loaderErrors = {
  tooLarge: (bytes: number, limit: number) =>
    new AppError({
      status: 413,
      code: 'document-too-large',
      detail: `Tệp quá lớn (${formatMegabytes(bytes)}); giới hạn là ${formatMegabytes(limit)}.`,
    }),
  empty: () => new AppError({ status: 422, code: 'document-empty', detail: 'Tệp rỗng, không có nội dung.' }),
  unsupported: (what: string, cause?: unknown) =>
    new AppError({
      status: 415,
      code: 'unsupported-format',
      detail: `${what} Hệ thống nhận PDF, DOCX, DOC, TXT, HTML, ảnh (PNG, JPEG, TIFF) và bản ghi thủ tục hành chính (JSON).`,
      cause,
    }),
  pdfEncrypted: (cause?: unknown) =>
    new AppError({ status: 422, code: 'pdf-encrypted', detail: 'Tệp PDF được bảo vệ bằng mật khẩu; hãy gửi bản không đặt mật khẩu.', cause }),
  pdfCorrupt: (cause?: unknown) =>
    new AppError({ status: 422, code: 'pdf-corrupt', detail: 'Tệp PDF bị hỏng hoặc không đúng định dạng PDF; hãy xuất lại tệp từ phần mềm gốc.', cause }),
  pdfNoPages: () => new AppError({ status: 422, code: 'pdf-no-pages', detail: 'Tệp PDF không có trang nào.' }),
  pdfTooManyPages: (pages: number, limit: number) =>
    new AppError({ status: 413, code: 'pdf-too-many-pages', detail: `Tệp PDF có ${pages} trang, vượt giới hạn ${limit} trang; hãy tách thành nhiều tệp.` }),
  pdfNeedsOcr: () =>
    new AppError({
      status: 422,
      code: 'pdf-needs-ocr',
      detail: 'Tệp PDF là bản quét (chỉ có hình ảnh, không có lớp chữ) và chức năng nhận dạng chữ (OCR) chưa được bật.',
    }),
  officeEncrypted: (kind: 'docx' | 'doc') =>
    new AppError({
      status: 422,
      code: `${kind}-encrypted`,
      detail: `Tệp ${kind.toUpperCase()} được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu trong Word (Tệp → Thông tin → Bảo vệ tài liệu) rồi gửi lại.`,
    }),
  officeCorrupt: (kind: 'docx' | 'doc', cause?: unknown) =>
    new AppError({ status: 422, code: `${kind}-corrupt`, detail: `Tệp ${kind.toUpperCase()} bị hỏng hoặc không đọc được; hãy mở bằng Word và lưu lại.`, cause }),
  archiveTooLarge: (reason: string) =>
    new AppError({
      status: 413,
      code: 'docx-too-large',
      detail: `Tệp DOCX bị từ chối vì khi giải nén quá lớn (${reason}); đây có thể là tệp độc hại ("zip bomb").`,
    }),
  textEncoding: (reason: string) =>
    new AppError({
      status: 422,
      code: 'text-encoding-unsupported',
      detail: `Không giải mã được văn bản: ${reason}. Hãy lưu tệp ở dạng Unicode (UTF-8); văn bản gõ bằng bảng mã TCVN3 (ABC) hoặc VNI cần chuyển sang Unicode trước (ví dụ bằng Unikey).`,
    }),
  notProcedureRecord: (reason: string) =>
    new AppError({
      status: 422,
      code: 'json-not-procedure-record',
      detail: `Tệp JSON không phải bản ghi thủ tục hành chính của Cổng Dịch vụ công quốc gia (${reason}).`,
    }),
  imageTooLarge: (width: number, height: number, limit: number) =>
    new AppError({
      status: 413,
      code: 'image-too-large',
      detail: `Ảnh quá lớn (${width}×${height} điểm ảnh); giới hạn ${Math.round(limit / 1e6)} triệu điểm ảnh. Hãy quét lại ở độ phân giải 200–300 dpi.`,
    }),
  ocrUnavailable: () =>
    new AppError({ status: 503, code: 'ocr-unavailable', detail: 'Chức năng nhận dạng chữ (OCR) chưa được bật nên chưa xử lý được tệp ảnh.' }),
};

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
