import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors/index.js';
import { documentText, loadDocument } from './index.js';
import type { LoadInput, LoadOptions } from './index.js';
import { buildDocx, buildOleFile, buildZip, encryptedPdf, simplePdf, zeroPagePdf } from './testing/fixtures.js';

const bytes = (text: string, encoding: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(text, encoding));

/** Asserts that loading fails with an AppError of this code, and returns it for further checks. */
async function rejects(input: LoadInput, code: string, options?: LoadOptions): Promise<AppError> {
  try {
    await loadDocument(input, options);
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, code, error.detail);
    assert.match(error.detail, /\p{L}/u);
    return error;
  }
  assert.fail(`expected ${code}`);
}

test('UTF-8, UTF-8 with BOM, UTF-16 with and without BOM decode to the same text', async () => {
  const text = 'Điều 1. Phạm vi điều chỉnh\nLuật này quy định về cư trú.';
  const variants: [Uint8Array, string][] = [
    [bytes(text), 'utf-8'],
    [new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]), 'utf-8'],
    [new Uint8Array([0xff, 0xfe, ...bytes(text, 'utf16le')]), 'utf-16le'],
    [new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]), 'utf-16be'],
    [bytes(text, 'utf16le'), 'utf-16le'],
  ];
  for (const [input, encoding] of variants) {
    const document = await loadDocument({ bytes: input, filename: 'luat.txt' });
    assert.equal(document.format, 'txt');
    assert.equal(document.pages[0]!.text, text);
    assert.equal(document.metadata.encoding, encoding);
  }
});

test('Windows-1258 text (legacy Vietnamese code page) is decoded and composed to NFC', async () => {
  // "Luật Cư trú": â + combining dot below (0xF2), ư (0xFD), u + combining acute (0xEC).
  const cp1258 = new Uint8Array([0x4c, 0x75, 0xe2, 0xf2, 0x74, 0x20, 0x43, 0xfd, 0x20, 0x74, 0x72, 0x75, 0xec]);
  const document = await loadDocument({ bytes: cp1258, filename: 'cu-tru.txt' });
  assert.equal(document.pages[0]!.text, 'Luật Cư trú');
  assert.equal(document.metadata.encoding, 'windows-1258');
});

test('undecodable text (TCVN3 mojibake, binary junk) is refused with a reason', async () => {
  const tcvn3 = await rejects({ bytes: bytes('Bé T\u00a6 ph\u00b8p vµ luËt ph\u00b8p', 'latin1'), filename: 'tcvn3.txt' }, 'text-encoding-unsupported');
  assert.match(tcvn3.detail, /TCVN3/);
  await rejects({ bytes: new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xff, 0x10, 0x11, 0x12, 0x00, 0x05]), filename: 'x.txt' }, 'text-encoding-unsupported');
  await rejects({ bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), filename: 'bad-utf16.txt' }, 'text-encoding-unsupported');
});

test('HTML: scripts and styles dropped, blocks become lines, tables become tab-separated rows', async () => {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Thủ tục &amp; hồ sơ</title>
    <style>p { color: red }</style><script>alert("x")</script></head>
    <body><h1>Đăng ký khai sinh</h1><p>Thời hạn:&nbsp;<b>ngay</b> trong ngày<br>Lệ phí: 8.000&nbsp;đồng</p>
    <ul><li>Tờ khai</li><li>Giấy chứng sinh</li></ul>
    <table><tr><th>TT</th><th>Giấy tờ</th></tr><tr><td>1</td><td><p>Tờ khai</p><p>(bản chính)</p></td></tr></table>
    <!-- comment --><p>Ho&agrave;n th&#224;nh &#x111;&#7907;t</p></body></html>`;
  const document = await loadDocument({ bytes: bytes(html), filename: 'thu-tuc.html' });
  assert.equal(document.format, 'html');
  assert.equal(document.metadata.title, 'Thủ tục & hồ sơ');
  assert.equal(
    document.pages[0]!.text,
    'Đăng ký khai sinh\nThời hạn:\u00a0ngay trong ngày\nLệ phí: 8.000\u00a0đồng\n- Tờ khai\n- Giấy chứng sinh\nTT\tGiấy tờ\t\n1\tTờ khai\n(bản chính)\t\nHoàn thành đợt',
  );
  assert.deepEqual(document.tables, [[['TT', 'Giấy tờ'], ['1', 'Tờ khai\n(bản chính)']]]);
});

test('born-digital PDF: text layer laid out in lines, metadata read', async () => {
  const document = await loadDocument({ bytes: simplePdf(['Cong hoa xa hoi', 'Doc lap - Tu do']), filename: 'a.pdf' });
  assert.equal(document.format, 'pdf');
  assert.deepEqual(document.pages.map((page) => [page.method, page.text]), [['text-layer', 'Cong hoa xa hoi\nDoc lap - Tu do']]);
  assert.equal(document.metadata.pageCount, 1);
});

test('encrypted, zero-page and corrupt PDFs are refused in Vietnamese', async () => {
  const encrypted = await rejects({ bytes: encryptedPdf('Bi mat'), filename: 'mat-khau.pdf' }, 'pdf-encrypted');
  assert.equal(encrypted.status, 422);
  assert.equal(encrypted.detail, 'Tệp PDF được bảo vệ bằng mật khẩu; hãy gửi bản không đặt mật khẩu.');
  await rejects({ bytes: zeroPagePdf(), filename: 'rong.pdf' }, 'pdf-no-pages');
  await rejects({ bytes: bytes('%PDF-1.7\nnot really a PDF'), filename: 'hong.pdf' }, 'pdf-corrupt');
  await rejects({ bytes: simplePdf(['x']).subarray(0, 40), filename: 'cut.pdf' }, 'pdf-corrupt');
  await rejects({ bytes: new Uint8Array([1, 2, 3, 4, 250, 251]), filename: 'not-a.pdf' }, 'pdf-corrupt');
});

test('a PDF without text and without an OCR engine asks for OCR instead of returning nothing', async () => {
  await rejects({ bytes: simplePdf([]), filename: 'scan.pdf' }, 'pdf-needs-ocr');
});

test('DOCX: paragraphs and tables through mammoth', async () => {
  const docx = buildDocx({ paragraphs: ['Thủ tục đăng ký khai sinh', 'Thành phần hồ sơ:'], table: [['TT', 'Giấy tờ', 'Số lượng'], ['1', 'Tờ khai', '01 bản chính']] });
  const document = await loadDocument({ bytes: docx, filename: 'thu-tuc.docx' });
  assert.equal(document.format, 'docx');
  assert.equal(documentText(document), 'Thủ tục đăng ký khai sinh\nThành phần hồ sơ:\nTT\tGiấy tờ\tSố lượng\t\n1\tTờ khai\t01 bản chính\t');
  assert.deepEqual(document.tables, [[['TT', 'Giấy tờ', 'Số lượng'], ['1', 'Tờ khai', '01 bản chính']]]);
});

test('zip bombs are refused from the central directory, before anything is inflated', async () => {
  // 64 MB of zeros deflates to ~64 KB: a 1000:1 ratio.
  const bomb = buildDocx({ documentXml: new Uint8Array(64 * 1024 * 1024) });
  const error = await rejects({ bytes: bomb, filename: 'bomb.docx' }, 'docx-too-large');
  assert.equal(error.status, 413);
  // Many moderately compressed parts: the total is what counts.
  const parts = Array.from({ length: 30 }, (_, index) => ({ name: `word/media/part${index}.xml`, data: new Uint8Array(8 * 1024 * 1024).fill(65 + (index % 20)) }));
  const wide = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }, ...parts]);
  await rejects({ bytes: wide, filename: 'wide.docx' }, 'docx-too-large', { limits: { maxCompressionRatio: 1e9 } });
});

test('a lying ZIP header (declares 1 KB, inflates to 4 MB) is stopped at the declared size', async () => {
  const liar = buildDocx({ documentXml: '<w:document>' + ' '.repeat(4 * 1024 * 1024) + '</w:document>', declaredSize: 1024 });
  await rejects({ bytes: liar, filename: 'liar.docx' }, 'docx-too-large');
});

test('password-protected DOCX (an OLE container) and encrypted DOC are recognised', async () => {
  const encryptedDocx = buildOleFile([
    { name: 'EncryptionInfo', data: new Uint8Array(64) },
    { name: 'EncryptedPackage', data: new Uint8Array(600) },
  ]);
  const docx = await rejects({ bytes: encryptedDocx, filename: 'mat-khau.docx' }, 'docx-encrypted');
  assert.match(docx.detail, /mật khẩu/);
  const fib = new Uint8Array(4096);
  new DataView(fib.buffer).setUint16(0, 0xa5ec, true);
  new DataView(fib.buffer).setUint16(0x0a, 0x0100, true); // fEncrypted
  await rejects({ bytes: buildOleFile([{ name: 'WordDocument', data: fib }]), filename: 'mat-khau.doc' }, 'doc-encrypted');
  await rejects({ bytes: buildOleFile([{ name: 'Workbook', data: new Uint8Array(10) }]), filename: 'bang-tinh.xls' }, 'unsupported-format');
});

test('TTHC JSON records keep the parsed record; other JSON is refused', async () => {
  const record = { ma_thu_tuc: '1.000080', ten_thu_tuc: 'Thủ tục đăng ký khai sinh', raw_text: 'Thủ tục đăng ký khai sinh\nTrình tự thực hiện…', linh_vuc: 'Hộ tịch' };
  const document = await loadDocument({ bytes: bytes(JSON.stringify(record)), filename: '1.000080.json' });
  assert.equal(document.format, 'json');
  assert.equal(document.record?.ma_thu_tuc, '1.000080');
  assert.equal(document.pages[0]!.text, record.raw_text);
  assert.equal(document.metadata.title, record.ten_thu_tuc);
  await rejects({ bytes: bytes('{"hello": 1}'), filename: 'x.json' }, 'json-not-procedure-record');
  await rejects({ bytes: bytes('{not json'), filename: 'x.json' }, 'json-not-procedure-record');
});

test('limits, empty input, RTF, images without OCR, huge images, abort and progress', async () => {
  await rejects({ bytes: new Uint8Array(0), filename: 'a.txt' }, 'document-empty');
  await rejects({ bytes: bytes('x'.repeat(2000)), filename: 'a.txt' }, 'document-too-large', { limits: { maxBytes: 1000 } });
  await rejects({ bytes: bytes('{\\rtf1\\ansi Hello}'), filename: 'a.doc' }, 'unsupported-format');
  const png = new Uint8Array(24);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(png.buffer).setUint32(16, 100_000);
  new DataView(png.buffer).setUint32(20, 100_000);
  await rejects({ bytes: png, filename: 'bom.png' }, 'image-too-large');
  new DataView(png.buffer).setUint32(16, 100);
  new DataView(png.buffer).setUint32(20, 100);
  await rejects({ bytes: png, filename: 'anh.png' }, 'ocr-unavailable');
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(loadDocument({ bytes: bytes('abc'), filename: 'a.txt' }, { signal: controller.signal }), { name: 'AbortError' });
  const progress: number[] = [];
  await loadDocument({ bytes: simplePdf(['a b c d e f g h i j k l m n o p q r s t u v w x y z 0123']), filename: 'a.pdf' }, { onProgress: (value) => progress.push(value) });
  assert.equal(progress.at(-1), 1);
});
