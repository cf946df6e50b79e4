import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDocument } from './index.js';
import { sharedPath, skipUnlessShared } from './testing/shared-corpus.js';

const load = (file: string) => loadDocument({ bytes: new Uint8Array(readFileSync(file)), filename: path.basename(file) });

const provincial = 'corpora/procedures/provincial';

test('all 53 provincial .doc procedures load with text and tables', { skip: skipUnlessShared(provincial) }, async () => {
  const root = sharedPath(provincial);
  const files = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(path.join(root, entry.name)).filter((name) => name.endsWith('.doc')).map((name) => path.join(root, entry.name, name)));
  assert.equal(files.length, 53);
  let cells = 0;
  for (const file of files) {
    const document = await load(file);
    const label = path.relative(root, file);
    assert.equal(document.format, 'doc', label);
    const text = document.pages[0]!.text;
    assert.ok(text.length > 3000, `${label}: ${text.length} characters`);
    assert.match(text, /Thời hạn giải quyết|thời gian giải quyết/i, label);
    // Word's own table layout survives in the text: cells end with a tab, rows with a line break.
    assert.match(text, /[^\t\n]+\t[^\t\n]*\t\n/, label);
    assert.ok((document.tables?.length ?? 0) >= 4, `${label}: ${document.tables?.length} tables`);
    const flat = text.replace(/\s+/g, ' ');
    for (const table of document.tables ?? []) {
      for (const row of table) {
        for (const cell of row) {
          if (!cell) continue;
          cells++;
          assert.ok(flat.includes(cell.replace(/\s+/g, ' ')), `${label}: cell not in text: ${cell.slice(0, 80)}`);
        }
      }
    }
  }
  assert.ok(cells > 3000, `${cells} cells`);
});

test('a procedure table splits into its real rows and cells', { skip: skipUnlessShared(provincial, 'quy_trinh_cap_ho_tich_cap_xa/DOC_002.doc') }, async () => {
  const document = await load(sharedPath(provincial, 'quy_trinh_cap_ho_tich_cap_xa/DOC_002.doc'));
  const steps = document.tables?.find((table) => table[0]?.[1]?.startsWith('Trình tự các bước công việc'));
  assert.ok(steps, 'table "Trình tự các bước công việc" not found');
  assert.deepEqual(steps[0], ['TT', 'Trình tự các bước công việc*', 'Trách nhiệm', 'Thời gian (01 ngày làm việc)']);
  assert.ok(steps.every((row) => row.length === 4));
  assert.equal(steps[4]?.[1], 'Đóng dấu văn bản');
  assert.match(steps[1]?.[1] ?? '', /^Tiếp nhận hồ sơ kiểm tra tính pháp lý và nội dung hồ sơ:\n- Phù hợp/);
});

test('a law as UTF-8 text', { skip: skipUnlessShared('corpora/laws/luat-cu-tru-2020.txt') }, async () => {
  const document = await load(sharedPath('corpora/laws/luat-cu-tru-2020.txt'));
  assert.equal(document.format, 'txt');
  assert.equal(document.metadata.encoding, 'utf-8');
  const text = document.pages[0]!.text;
  assert.match(text, /^Điều 1\. Phạm vi điều chỉnh$/m);
  assert.equal(text.match(/^Điều \d+\./gm)?.length, 38);
});

test('a national TTHC record as JSON', { skip: skipUnlessShared('corpora/procedures/national/records/bo-tu-phap/1.000080.json') }, async () => {
  const document = await load(sharedPath('corpora/procedures/national/records/bo-tu-phap/1.000080.json'));
  assert.equal(document.format, 'json');
  assert.equal(document.record?.ma_thu_tuc, '1.000080');
  assert.equal(document.record?.linh_vuc, 'Hộ tịch');
  assert.equal(document.pages[0]!.text, document.record?.raw_text);
});

test('born-digital PDF has a text layer, laid out in printed lines', { skip: skipUnlessShared('corpora/ocr/born_digital_pdf/TT_02-2021-TT-BTC.pdf') }, async () => {
  const document = await load(sharedPath('corpora/ocr/born_digital_pdf/TT_02-2021-TT-BTC.pdf'));
  assert.equal(document.metadata.pageCount, 3);
  assert.ok(document.pages.every((page) => page.method === 'text-layer'));
  const first = document.pages[0]!.text;
  // Two header columns side by side, separated by a tab.
  assert.match(first, /^BỘ TÀI CHÍNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/m);
  assert.match(first, /^Số: 02\/2021\/TT-BTC\tHà Nội, ngày 08 tháng 01 năm 2021$/m);
  assert.match(first, /^Điều 1\. Phạm vi điều chỉnh, đối tượng áp dụng$/m);
  assert.equal(document.metadata.createdAt, '2021-04-08T12:50:19+07:00');
});

test('the DC01 form as DOCX keeps its tables', { skip: skipUnlessShared('corpora/forms/mau-dc01.docx') }, async () => {
  const document = await load(sharedPath('corpora/forms/mau-dc01.docx'));
  assert.equal(document.format, 'docx');
  assert.match(document.pages[0]!.text, /PHIẾU THU THẬP THÔNG TIN DÂN CƯ/);
  const relatives = document.tables?.find((table) => table[0]?.[0] === 'TT' && table[0]?.includes('Quốc tịch'));
  assert.ok(relatives, 'relatives table not found');
  assert.deepEqual(relatives[0], ['TT', 'Họ, chữ đệm và tên', 'Mối quan hệ với người kê khai', 'Quốc tịch', 'Số CNMD 9 số', 'Số Định danh cá nhân']);
});

test('a scanned PDF without OCR engine reports that OCR is needed', { skip: skipUnlessShared('corpora/ocr/scanned_pdf/CV_2243-PCCC-CNCH-P6_scan_signed.pdf') }, async () => {
  await assert.rejects(load(sharedPath('corpora/ocr/scanned_pdf/CV_2243-PCCC-CNCH-P6_scan_signed.pdf')), { code: 'pdf-needs-ocr' });
});
