import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointsBack, properNouns, requestSentence, withoutHomeProvince, withoutPlaceholders } from './question-text.js';

test('a story then a request: the last sentence that asks', () => {
  assert.equal(
    requestSentence('ba toi moi mat o benh vien tinh, con nha thi o xa Ia Hrung. Gio lam giay khai tu cho ba thi len xa nao lam?'),
    'Gio lam giay khai tu cho ba thi len xa nao lam?',
  );
  assert.equal(requestSentence('Đăng ký khai sinh cần gì? Tôi ở Pleiku.'), 'Đăng ký khai sinh cần gì?');
  assert.equal(requestSentence('đăng ký khai sinh cần gì'), undefined);
});

test('capitalised words inside a sentence are names; abbreviations and sentence starts are not', () => {
  const names = properNouns('Em ở Đak Pơ lên Pleiku thuê trọ. Muốn đăng ký tạm trú ở UBND phường thì nộp ở đâu?');
  assert.ok(names.has('dak') && names.has('po') && names.has('pleiku'));
  assert.ok(!names.has('ubnd') && !names.has('muon') && !names.has('em'));
  // the accented form tells `Chư` (a place) from `chủ`, `chữ` of procedure names
  assert.equal(properNouns('Vợ chồng tôi ở Chư Sê, muốn nhận con nuôi').get('chu'), 'chư');
});

test('redaction placeholders and the words announcing them carry no question', () => {
  assert.equal(withoutPlaceholders('số CCCD [CCCD] của tôi, làm hộ chiếu cần gì?'), 'của tôi, làm hộ chiếu cần gì?');
});

test('the province the assistant serves is implied, not a topic', () => {
  assert.equal(withoutHomeProvince('Lần đầu làm hộ chiếu ở Công an tỉnh Gia Lai thì cần gì?'), 'Lần đầu làm hộ chiếu ở Công an thì cần gì?');
  assert.equal(withoutHomeProvince('lam ho chieu o gia lai'), 'lam ho chieu');
  // not inside other words
  assert.equal(withoutHomeProvince('gia hạn giấy phép, cấp lại'), 'gia hạn giấy phép, cấp lại');
});

test('a request that only points back to the story does not say what is asked', () => {
  assert.equal(pointsBack('Việc này có phải xin phép cơ quan nào không, thủ tục ra sao?'), true);
  assert.equal(pointsBack('truong hop nay co duoc khong'), true);
  assert.equal(pointsBack('Vậy làm chung một lần được không, hồ sơ gồm những gì ạ?'), true);
  assert.equal(pointsBack('Đăng ký khai tử ở đâu?'), false);
});
