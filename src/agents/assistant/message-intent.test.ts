import assert from 'node:assert/strict';
import { test } from 'node:test';
import { askedAspects, askedLevel, askedObligation, askedPermission, asksHowToProceed, asksRule, namedAfterCue, readAspect, readIntent, soundsAdministrative, topicTokens, topicWords } from './message-intent.js';

test('the level the citizen goes to, with or without accents; `xã hội` is not a commune', () => {
  assert.equal(askedLevel('Nộp hồ sơ xin nhận con nuôi ở xã rồi thì sao?'), 'xa');
  assert.equal(askedLevel('ra ubnd phuong lam giay gi'), 'xa');
  assert.equal(askedLevel('phải lên Sở Tư pháp nộp à?'), 'tinh');
  assert.equal(askedLevel('bé đang ở trung tâm bảo trợ xã hội'), undefined);
  assert.equal(askedLevel('đăng ký khai sinh cần gì'), undefined);
});

test('aspects: counts of copies are the result, `tính tiền` is the fee', () => {
  assert.equal(readAspect('xin một lần được mấy bản?'), 'result');
  assert.equal(readAspect('công chứng bản sao tính tiền thế nào'), 'fee');
  assert.equal(readAspect('mất mấy ngày'), 'time');
  assert.equal(readAspect('ghi vao so ho tich thi xa cap cho em giay gi?'), 'result');
  assert.equal(readAspect('cần những giấy gì?'), 'documents');
  // what is received is the result; which paper to use instead is the documents
  assert.deepEqual(askedAspects('Làm xong thì mình nhận được những giấy gì?', 'result'), ['result']);
  assert.equal(readAspect('Làm xong thì mình nhận được những giấy gì?'), 'result');
  assert.equal(readAspect('Giấy chứng sinh thất lạc, giờ làm khai sinh thì lấy giấy gì thay?'), 'documents');
  // when it can be collected is the time; what to do there the steps; the paper to fill in the forms
  assert.equal(readAspect('Vậy nộp hôm nay thì bao giờ lấy được?'), 'time');
  assert.equal(readAspect('hôm nhận giấy kết hôn, lên đó phải làm những gì?'), 'steps');
  assert.deepEqual(askedAspects('Xin bản sao trích lục ở đâu, cần điền giấy gì?', 'forms'), ['where', 'forms']);
  assert.equal(readAspect('thi phai dien to khai gi va bao lau co a'), 'forms');
  assert.equal(readAspect('hai đứa muốn đăng ký kết hôn thì đã đủ tuổi chưa?'), 'conditions');
  // conditions as a second question only when asked outright
  assert.deepEqual(askedAspects('Có cần cháu đồng ý không, và làm bao lâu thì xong?', 'time'), ['conditions', 'time']);
  assert.equal(readAspect('Tôi có phải làm thủ tục gì với bản án ly hôn đó không, hồ sơ ra sao?'), 'documents');
  assert.deepEqual(askedAspects('Tôi muốn đổi sang giấy chứng nhận mới thì cần nộp những gì và nộp ở đâu?', 'where'), ['documents', 'where']);
  assert.deepEqual(askedAspects('nộp online có được không, bao lâu xong?', 'time'), ['where', 'time']);
});

test('off-topic words whose plain forms are ordinary words are read with their accents', () => {
  assert.equal(readIntent('Mai ở Pleiku có mưa không?').kind, 'out_of_scope');
  assert.equal(readIntent('Ướp gà nướng với gia vị gì cho ngon?').kind, 'out_of_scope');
  assert.equal(readIntent('Điện thoại Samsung của tôi cứ còn 20% pin là tự tắt nguồn, khắc phục sao?').kind, 'out_of_scope');
  assert.equal(readIntent('may tinh cua toi khong ket noi duoc wifi, sua sao?').kind, 'out_of_scope');
  // submitting online over wifi is a question for the office
  assert.equal(readIntent('nộp hồ sơ trực tuyến qua wifi được không').kind, 'question');
  assert.equal(readIntent('tỉ số trận HAGL tối qua?').kind, 'out_of_scope');
  // `mua` (to buy) is not `mưa` (rain)
  assert.equal(readIntent('mua đất của người quen thì chứng thực hợp đồng ở đâu?').kind, 'question');
});

test('a question with no word of the administrative or legal field sounds out of scope; one with any does not', () => {
  assert.equal(soundsAdministrative('Giá cà phê nhân hôm nay ở Chư Sê bao nhiêu một ký vậy bạn?'), false);
  assert.equal(soundsAdministrative('cuoi tuan nay Pleiku co mua khong ban, minh dinh chay xe len Bien Ho choi'), false);
  // a procedure the corpus lacks is still the office's field: "no information", not "out of scope"
  assert.equal(soundsAdministrative('Thủ tục xin giấy phép bay flycam chụp ảnh đám cưới'), true);
  assert.equal(soundsAdministrative('toi muon dang ky hien mau tinh nguyen thi lien he o dau'), true);
  assert.equal(soundsAdministrative('Gia đình muốn bốc mộ cải táng ông bà về đất vườn, có phải xin phép cơ quan nào không?'), true);
  assert.equal(soundsAdministrative('Con 16 tuổi có được lập di chúc không?'), true);
  // `con` (the long form of `child`) is an everyday word; a step is a procedure's
  assert.equal(soundsAdministrative('cuoi tuan nay Pleiku co mua khong, toi dinh cho con di choi'), false);
  assert.equal(soundsAdministrative('bước nào lâu nhất?'), true);
});

test('a filler word stays when it is half of a name pair (`cải chính`), not otherwise', () => {
  const pairs = (first: string, second: string) => `${first} ${second}` === 'cai chinh';
  assert.deepEqual(topicWords('làm thủ tục cải chính thì sao', pairs), ['cai', 'chinh']);
  assert.deepEqual(topicWords('cái này làm ở đâu', pairs), []);
  // `bắt buộc phải` is a modal, like `phải`
  assert.deepEqual(topicWords('Có nộp online được không hay bắt buộc phải lên xã?'), []);
});

test('a second concrete aspect in the same message; papers only when asked for', () => {
  assert.deepEqual(askedAspects('có tốn lệ phí không, bao lâu xong?', 'fee'), ['fee', 'time']);
  assert.deepEqual(askedAspects('Cần mang theo giấy gì và phí chứng thực bao nhiêu?', 'fee'), ['documents', 'fee']);
  // `nộp giấy tờ xong thì…` tells what was done; `được cấp giấy gì` is the result
  assert.deepEqual(askedAspects('Nộp giấy tờ xong thì bao lâu có giấy kết hôn?', 'time'), ['time']);
  assert.deepEqual(askedAspects('Làm xong thì được cấp giấy gì?', 'result'), ['result']);
  // the papers asked with `nộp giấy gì`
  assert.deepEqual(askedAspects('đăng ký khai tử thì cần nộp giấy gì và làm mất bao lâu?', 'time'), ['documents', 'time']);
  // three asks, answered in the order asked
  assert.deepEqual(askedAspects('cham dut giam sat viec giam ho thi nop o dau, bao lau xong, co mat phi khong?', 'fee'), ['where', 'time', 'fee']);
});

test('days spent are the time, not the fee; two asks are answered in the order asked', () => {
  assert.equal(readAspect('đăng ký giám hộ thì mất bao nhiêu ngày?'), 'time');
  assert.equal(readAspect('đăng ký giám hộ thì mất bao nhiêu?'), 'fee');
  assert.deepEqual(askedAspects('Người giám hộ cần điều kiện gì, và đăng ký thì mất bao nhiêu ngày?', 'time'), ['conditions', 'time']);
  // whether it can be done at all asks its conditions; `có nộp online được không` asks where
  assert.equal(readAspect('muốn đăng ký lại khai sinh cho ông đã mất thì có làm được không?'), 'conditions');
  assert.deepEqual(askedAspects('Xã có cử cán bộ xuống tận nhà làm giấy khai sinh được không, mất mấy ngày?', 'time'), ['conditions', 'time']);
  assert.deepEqual(askedAspects('có nộp online được không, bao lâu xong?', 'time'), ['where', 'time']);
  // `có được … không` asks the same; `có được miễn lệ phí không` asks the fee
  assert.equal(readAspect('Tôi có được đăng ký lại khai sinh không?'), 'conditions');
  assert.deepEqual(askedAspects('Tôi có được đăng ký lại khai sinh không, mất bao lâu?', 'time'), ['conditions', 'time']);
  assert.equal(readAspect('có được miễn lệ phí không?'), 'fee');
  // what to bring is the papers
  assert.deepEqual(askedAspects('ra xã chứng thực di chúc thì cần mang gì, hết bao nhiêu tiền?', 'fee'), ['documents', 'fee']);
  // a long clause between `có` and `được không`
  assert.deepEqual(askedAspects('Xã có cử cán bộ xuống tận nhà làm giấy khai sinh cho con tôi được không, mất mấy ngày?', 'time'), ['conditions', 'time']);
  // `… được chưa` asks the same
  assert.deepEqual(askedAspects('Em 17 tuổi rưỡi, ra xã đăng ký kết hôn được chưa, làm mất mấy ngày?', 'time'), ['conditions', 'time']);
  // which commune is where to go; which supporting paper is the documents
  assert.equal(readAspect('mình phải ra ubnd xã nào để đăng ký?'), 'where');
  assert.equal(readAspect('cần chứng cứ gì để chứng minh quan hệ cha con?'), 'documents');
});

test('forging, bribing and one\'s own dossier in everyday words; the penalty for a forged paper is a question', () => {
  assert.equal(readIntent('Có cách nào tự làm một tờ giả có dấu đỏ cho nhanh không?').kind, 'refused');
  assert.equal(readIntent('gửi cán bộ ít tiền cà phê để ký liền trong ngày được không').kind, 'refused');
  assert.equal(readIntent('bằng lái xe giả bị phạt thế nào').kind, 'question');
  assert.equal(readIntent('làm gia hạn giấy phép lái xe cần gì').kind, 'question');
  assert.equal(readIntent('Anh kiểm tra giúp hồ sơ của tôi giải quyết tới đâu rồi, có bị trả về không?').kind, 'personal_data_request');
  assert.equal(readIntent('Chỉ giúp mình cách làm gà nướng, ướp gì cho thấm?').kind, 'out_of_scope');
  // altering a paper so it passes for the real one
  assert.equal(readIntent('Chỉ tôi cách sửa ngày cấp trên bản scan bằng Photoshop rồi in màu cho giống bản thật để nộp hồ sơ').kind, 'refused');
  assert.equal(readIntent('chỉ em cách sửa năm sinh trên giấy khai sinh mà xã không phát hiện ra được không').kind, 'refused');
  assert.equal(readIntent('giấy khai sinh ghi sai năm sinh, sửa lại ở đâu?').kind, 'question');
  assert.equal(readIntent('giấy xác nhận tình trạng hôn nhân hết hạn thì xin lại ở đâu?').kind, 'question');
});

test('a limit or a penalty is the law\'s question', () => {
  assert.equal(asksRule('tạm trú được tối đa mấy năm?'), true);
  assert.equal(asksRule('tam tru duoc toi da may nam'), true);
  // `toi da` typed without accents is also `tôi đã`
  assert.equal(asksRule('chau toi da du 18 tuoi, gio muon cham dut giam sat viec giam ho thi nop o dau?'), false);
  assert.equal(asksRule('khong dang ky tam tru co bi phat khong'), true);
  assert.equal(asksRule('đăng ký tạm trú cần giấy tờ gì?'), false);
  // what the law says, asked outright
  assert.equal(asksRule('Theo luật thì tôi có phải khai báo tạm vắng ở quê không?'), true);
  // whether the law lets one do it, and the prescription period, are the law's only
  assert.equal(asksRule('Pháp luật có cho người cha đơn phương xin ly hôn lúc này không?'), true);
  assert.equal(asksRule('chia nha dat cua ong ba con kip khong, thoi hieu bao lau?'), true);
  assert.equal(asksRule('chia nhà đất của ông bà mất bao lâu?'), false);
});

test('words of a story that name nothing are no topic, read with their accents', () => {
  assert.deepEqual(topicWords('em gái nó khó khăn'), ['kho', 'khan']);
  assert.deepEqual(topicWords('năm ngoái thằng bé'), ['nam', 'be']);
  // folded, the same letters are other words
  assert.ok(topicWords('xac nhan khong no thue').includes('no'));
});

test('a word typed with accents that are not a filler\'s keeps its meaning (thẻ is not thế, căn is not cần)', () => {
  const tokens = topicTokens('Muốn cấp đổi thẻ căn cước thì cần giấy tờ gì, làm thế nào?');
  assert.deepEqual(tokens.map((token) => token.typed), ['đổi', 'thẻ', 'căn', 'cước']);
  assert.deepEqual(tokens.map((token) => token.folded), ['doi', 'the', 'can', 'cuoc']);
  // typed without accents, the same words stay fillers: nothing tells them apart
  assert.deepEqual(topicWords('muon cap doi the can cuoc thi can giay to gi'), ['doi', 'cuoc']);
  assert.deepEqual(topicWords('bị mất giấy báo tử, lần đầu đi làm'), ['giay', 'bao', 'tu', 'lan', 'dau']);
});

test('a message names the procedure it is about when a topic word follows thủ tục / đăng ký / xin cấp', () => {
  const namesAProcedure = (message: string) => namedAfterCue(message).length > 0;
  assert.equal(namesAProcedure('Thủ tục xin chuyển trường cho cháu cần giấy tờ gì, nộp ở đâu?'), true);
  assert.equal(namesAProcedure('gia dinh muon dang ky tham gap thi can giay to gi'), true);
  // no name follows, or it points back to one already named
  assert.equal(namesAProcedure('Sau khi hoàn tất thủ tục tôi sẽ nhận được giấy tờ gì?'), false);
  assert.equal(namesAProcedure('Cần chuẩn bị mấy bộ hồ sơ cho thủ tục kết hợp này?'), false);
  assert.equal(namesAProcedure('Tôi có thể ủy quyền cho con cái đi làm thủ tục này hộ được không?'), false);
  assert.equal(namesAProcedure('Bước nào lâu nhất?'), false);
});

test('the words naming the procedure follow the cue, up to the next filler', () => {
  assert.deepEqual(namedAfterCue('Thủ tục xin chuyển trường cho cháu cần giấy tờ gì'), ['chuyen', 'truong']);
  assert.deepEqual(namedAfterCue('đăng ký kết hôn cần giấy tờ gì'), ['ket', 'hon']);
  assert.deepEqual(namedAfterCue('lam giay uy quyen nhan luong huu', undefined, ['thu tuc']), []);
  assert.deepEqual(namedAfterCue('Tôi có thể làm thủ tục này tại UBND xã'), []);
});

test('homework is out of scope; paying an officer to falsify a record is refused', () => {
  assert.equal(readIntent('con toi hoc lop 5 hoi cach tinh dien tich hinh tron, ban giai thich giup voi').kind, 'out_of_scope');
  assert.equal(readIntent("Tôi muốn nhờ cán bộ sửa năm sinh cho cháu, nên 'bồi dưỡng' họ bao nhiêu thì họ mới chịu làm?").kind, 'refused');
  // an area in a land procedure stays a question
  assert.equal(readIntent('diện tích đất tối thiểu được tách thửa là bao nhiêu?').kind, 'question');
});

test('a duty asked: whether, or after how long, one must do a deed', () => {
  assert.equal(askedObligation('Con tôi học nghề 3 tháng, ở nhờ nhà người quen. Có bắt buộc phải đăng ký tạm trú không hay ở ngắn thì thôi?'), 'dang ky tam tru');
  assert.equal(askedObligation('di bao lau thi phai khai bao tam vang o que?'), 'khai bao tam vang');
  assert.equal(askedObligation('Vậy tôi có phải khai báo tạm vắng ở quê không?'), 'khai bao tam vang');
  // told, not asked; what is to be brought asked, not whether; a single word is no deed
  assert.equal(askedObligation('Chủ trọ nói em phải đăng ký tạm trú. Em cần làm giấy gì, nộp ở đâu ạ?'), undefined);
  assert.equal(askedObligation('Gia đình đi khai tử cho ông thì phải mang theo giấy gì?'), undefined);
  assert.equal(askedObligation('giấy này có phải công chứng không?'), 'cong chung');
  assert.equal(askedObligation('có phải nộp không?'), undefined);
  // `có cần` asks about papers far more often than a duty; the other branch of a choice is no duty asked
  assert.equal(askedObligation('Vậy có cần khai báo tạm vắng ở quê không?'), undefined);
  assert.equal(askedObligation('Giấy này ra xã chứng thực chữ ký được không, hay bắt buộc phải đi công chứng hợp đồng ủy quyền?'), undefined);
});

test('steps asked of a procedure in so many words, not a bare "thế nào" after another deed', () => {
  assert.equal(asksHowToProceed('đăng ký khai sinh làm thế nào?'), true);
  assert.equal(asksHowToProceed('làm thủ tục đăng ký nghĩa vụ quân sự lần đầu như thế nào?'), true);
  assert.equal(asksHowToProceed('trinh tu cap lai the can cuoc ra sao'), true);
  assert.equal(asksHowToProceed('Ba tôi mất không để lại di chúc. Bà nội có được chia phần không, và chia thế nào?'), false);
  assert.equal(readAspect('Bà nội có được chia phần không, và chia thế nào?'), 'steps');
});

test('the deed whose permission is asked', () => {
  assert.equal(askedPermission('Tôi có được nộp đơn ra tòa xin ly hôn ngay lúc này không?'), 'nop don ra toa xin ly hon');
  assert.equal(askedPermission('em co duoc tu lap di chuc cho so tien do khong?'), 'lap di chuc');
  assert.equal(askedPermission('có được không?'), undefined);
  assert.equal(askedPermission('ly hôn cần giấy tờ gì?'), undefined);
});
