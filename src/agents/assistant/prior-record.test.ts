import assert from 'node:assert/strict';
import { test } from 'node:test';
import { divorcedAbroad } from './prior-record.js';
import { fold } from './text-folding.js';

const words = (text: string) => new Set(fold(text).trim().split(' '));

test('a divorce abroad told before a new marriage asks first for its record', () => {
  const question = 'toi da ly hon o Dai Loan, gio ve que muon dang ky ket hon moi thi phai lam gi truoc?';
  assert.equal(divorcedAbroad(question, words(`${question} có yếu tố nước ngoài`)), true);
  // a divorce at home, or no new marriage: not that
  const home = 'tôi đã ly hôn ở tòa huyện, giờ muốn đăng ký kết hôn mới';
  assert.equal(divorcedAbroad(home, words(home)), false);
  const only = 'ly hôn ở Hàn Quốc thì ghi chú thế nào';
  assert.equal(divorcedAbroad(only, words(`${only} có yếu tố nước ngoài`)), false);
});
