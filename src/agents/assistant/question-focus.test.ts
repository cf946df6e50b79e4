import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROCEDURE_SECTION_TITLES } from '../../ingest/structure/index.js';
import { ageFit, ageLines, asksDeadline, durationFit, asksElsewhere, asksOnline, deadlineLines, itemLines, onlineLines, residenceLines, situationLines, statedAges, statedDurations } from './question-focus.js';
import { procedurePassage } from './testing/procedure-passage.js';

test("a question about the citizen's own time limit is told from one about the office's", () => {
  assert.equal(asksDeadline('Thời hạn phải đi đăng ký là bao lâu kể từ ngày mất?'), true);
  assert.equal(asksDeadline('sinh con bao lâu thì phải đi làm giấy khai sinh'), true);
  assert.equal(asksDeadline('phai khai bao trong may ngay'), true);
  assert.equal(asksDeadline('co can bao mat voi cong an khong, trong bao lau'), true);
  assert.equal(asksDeadline('con toi sinh duoc 2 thang, qua han dang ky khai sinh chua'), true);
  assert.equal(asksDeadline('nghỉ thai sản xong thì phải nộp giấy tờ cho công ty trong thời hạn bao lâu?'), true);
  // the office's processing time
  assert.equal(asksDeadline('làm giấy khai sinh mất bao lâu?'), false);
  assert.equal(asksDeadline('bao lâu thì có kết quả kể từ ngày nộp hồ sơ?'), false);
  assert.equal(asksDeadline('thời hạn giải quyết là bao nhiêu ngày'), false);
});

test('the sentences putting a time limit on someone are found; the office counting from filing is not one', () => {
  const passages = [
    procedurePassage('p1', '- Giấy báo tử;\n- Trong thời hạn 15 ngày kể từ ngày có người chết thì vợ, chồng hoặc con có trách nhiệm đi đăng ký khai tử; cán bộ ghi vào Sổ.'),
    procedurePassage('p2', 'Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ, công chức phải trả kết quả.'),
    procedurePassage('p3', 'Trong 05 ngày kể từ ngày sinh, người đi khai thấy ghi rõ.'),
    procedurePassage('p4', 'Thời hạn nộp hồ sơ chậm nhất 45 ngày kể từ ngày hết thời gian nghỉ việc hưởng chế độ thai sản.'),
  ];
  const lines = deadlineLines(passages);
  assert.deepEqual(lines.map((line) => line.passage?.id), ['p4', 'p1']);
  // the person's act in the time limit, said without `phải`
  const lost = procedurePassage('p5', 'Trong thời hạn 02 ngày làm việc kể từ ngày phát hiện thẻ bị mất, người mất thẻ nộp hoặc gửi đơn báo mất cho công an xã.');
  assert.deepEqual(deadlineLines([lost]).map((line) => line.passage?.id), ['p5']);
  // one sentence of the line (its list mark kept), verbatim, so the citation check finds it in the passage
  assert.equal(lines[1]!.text, '- Trong thời hạn 15 ngày kể từ ngày có người chết thì vợ, chồng hoặc con có trách nhiệm đi đăng ký khai tử;');
  assert.ok(passages[0]!.text.includes(lines[1]!.text));
});

test('a question about applying online finds what the procedure says of it, not its legal basis or a list heading', () => {
  assert.equal(asksOnline('nop online duoc khong?'), true);
  assert.equal(asksOnline('Có nộp qua Cổng dịch vụ công được không?'), true);
  assert.equal(asksOnline('nộp ở đâu?'), false);
  const passages = [
    procedurePassage('p1', '- Đối với giấy tờ gửi kèm nếu nộp hồ sơ theo hình thức trực tuyến:\n+ Bản chụp phải rõ nét.\n- Tờ khai theo mẫu.'),
    procedurePassage('p2', '+ Mẫu hộ tịch điện tử tương tác (nếu nộp hồ sơ theo hình thức trực tuyến).', undefined, PROCEDURE_SECTION_TITLES.mauDonToKhai),
    procedurePassage('p3', '- Nghị định số 87/2020/NĐ-CP quy định về đăng ký hộ tịch trực tuyến;', undefined, PROCEDURE_SECTION_TITLES.canCuPhapLy),
  ];
  assert.deepEqual(onlineLines(passages).map((line) => line.passage?.id), ['p2']);
});

test("the procedure's line naming the citizen's situation (two question words in a row the name lacks) is found", () => {
  const name = 'Chứng thực chữ ký người dịch';
  const passages = [
    procedurePassage('p1', '- Bản dịch đính kèm giấy tờ cần dịch;\n- Phí chứng thực: 10.000 đồng.', { code: 'QT 10', name }),
    procedurePassage('p2', '* Ủy ban nhân dân cấp xã chỉ chứng thực chữ ký người dịch khi người đó tự dịch giấy tờ, văn bản của mình.', { code: 'QT 10', name }),
  ];
  const lines = situationLines('Tôi tự dịch bằng đại học của mình, xã có chứng thực chữ ký người dịch không?', name, passages);
  assert.deepEqual(lines.map((line) => line.passage?.id), ['p2']);
  assert.equal(lines[0]!.text, passages[1]!.text);
  // the same without accents
  assert.deepEqual(situationLines('toi tu dich bang cua minh thi xa co chung thuc chu ky nguoi dich khong', name, passages).map((line) => line.passage?.id), ['p2']);
  // the procedure's own name words are no situation
  assert.deepEqual(situationLines('chứng thực chữ ký người dịch phí bao nhiêu?', name, passages), []);
});

test('a party named by a country is the procedure’s `người nước ngoài`, read apart from the question’s words', () => {
  const name = 'Đăng ký khai sinh có yếu tố nước ngoài';
  const passages = [
    procedurePassage('p1', '- Tờ khai đăng ký khai sinh theo mẫu;\n- Giấy chứng sinh.'),
    procedurePassage('p2', '- Trường hợp cha hoặc mẹ là người nước ngoài thì phải nộp văn bản thỏa thuận về việc lựa chọn quốc tịch cho con;'),
    procedurePassage('p3', 'Ghi vào Sổ đăng ký khai sinh, người yêu cầu đăng ký khai sinh ký tên vào sổ.'),
  ];
  const korean = situationLines('Chồng em là người Hàn Quốc. Làm giấy khai sinh cho bé cần nộp giấy gì?', name, passages);
  assert.deepEqual(korean.map((line) => line.passage?.id), ['p2']);
  assert.deepEqual(situationLines('bo chau la nguoi Han Quoc, lam khai sinh nop them giay gi', name, passages).map((line) => line.passage?.id), ['p2']);
  // no country named: nothing about foreigners
  assert.deepEqual(situationLines('Làm giấy khai sinh cho bé cần nộp giấy gì?', name, passages), []);
});

test('situation pairs: words side by side in the question, the rarer pair first, no line the overview cut', () => {
  const name = 'Ghi vào Sổ hộ tịch việc ly hôn ở nước ngoài';
  const passages = [
    procedurePassage('steps', 'Ghi vào Sổ ghi chú ly hôn, người yêu cầu ký tên vào sổ.'),
    procedurePassage('papers', '- Bản sao bản án ly hôn;\n- Bản sao bản án, quyết định khác.'),
    procedurePassage('rule', 'Công dân đã ly hôn ở nước ngoài, về nước đăng ký kết hôn mới thì phải ghi chú ly hôn.'),
    procedurePassage('cut', 'Thành phần hồ sơ: đăng ký kết hôn mới thì phải…'),
  ];
  const lines = situationLines('Tôi ly hôn theo bản án của tòa nước ngoài, nay định đăng ký kết hôn với người khác', name, passages);
  // `hôn người` is no pair (`với` stands between them); `ký kết` is in one line, `bản án` in two
  assert.deepEqual(lines.map((line) => line.passage?.id), ['rule', 'papers']);
});

test('how a paper of the list must be is answered by that item, whatever the aspect read', () => {
  const papers = procedurePassage('p1', '- Tờ khai đề nghị cấp thẻ theo mẫu;\n- 02 ảnh màu cỡ 3x4, chụp trong 6 tháng gần nhất, nền xanh;\n- Giấy tờ chứng minh nơi ở.');
  const steps = procedurePassage('p2', 'Bước 1: nộp ảnh và tờ khai tại xã.', undefined, PROCEDURE_SECTION_TITLES.trinhTuThucHien);
  assert.deepEqual(itemLines('lam the lan dau thi anh chup phai the nao?', [papers, steps]).map((line) => line.text), ['- 02 ảnh màu cỡ 3x4, chụp trong 6 tháng gần nhất, nền xanh;']);
  assert.deepEqual(itemLines('Tờ khai ghi ra sao?', [papers]).map((line) => line.text), ['- Tờ khai đề nghị cấp thẻ theo mẫu;']);
  // the item named without asking how it must be, or a kind word alone (`giấy`), is no item asked about
  assert.deepEqual(itemLines('cần mấy ảnh?', [papers]), []);
  assert.deepEqual(itemLines('giấy này làm thế nào?', [papers]), []);
});

test('an age the question states finds the lines whose age bounds hold it, each clause with its own bounds', () => {
  const conditions = procedurePassage(
    'p1',
    '- Người nhận nuôi hơn con nuôi từ 20 tuổi trở lên;\n+ Là trẻ em dưới 16 tuổi; nếu được cô, dì, chú ruột nhận làm con nuôi thì đến dưới 18 tuổi;\n- Trẻ em từ đủ 9 tuổi trở lên phải đồng ý.',
    undefined,
    PROCEDURE_SECTION_TITLES.yeuCauDieuKien,
  );
  const texts = (question: string) => ageLines(question, [conditions]).map((line) => line.text);
  const nephew = '+ Là trẻ em dưới 16 tuổi; nếu được cô, dì, chú ruột nhận làm con nuôi thì đến dưới 18 tuổi;';
  const consent = '- Trẻ em từ đủ 9 tuổi trở lên phải đồng ý.';
  // 17: held by `đến dưới 18` (one year off) and `từ đủ 9 trở lên` (eight); not by `dưới 16`
  assert.deepEqual(texts('chau toi nam nay 17 tuoi, toi la di ruot muon nhan nuoi'), [nephew, consent]);
  // 12: `từ đủ 9` is closer than `dưới 16`
  assert.deepEqual(texts('Bé 12 tuổi có cần đồng ý không?'), [consent, nephew]);
  // no age stated, or one no line bounds
  assert.deepEqual(texts('nhận con nuôi cần gì?'), []);
  // an age in months is under the bounds in years
  assert.deepEqual(texts('bé 5 tháng tuổi'), [nephew]);
});

test('ages are read in months, in the question and in the bounds of a clause', () => {
  assert.deepEqual(statedAges('con gái được 2 tuổi, bé út 8 tháng tuổi'), [24, 8]);
  const custody = '3. Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi';
  assert.equal(ageFit(custody, [24]), 12);
  assert.equal(ageFit(custody, [48]), undefined);
  assert.equal(ageFit('con từ đủ 07 tuổi trở lên', [108]), 24);
  assert.equal(ageFit('Chồng không có quyền yêu cầu ly hôn', [24]), undefined);
  // a range is one bound; single bounds stand alone, even two of them in one sentence about two people
  assert.equal(ageFit('Con từ đủ 15 tuổi đến dưới 18 tuổi có quyền định đoạt tài sản riêng', [192]), 36);
  assert.equal(ageFit('Con từ đủ 15 tuổi đến dưới 18 tuổi có quyền', [120]), undefined);
  assert.equal(ageFit('Người dưới 16 tuổi chỉ được làm khi có người từ đủ 18 tuổi trở lên đi cùng', [144]), 48);
});

test('applying away from home finds what the procedure says of residence, "anywhere" first', () => {
  assert.equal(asksElsewhere('Muốn cấp đổi thẻ căn cước thì có phải về quê không?'), true);
  assert.equal(asksElsewhere('lam o tinh khac duoc khong'), true);
  assert.equal(asksElsewhere('Tôi đang ở tạm bên Pleiku, có phải về đúng công an xã nơi thường trú mới làm được không?'), true);
  assert.equal(asksElsewhere('cấp đổi thẻ căn cước cần giấy tờ gì?'), false);
  const steps = procedurePassage(
    'p1',
    'Bước 1: Công dân khai nơi cư trú trên tờ khai.\n+ Công dân đến Công an cấp xã trong cả nước không phụ thuộc vào nơi cư trú để đề nghị cấp đổi thẻ.',
    undefined,
    PROCEDURE_SECTION_TITLES.trinhTuThucHien,
  );
  assert.deepEqual(residenceLines([steps]).map((line) => line.text), ['+ Công dân đến Công an cấp xã trong cả nước không phụ thuộc vào nơi cư trú để đề nghị cấp đổi thẻ.']);
  // without such a sentence, what it says of residence
  const local = procedurePassage('p2', 'Nộp hồ sơ tại Ủy ban nhân dân cấp xã nơi thường trú của người yêu cầu.', undefined, PROCEDURE_SECTION_TITLES.cachThucThucHien);
  assert.deepEqual(residenceLines([local]).map((line) => line.text), ['Nộp hồ sơ tại Ủy ban nhân dân cấp xã nơi thường trú của người yêu cầu.']);
});

test('lengths of time are read in days, and the floor of time a story passes closest is found', () => {
  assert.deepEqual(statedDurations('làm công ty được hơn một năm rồi, trước đó học nghề 3 tháng'), [365, 90]);
  // the fifth month of a pregnancy, a year, `năm nay` state no length of time
  assert.deepEqual(statedDurations('mang thai tháng thứ 5, cưới năm 1998, năm nay'), []);
  const defendant = 'a) Đi khỏi phạm vi đơn vị hành chính cấp xã nơi đang cư trú từ 01 ngày trở lên đối với bị can';
  const worker = 'd) Đi khỏi phạm vi đơn vị hành chính cấp xã nơi thường trú từ 12 tháng liên tục trở lên';
  assert.equal(durationFit(defendant, [365]), 364);
  assert.equal(durationFit(worker, [365]), 5);
  assert.equal(durationFit(worker, [90]), undefined);
});
