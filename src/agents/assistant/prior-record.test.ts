import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combinedNotMeant, divorcedAbroad, requiredProcedure, unmarriedParents } from './prior-record.js';
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

test('unmarried parents: birth registration combined with recognising the father, or the recognition alone', () => {
  const combined = 'hai vo chong toi chua dang ky ket hon, vua sinh con xong. muon lam giay khai sinh co ten ca bo luon';
  assert.equal(unmarriedParents(combined, words(combined))?.query, 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con');
  const registered = 'Tôi và mẹ cháu chưa đăng ký kết hôn, giấy khai sinh của con chỉ có tên mẹ. Tôi muốn làm thủ tục nhận con';
  assert.equal(unmarriedParents(registered, words(registered))?.query, 'Đăng ký nhận cha, mẹ, con');
  const foreign = 'Em với bạn trai người Trung Quốc chưa đăng ký kết hôn, em vừa sinh con. Muốn làm giấy khai sinh cho bé có tên bố';
  const found = unmarriedParents(foreign, words(`${foreign} có yếu tố nước ngoài`));
  assert.ok(found?.name.test(' dang ky khai sinh ket hop dang ky nhan cha me con co yeu to nuoc ngoai '));
  const blank = 'ở chung không đăng ký kết hôn, khai sinh thì bỏ trống phần cha. Giờ tôi muốn làm thủ tục nhận con';
  assert.equal(unmarriedParents(blank, words(blank))?.query, 'Đăng ký nhận cha, mẹ, con');
  assert.equal(unmarriedParents('đăng ký kết hôn cần gì', words('đăng ký kết hôn cần gì')), undefined);
});

test('the procedure the story requires: the divorce record first, else the parents\' case', () => {
  const divorce = 'đã ly hôn ở Hàn Quốc, giờ muốn đăng ký kết hôn với người cùng quê';
  assert.ok(requiredProcedure(divorce, words(`${divorce} có yếu tố nước ngoài`))?.name.test(' ghi vao so ho tich viec ly hon huy viec ket hon '));
  assert.equal(requiredProcedure('lệ phí đăng ký kết hôn', words('lệ phí đăng ký kết hôn')), undefined);
});

test('the combined birth registration and recognition, chosen where only one of them is meant', () => {
  const combined = 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con';
  const foreignCombined = `${combined} có yếu tố nước ngoài`;
  // the child already has a birth certificate: the recognition alone
  assert.equal(combinedNotMeant('giấy khai sinh của bé chưa có tên cha, giờ bố cháu muốn nhận con', combined)?.query, 'Đăng ký nhận cha, mẹ, con');
  // nothing said of recognising: the birth registration alone, foreign kept
  const korean = combinedNotMeant('Bố cháu là người Hàn Quốc, mẹ người Việt, làm giấy khai sinh cần nộp giấy gì?', foreignCombined);
  assert.equal(korean?.query, 'Đăng ký khai sinh có yếu tố nước ngoài');
  assert.ok(korean?.name.test(' dang ky khai sinh co yeu to nuoc ngoai '));
  // the father to be named, or unmarried parents: the combined one stays
  assert.equal(combinedNotMeant('muốn làm giấy khai sinh cho con mà có tên tôi là cha luôn', combined), undefined);
  assert.equal(combinedNotMeant('chúng tôi chưa đăng ký kết hôn, làm khai sinh cho con cần gì', combined), undefined);
  assert.equal(combinedNotMeant('khai sinh kết hợp nhận cha cần gì', combined), undefined);
  // another procedure chosen: nothing to say
  assert.equal(combinedNotMeant('làm giấy khai sinh cần gì', 'Đăng ký khai sinh'), undefined);
});
