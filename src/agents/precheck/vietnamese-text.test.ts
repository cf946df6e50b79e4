import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIdNumber, editDistance, findIdNumber, foldAligned, foldForCompare, parseDate, parseDateOrYear, tidyName, yearsBetween } from './vietnamese-text.js';

test('folding keeps offsets and drops diacritics', () => {
  const text = 'Họ, chữ đệm và tên: ĐẶNG Thị Ánh';
  const folded = foldAligned(text);
  assert.equal(folded.length, text.length);
  assert.equal(folded, 'ho, chu dem va ten: dang thi anh');
  assert.equal(foldForCompare('NGUYỄN  Văn-An'), foldForCompare('nguyen van an'));
});

test('dates in numeric and worded forms become ISO; impossible dates are refused', () => {
  assert.equal(parseDate('Ngày sinh: 05/03/2020')?.iso, '2020-03-05');
  assert.equal(parseDate('cấp ngày 5-3-2020')?.iso, '2020-03-05');
  assert.equal(parseDate('ngày 07 tháng 11 năm 2019')?.iso, '2019-11-07');
  assert.equal(parseDate('31/02/2020'), undefined);
  assert.equal(parseDateOrYear('Năm sinh: 1988')?.iso, '1988');
  assert.equal(parseDateOrYear('Năm sinh: 1988')?.yearOnly, true);
});

test('12-digit personal numbers encode place, century, sex and birth year; 9 digits are CMND', () => {
  const woman = checkIdNumber('064 195 001 234');
  assert.equal(woman.valid, true);
  assert.equal(woman.kind, 'can_cuoc');
  assert.equal(woman.encodedSex, 'Nữ');
  assert.equal(woman.encodedBirthYear, 1995);
  const boy = checkIdNumber('064225000111');
  assert.equal(boy.encodedSex, 'Nam');
  assert.equal(boy.encodedBirthYear, 2025);
  assert.equal(checkIdNumber('123456789').kind, 'cmnd');
  assert.equal(checkIdNumber('999195001234').valid, false);
  assert.equal(checkIdNumber('12345').valid, false);
  assert.equal(findIdNumber('Số / No.: 064 195 001 234')?.value, '064195001234');
});

test('names, ages and edit distance', () => {
  assert.equal(tidyName('NGUYỄN THỊ LAN ........'), 'Nguyễn Thị Lan');
  assert.equal(yearsBetween('2007-06-10', new Date('2025-06-09T00:00:00Z')), 17);
  assert.equal(yearsBetween('2007-06-10', new Date('2025-06-10T00:00:00Z')), 18);
  assert.equal(editDistance('nguyen van an', 'nguyen van anh'), 1);
});
