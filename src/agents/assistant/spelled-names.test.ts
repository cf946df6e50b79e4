import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpelledNames } from './spelled-names.js';

const names = ['Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc', 'Cấp bản sao từ sổ gốc', 'Thủ tục cấp bản sao từ sổ gốc', 'Đăng ký lại khai sinh', 'Đăng ký lại khai sinh có yếu tố nước ngoài', 'Đăng ký kết hôn', 'Cấp hộ chiếu phổ thông (thực hiện tại cấp tỉnh)'];
const spelled = new SpelledNames(names);

test('a procedure name the question spells out, without its leading verb, is found; the longest wins', () => {
  assert.equal(spelled.find('em lam mat bang tot nghiep, nghe noi xin ban sao tu so goc duoc, xin o dau?')?.core, 'ban sao tu so goc');
  assert.equal(spelled.find('muốn làm lại khai sinh có yếu tố nước ngoài cho con')?.name, 'Đăng ký lại khai sinh có yếu tố nước ngoài');
  assert.equal(spelled.find('làm lại khai sinh thì cần gì')?.name, 'Đăng ký lại khai sinh');
  assert.equal(spelled.find('xin hộ chiếu phổ thông ở đâu')?.core, 'ho chieu pho thong');
  // two words name a family, not one procedure
  assert.equal(spelled.find('đăng ký kết hôn cần gì'), undefined);
});

test('an item of a name that lists what it covers names it; short items do not', () => {
  assert.equal(spelled.find('muốn xác định lại dân tộc cho cháu theo mẹ')?.name, 'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc');
  assert.equal(spelled.find('làm thủ tục cải chính ở đâu'), undefined);
  // each bare verb of the list with the object the acts share
  assert.equal(spelled.find('thay đổi thông tin hộ tịch họ tên cho con')?.name, 'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc');
  assert.equal(spelled.find('cai chinh thong tin ho tich')?.core, 'cai chinh thong tin ho tich');
  // the category `hộ tịch` of an opening item stands for each civil-status event
  const copies = new SpelledNames(['Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh']);
  assert.equal(copies.find('tôi muốn xin bản sao trích lục kết hôn')?.name, 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh');
  // an opening item alone names nothing (`chứng thực hợp đồng` opens several names)
  const contracts = new SpelledNames(['Thủ tục chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản']);
  assert.equal(contracts.find('chứng thực hợp đồng mua bán xe máy thì hủy thế nào'), undefined);
  // a list of things is not a list of acts
  const things = new SpelledNames(['Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân']);
  assert.equal(things.find('ngoài bản sao giấy tờ cá nhân có cần thêm gì'), undefined);
  // an act keeps its verb: the paper alone is not the act of issuing it
  const land = new SpelledNames(['Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu']);
  assert.equal(land.find('có bắt buộc nộp bản sao giấy chứng nhận quyền sử dụng đất không'), undefined);
  assert.equal(land.find('cấp giấy chứng nhận quyền sử dụng đất lần đầu')?.core, 'cap giay chung nhan quyen su dung dat');
});
