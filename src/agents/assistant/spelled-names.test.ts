import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpelledNames } from './spelled-names.js';

const names = ['Cấp bản sao từ sổ gốc', 'Thủ tục cấp bản sao từ sổ gốc', 'Đăng ký lại khai sinh', 'Đăng ký lại khai sinh có yếu tố nước ngoài', 'Đăng ký kết hôn', 'Cấp hộ chiếu phổ thông (thực hiện tại cấp tỉnh)'];
const spelled = new SpelledNames(names);

test('a procedure name the question spells out, without its leading verb, is found; the longest wins', () => {
  assert.equal(spelled.find('em lam mat bang tot nghiep, nghe noi xin ban sao tu so goc duoc, xin o dau?')?.core, 'ban sao tu so goc');
  assert.equal(spelled.find('muốn làm lại khai sinh có yếu tố nước ngoài cho con')?.name, 'Đăng ký lại khai sinh có yếu tố nước ngoài');
  assert.equal(spelled.find('làm lại khai sinh thì cần gì')?.name, 'Đăng ký lại khai sinh');
  assert.equal(spelled.find('xin hộ chiếu phổ thông ở đâu')?.core, 'ho chieu pho thong');
  // two words name a family, not one procedure
  assert.equal(spelled.find('đăng ký kết hôn cần gì'), undefined);
});
