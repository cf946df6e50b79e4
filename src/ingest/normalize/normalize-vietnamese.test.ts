import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldForSearch, normalizeVietnamese, placeToneMark, removeDiacritics } from './index.js';

test('tone marks move to one canonical vowel (hòa, thủy, khỏe, ủy)', () => {
  const cases: [string, string][] = [
    ['hoà', 'hòa'],
    ['Hoà', 'Hòa'],
    ['CỘNG HOÀ', 'CỘNG HÒA'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['Uỷ ban', 'Ủy ban'],
    ['hoá đơn', 'hóa đơn'],
    ['luỹ kế', 'lũy kế'],
    ['toà án', 'tòa án'],
    ['xoà', 'xòa'],
    // Misplaced marks from legacy converters / careless typing.
    ['qúa', 'quá'],
    ['gìa', 'già'],
    ['ngươì', 'người'],
    ['rươụ', 'rượu'],
    ['thuỳên', 'thuyền'],
    ['hóang', 'hoáng'],
    ['mùa', 'mùa'],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeVietnamese(input), expected, input);
});

test('syllables already canonical, or where both styles agree, are left alone', () => {
  for (const word of [
    'hoàng', 'quỳnh', 'hoạch', 'người', 'rượu', 'thuyền', 'khuếch', 'cửa', 'hữu', 'ngoài', 'xoáy', 'khuỷu',
    'ngoẹo', 'giữa', 'già', 'gì', 'gìn', 'quốc', 'quả', 'thuở', 'chịu', 'túi', 'gửi', 'muối', 'khuya', 'Điều',
  ]) {
    assert.equal(placeToneMark(word), word, word);
  }
});

test('quý/quí and lý/lí spellings are not changed, only the tone position', () => {
  assert.equal(normalizeVietnamese('quí khách, quý khách, lí do, lý do'), 'quí khách, quý khách, lí do, lý do');
});

test('non-Vietnamese words and codes are untouched', () => {
  const text = 'Email: café@example.com; NĐ-CP; TCVN ISO 9001:2015; naïve façade';
  assert.equal(normalizeVietnamese(text), text);
});

test('decomposed input (NFD, Windows-1258 style) becomes NFC with the canonical tone', () => {
  const decomposed = 'Ho\u0300a thu\u0309y'.normalize('NFD');
  assert.equal(normalizeVietnamese(decomposed), 'Hòa thủy');
  assert.equal(normalizeVietnamese('Nghi\u0323 \u0111i\u0323nh'), 'Nghị định');
});

test('invisible characters, soft hyphens, ligatures and exotic spaces are cleaned', () => {
  assert.equal(normalizeVietnamese('thủ\u200Btục\u00A0hành\u2009chính'), 'thủtục hành chính');
  assert.equal(normalizeVietnamese('đăng\u00ADký'), 'đăngký');
  assert.equal(normalizeVietnamese('\uFEFFﬁle ﬂow'), 'file flow');
  assert.equal(normalizeVietnamese('Ðiều 5'), 'Điều 5');
  assert.equal(normalizeVietnamese('a\u0007b\u0000c'), 'abc');
});

test('line-end hyphenation: codes keep the hyphen, split words are joined', () => {
  assert.equal(normalizeVietnamese('Nghị định số 120/2016/NĐ-\nCP ngày'), 'Nghị định số 120/2016/NĐ-CP ngày');
  assert.equal(normalizeVietnamese('Thông tư 02/2021/TT-\nBTC'), 'Thông tư 02/2021/TT-BTC');
  assert.equal(normalizeVietnamese('thủ tục hành chín-\nh công'), 'thủ tục hành chính công');
  assert.equal(normalizeVietnamese('infor-\nmation'), 'information');
  assert.equal(normalizeVietnamese('100 ki-\nlô-gam'), '100 ki-lô-gam');
  assert.equal(normalizeVietnamese('kinh tế -\nxã hội'), 'kinh tế -\nxã hội');
  assert.equal(normalizeVietnamese('đăng\u00AD\nký'), 'đăngký');
});

test('structure-carrying line breaks and table tabs survive; blank runs shrink', () => {
  const input = 'Điều 1.  Phạm vi   điều chỉnh  \r\n1. Luật này quy định\r\n\r\n\r\n\r\na) điểm a;\nTT\t Họ tên \tNgày\t\n1\tNguyễn Văn A\t01/01/2020\t\n';
  assert.equal(
    normalizeVietnamese(input),
    'Điều 1. Phạm vi điều chỉnh\n1. Luật này quy định\n\na) điểm a;\nTT\tHọ tên\tNgày\t\n1\tNguyễn Văn A\t01/01/2020\t',
  );
});

test('removeDiacritics and foldForSearch', () => {
  assert.equal(removeDiacritics('Đăng ký khai sinh cho trẻ em'), 'Dang ky khai sinh cho tre em');
  assert.equal(removeDiacritics('ĐỒNG Ý – Được'), 'DONG Y – Duoc');
  assert.equal(foldForSearch('  Thủ tục ĐĂNG KÝ   kết hôn\n'), 'thu tuc dang ky ket hon');
  assert.equal(foldForSearch('Hoà giải'), foldForSearch('Hòa giải'));
  assert.equal(foldForSearch('ﬁ １２'), 'fi 12');
  assert.equal(foldForSearch('Căn cước công dân (CCCD)'), 'can cuoc cong dan (cccd)');
});

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const sharedDir = path.resolve(repositoryRoot, process.env.SHARED_DIR ?? '../shared');
const lawPath = path.join(sharedDir, 'corpora/laws/luat-cu-tru-2020.txt');

test('a real law: only tone positions and whitespace change; normalising twice changes nothing', { skip: existsSync(lawPath) ? false : `shared corpus not found at ${lawPath} (set SHARED_DIR)` }, () => {
  const original = readFileSync(lawPath, 'utf8');
  const normalized = normalizeVietnamese(original);
  assert.equal(normalizeVietnamese(normalized), normalized);
  assert.equal(foldForSearch(normalized), foldForSearch(original));
  assert.equal(normalized.split('\n').filter((line) => line.startsWith('Điều ')).length,
    original.split('\n').filter((line) => line.trimStart().startsWith('Điều ')).length);
  assert.ok(!/hoà|thuỷ|khoẻ|uỷ/i.test(normalized));
});
