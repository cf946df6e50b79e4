import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripQuestionFormulas, synonymExpansions, withSynonymsReplaced } from './query.normalize.js';

test('informal wording gets its formal words, matched with accents when typed with them', () => {
  assert.deepEqual(synonymExpansions('Lấy chồng người Hàn Quốc thì làm giấy tờ gì?').sort(), ['có yếu tố nước ngoài', 'kết hôn']);
  // `cuối` is not `cưới`, and the state under the rule of law is not France
  assert.deepEqual(synonymExpansions('cuối năm làm đám giỗ'), []);
  assert.deepEqual(synonymExpansions('nhà nước pháp quyền xã hội chủ nghĩa'), []);
  // Gia Lai is in the Central Highlands: `người Tây Nguyên` is no foreigner
  assert.deepEqual(synonymExpansions('người tây nguyên'), []);
  assert.deepEqual(synonymExpansions('lay chong nguoi han quoc').sort(), ['có yếu tố nước ngoài', 'kết hôn']);
  // living or going abroad by the country's name; a district named like a country is not abroad
  assert.deepEqual(synonymExpansions('chú tôi định cư ở Mỹ từ nhỏ'), ['có yếu tố nước ngoài']);
  assert.deepEqual(synonymExpansions('đi xuất khẩu lao động sang Hàn'), ['có yếu tố nước ngoài']);
  assert.deepEqual(synonymExpansions('nhà tôi ở Đức Cơ'), []);
  // a vehicle sold is movable property; `bản` (a copy) is not `bán` (sold) when accents are typed
  assert.deepEqual(synonymExpansions('chung thuc hop dong mua ban xe may'), ['tài sản là động sản']);
  assert.deepEqual(synonymExpansions('xin bản xe'), []);
  // the residence confirmation schools ask for
  assert.deepEqual(synonymExpansions('trường yêu cầu giấy xác nhận cư trú'), ['xác nhận thông tin về cư trú']);
  // a clause of a contract changed is `sửa đổi`
  assert.deepEqual(synonymExpansions('hợp đồng đã chứng thực, muốn sửa lại một điều khoản'), ['sửa đổi']);
  // one who cannot sign presses a fingertip: the certification's `điểm chỉ`
  assert.deepEqual(synonymExpansions('ông tôi không biết chữ, lăn tay thay chữ ký'), ['điểm chỉ']);
  assert.deepEqual(synonymExpansions('ong lan tay thay chu ky'), ['điểm chỉ']);
  // a citizen's passport is issued (`cấp`), an ordinary one; a country one travels to is no foreign party
  assert.deepEqual(synonymExpansions('lần đầu làm hộ chiếu để đi du lịch Thái Lan'), ['cấp hộ chiếu phổ thông']);
  assert.deepEqual(synonymExpansions('con gai sap di du hoc Han Quoc, lam ho chieu'), ['cấp hộ chiếu phổ thông']);
  assert.equal(withSynonymsReplaced('làm hộ chiếu đi du lịch Thái Lan'), 'cấp hộ chiếu phổ thông đi du lịch thái lan');
  // a pregnancy is `có thai` in the laws; surrogacy (`mang thai hộ`) is not one
  assert.deepEqual(synonymExpansions('vợ tôi đang mang thai tháng thứ 5'), ['có thai']);
  assert.deepEqual(synonymExpansions('điều kiện mang thai hộ vì mục đích nhân đạo'), []);
  assert.equal(withSynonymsReplaced('vo dang mang thai, khong phai mang thai ho'), 'vo dang co thai, khong phai mang thai ho');
  // a card lost is issued again, not registered again
  assert.deepEqual(synonymExpansions('toi lam mat the can cuoc khi di cho').sort(), ['cấp lại thẻ']);
  // a lost passport is reported
  assert.deepEqual(synonymExpansions('chồng em bị mất hộ chiếu, có cần báo mất không').sort(), ['trình báo mất', 'trình báo mất hộ chiếu', 'đăng ký lại']);
  // …but a foreign spouse's passport is a paper of a marriage with a foreign party
  assert.deepEqual(synonymExpansions('kết hôn với người Pháp, ngoài hộ chiếu của anh ấy cần giấy gì'), ['có yếu tố nước ngoài']);
});

test('the informal phrase is replaced in place, an unaccented text stays unaccented', () => {
  assert.equal(withSynonymsReplaced('nhận một bé ở trung tâm bảo trợ làm con nuôi'), 'nhận trẻ em ở cơ sở nuôi dưỡng làm con nuôi');
  assert.equal(withSynonymsReplaced('giay khai sinh ghi sai ngay sinh'), 'giay khai sinh cai chinh ngay sinh');
  assert.equal(withSynonymsReplaced('đăng ký khai sinh'), 'đăng ký khai sinh');
  assert.equal(withSynonymsReplaced('muon di lam giay cuoi'), 'muon di dang ky ket hon');
  assert.equal(withSynonymsReplaced('photo công chứng bằng tốt nghiệp'), 'chứng thực bản sao bằng tốt nghiệp');
  assert.deepEqual(synonymExpansions('cán bộ đến tận nơi đăng ký khai sinh cho con'), ['lưu động']);
});

test('exam formulas are removed, the content stays', () => {
  assert.equal(stripQuestionFormulas('Công dân có quyền tự do đi lại, đúng hay sai?'), 'công dân có quyền tự do đi lại, ?');
});
