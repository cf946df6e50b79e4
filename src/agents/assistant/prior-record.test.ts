import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combinedNotMeant, divorcedAbroad, papersWithoutBirth, requiredProcedure, unmarriedParents } from './prior-record.js';
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

test('never registered at birth but holding papers of one\'s own: the registration for people with papers', () => {
  const grandfather = 'ong ngoai toi sinh nam 1948, co the can cuoc roi nhung tu xua toi gio chua he co giay khai sinh. gio muon lam giay khai sinh cho ong';
  assert.equal(papersWithoutBirth(grandfather, words(grandfather), 'Đăng ký khai sinh')?.query, 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân');
  assert.equal(papersWithoutBirth(grandfather, words(grandfather), 'Đăng ký lại khai sinh')?.query, 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân');
  // living abroad: its foreign variant, also in place of the domestic one
  const uncle = 'Chú tôi định cư ở Mỹ, chưa bao giờ được làm giấy khai sinh, chỉ có hộ chiếu cũ';
  const abroad = papersWithoutBirth(uncle, words(`${uncle} có yếu tố nước ngoài`), 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân');
  assert.ok(abroad?.name.test(' dang ky khai sinh co yeu to nuoc ngoai cho nguoi da co ho so giay to ca nhan '));
  // a newborn without papers, or papers lost after registering: not that
  const newborn = 'con tôi mới sinh chưa làm giấy khai sinh, cần gì';
  assert.equal(papersWithoutBirth(newborn, words(newborn), 'Đăng ký khai sinh'), undefined);
  const lost = 'giấy khai sinh bị mất, tôi có căn cước, làm lại thế nào';
  assert.equal(papersWithoutBirth(lost, words(lost), 'Đăng ký lại khai sinh'), undefined);
  // another procedure chosen: nothing to say
  assert.equal(papersWithoutBirth(grandfather, words(grandfather), 'Đăng ký kết hôn'), undefined);
});

test('unmarried parents in everyday words: "chưa cưới", the father\'s name "ghi tên mình là cha", a blank left for him', () => {
  const words = new Set<string>();
  assert.equal(unmarriedParents('Em với anh ấy chưa cưới, vừa sinh bé. Anh ấy muốn ghi tên mình là cha trong giấy khai sinh của bé luôn.', words)?.query, 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con');
  assert.equal(unmarriedParents('Chúng tôi chưa đăng ký kết hôn, giấy khai sinh của cháu để trống phần tên cha. Giờ tôi muốn nhận con.', words)?.query, 'Đăng ký nhận cha, mẹ, con');
});
