import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leadsByName, namesOtherPaper, refineChoice, unknownKind, type ChoiceContext } from './choice-refinement.js';
import type { Candidate, Choice } from './procedure-choice.js';
import { fold } from './text-folding.js';

const candidate = (documentId: string, name: string, level = 'Cấp xã'): Candidate & { level: string } => ({ documentId, code: documentId, name, rank: 0, score: 1, provincial: true, level });

const marriage = candidate('kh', 'Đăng ký kết hôn');
const copy = candidate('bs', 'Cấp bản sao Trích lục hộ tịch');
const shares: Record<string, number> = { kh: 0.32, bs: 0.68 };

function context(overrides: Partial<ChoiceContext> = {}): ChoiceContext {
  return {
    nameShare: (item) => shares[item.documentId] ?? 0,
    questionWords: new Set('ban sao trich luc ket hon'.split(' ')),
    inConversation: false,
    levelOf: (item) => fold((item as ReturnType<typeof candidate>).level),
    ...overrides,
  };
}
const chosen = (item: Candidate): Choice => ({ kind: 'chosen', candidate: item, coverage: 1, variants: [] });

test('a runner-up whose rare name words the question uses far more is meant', () => {
  const refined = refineChoice(chosen(marriage), [marriage, copy], context());
  assert.equal(refined.kind === 'chosen' && refined.candidate.documentId, 'bs');
  // not by a small margin
  const close = refineChoice(chosen(marriage), [marriage, copy], context({ nameShare: (item) => (item === copy ? 0.55 : 0.4) }));
  assert.equal(close.kind === 'chosen' && close.candidate.documentId, 'kh');
});

test('in a conversation, only a runner-up the question names outright', () => {
  const words = new Set(['mot', 'lan']);
  const refined = refineChoice(chosen(marriage), [marriage, copy], context({ inConversation: true, questionWords: words }));
  assert.equal(refined.kind === 'chosen' && refined.candidate.documentId, 'kh');
  const named = refineChoice(chosen(marriage), [marriage, copy], context({ inConversation: true }));
  assert.equal(named.kind === 'chosen' && named.candidate.documentId, 'kh', 'the question names 4 of 6 telling words of the copy procedure: under 0.75');
});

test('the level the citizen goes to picks the procedure of that level in the family', () => {
  const foreign = candidate('nn', 'Giải quyết việc nuôi con nuôi có yếu tố nước ngoài', 'Cấp tỉnh');
  const domestic = candidate('tn', 'Đăng ký việc nuôi con nuôi trong nước', 'Cấp xã');
  const nameShare = (item: Candidate) => (item === foreign ? 0.75 : 0.42);
  const atCommune = refineChoice(chosen(foreign), [foreign, domestic], context({ nameShare, level: 'xa' }));
  assert.equal(atCommune.kind === 'chosen' && atCommune.candidate.documentId, 'tn');
  const unsaid = refineChoice(chosen(foreign), [foreign, domestic], context({ nameShare }));
  assert.equal(unsaid.kind === 'chosen' && unsaid.candidate.documentId, 'nn');
  const atProvince = refineChoice(chosen(foreign), [foreign, domestic], context({ nameShare, level: 'tinh' }));
  assert.equal(atProvince.kind === 'chosen' && atProvince.candidate.documentId, 'nn');
});

test('a question is left a question', () => {
  const ambiguous: Choice = { kind: 'ambiguous', candidates: [marriage, copy] };
  assert.equal(refineChoice(ambiguous, [marriage, copy], context()), ambiguous);
});

test('a story names a procedure when it covers most of one main name and far less of the others', () => {
  const domestic = candidate('tn', 'Đăng ký việc nuôi con nuôi trong nước');
  const foreign = candidate('nn', 'Giải quyết việc nuôi con nuôi có yếu tố nước ngoài đối với trẻ em sống ở cơ sở nuôi dưỡng');
  const story = new Set(fold('vo chong nhan dua chau ruot kho khan ve lam con nuoi').trim().split(' '));
  assert.ok(leadsByName(domestic, [domestic, foreign], story));
  assert.ok(!leadsByName(foreign, [domestic, foreign], story));
  // two names covered alike: nothing leads
  const rival = candidate('cn', 'Đăng ký nuôi cháu ruột làm con nuôi');
  assert.ok(!leadsByName(domestic, [domestic, rival], story));
  // the words of a parenthesis do not dilute the main name
  const signature = candidate('ck', 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký)');
  const asked = new Set(fold('ba lam giay uy quyen nhan luong huu ra chung thuc chu ky tren giay to van ban').trim().split(' '));
  assert.ok(leadsByName(signature, [signature, domestic], asked));
});

test('the level asked picks the document of the same procedure at that level before another procedure', () => {
  const levels: Record<string, string> = { ct: 'Cấp tỉnh', cx: 'Cấp xã', dich: 'Cấp xã' };
  const signature = { ...candidate('ct', 'Chứng thực chữ ký trong các giấy tờ, văn bản', 'Cấp tỉnh'), twins: ['cx'] };
  const translator = candidate('dich', 'Chứng thực chữ ký người dịch', 'Cấp xã');
  const refined = refineChoice(chosen(signature), [signature, translator], context({ nameShare: () => 1, level: 'xa', levelOf: (item) => fold(levels[item.documentId] ?? '') }));
  assert.equal(refined.kind === 'chosen' && refined.candidate.documentId, 'cx');
});

test('the only other candidate whose whole head the question states is meant, not a plainer name of the family', () => {
  const translator = candidate('dich', 'Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên');
  const copy = candidate('bs', 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp');
  const words = new Set(fold('chung thuc ban sao bang tot nghiep hoc ba').trim().split(' '));
  const alike = context({ nameShare: () => 0.5, questionWords: words });
  const refined = refineChoice(chosen(translator), [translator, copy], alike);
  assert.equal(refined.kind === 'chosen' && refined.candidate.documentId, 'bs');
  // not when the question's words fit it clearly less
  const less = refineChoice(chosen(translator), [translator, copy], context({ nameShare: (item) => (item === copy ? 0.3 : 0.5), questionWords: words }));
  assert.equal(less.kind === 'chosen' && less.candidate.documentId, 'dich');
  // `Đăng ký kết hôn` says nothing `… có yếu tố nước ngoài` does not: retrieval's reading (Việt Kiều) stands
  const foreign = candidate('nn', 'Đăng ký kết hôn có yếu tố nước ngoài');
  const kept = refineChoice(chosen(foreign), [foreign, marriage], context({ nameShare: () => 0.5, questionWords: new Set(['ket', 'hon', 'viet', 'kieu']) }));
  assert.equal(kept.kind === 'chosen' && kept.candidate.documentId, 'nn');
});

test('the procedure named after `thủ tục` is meant when the chosen name lacks those words', () => {
  const birth = candidate('ks', 'Đăng ký khai sinh');
  const correction = candidate('cc', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch');
  const national = { ...candidate('qg', 'Cải chính hộ tịch'), provincial: false };
  const words = new Set('giay khai sinh sai ngay sinh cai chinh'.split(' '));
  const same = { nameShare: () => 0.5, questionWords: words };
  const refined = refineChoice(chosen(birth), [birth, national, correction], context({ ...same, named: ['cai', 'chinh'] }));
  assert.equal(refined.kind === 'chosen' && refined.candidate.documentId, 'cc');
  // nothing named: retrieval's choice stands
  const kept = refineChoice(chosen(birth), [birth, national, correction], context(same));
  assert.equal(kept.kind === 'chosen' && kept.candidate.documentId, 'ks');
});

test('a national record the question names wholly is meant over the province’s procedure it does not name', () => {
  const civilStatus = candidate('ht', 'Xác nhận thông tin hộ tịch');
  const residence = { ...candidate('ct', 'Xác nhận thông tin về cư trú'), provincial: false };
  const sameShares = context({ nameShare: () => 0.4 });
  // "giấy xác nhận cư trú" read formally: every distinguishing word of the residence record
  const words = new Set('giay xac nhan thong tin ve cu tru truong yeu cau nop'.split(' '));
  const refined = refineChoice(chosen(civilStatus), [civilStatus, residence], { ...sameShares, questionWords: words });
  assert.equal(refined.kind === 'chosen' && refined.candidate.documentId, 'ct');
  // a question with `hộ tịch` names the province's procedure too: it stays
  const both = new Set([...words, 'ho', 'tich']);
  const kept = refineChoice(chosen(civilStatus), [civilStatus, residence], { ...sameShares, questionWords: both });
  assert.equal(kept.kind === 'chosen' && kept.candidate.documentId, 'ht');
  // a name of fewer distinguishing words is not named wholly by having them
  const short = { ...candidate('tt', 'Đăng ký tạm trú'), provincial: false };
  const plain = refineChoice(chosen(civilStatus), [civilStatus, short], { ...sameShares, questionWords: new Set('dang ky tam tru xac nhan'.split(' ')) });
  assert.equal(plain.kind === 'chosen' && plain.candidate.documentId, 'ht');
});

test('a paper named in everyday words picks the procedure about that paper over one about another paper of its kind', () => {
  const land = 'giay chung nhan quyen su dung dat'.split(' ');
  assert.equal(namesOtherPaper('Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh, Cấp đổi sang Giấy chứng nhận đăng ký hộ kinh doanh', land), true);
  // the kind alone may be the paper read; a name without the paper says nothing of it
  assert.equal(namesOtherPaper('Cấp lại Giấy chứng nhận do bị mất', land), false);
  assert.equal(namesOtherPaper('Tách thửa hoặc hợp thửa đất', land), false);
  assert.equal(namesOtherPaper('Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', land), false);
  const business = { ...candidate('hkd', 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh, Cấp đổi sang Giấy chứng nhận đăng ký hộ kinh doanh'), provincial: false };
  const exchange = { ...candidate('gcn', 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất'), provincial: false };
  const chosen: Choice = { kind: 'chosen', candidate: business, coverage: 0.5, variants: [] };
  const words = new Set('so do doi sang so moi giay chung nhan quyen su dung dat'.split(' '));
  const refined = refineChoice(chosen, [business, exchange], context({ questionWords: words, nameShare: (item) => (item.documentId === 'hkd' ? 0.57 : 0.32), readings: [land] }));
  assert.equal(refined.kind === 'chosen' && refined.candidate.documentId, 'gcn');
  const unread = refineChoice(chosen, [business, exchange], context({ questionWords: words, nameShare: (item) => (item.documentId === 'hkd' ? 0.57 : 0.32) }));
  assert.equal(unread.kind === 'chosen' && unread.candidate.documentId, 'hkd');
});

test('a kind the names have, qualified by a word the corpus never saw, is no known procedure', () => {
  const names = ['Cấp Giấy phép kinh doanh cảng hàng không', 'Đăng ký thành lập hộ kinh doanh'];
  const question = 'Tôi muốn mở quán karaoke ở Pleiku thì xin giấy phép kinh doanh karaoke cần điều kiện gì?';
  assert.equal(unknownKind(question, ['karaoke'], names), true);
  // a name that ends with the two words knows no kinds of it; an unseen word after other words says nothing
  assert.equal(unknownKind(question, ['karaoke'], ['Đăng ký thành lập hộ kinh doanh']), false);
  assert.equal(unknownKind('chứng thực hợp đồng chuyển nhượng đất rẫy', ['rẫy'], ['Chứng thực hợp đồng chuyển nhượng quyền sử dụng đất']), false);
});

test('a long name that has the question\'s words by chance, saying none of its own, takes no choice by name', () => {
  const report = candidate('bm', 'Trình báo mất hộ chiếu phổ thông');
  const long = candidate('tc', 'Xét hưởng chế độ trợ cấp một lần đối với sĩ quan, hạ sĩ quan, cán bộ, chiến sĩ, công nhân viên Công an nhân dân trực tiếp tham gia kháng chiến chống Mỹ cứu nước ở chiến trường B, C, K');
  const chosen: Choice = { kind: 'chosen', candidate: report, coverage: 0.5, variants: [] };
  const words = new Set('chong mat ho chieu chua biet rot cong an'.split(' '));
  const refined = refineChoice(chosen, [report, long], context({ questionWords: words, nameShare: (item) => (item.documentId === 'tc' ? 1 : 0.29) }));
  assert.equal(refined.kind === 'chosen' && refined.candidate.documentId, 'bm');
});

test('a reissue the question gives no sign of does not take the choice by the paper\'s name', () => {
  const found = candidate('tl', 'Đăng ký thành lập hộ kinh doanh');
  const reissue = candidate('cl', 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh, Cấp đổi sang Giấy chứng nhận đăng ký hộ kinh doanh');
  const chosen: Choice = { kind: 'chosen', candidate: found, coverage: 0.5, variants: [] };
  const words = new Set('mo quan com dang ky ho kinh doanh giay chung nhan thanh lap'.split(' '));
  const shares = (item: Candidate) => (item.documentId === 'cl' ? 1 : 0.33);
  const opening = refineChoice(chosen, [found, reissue], context({ questionWords: words, nameShare: shares, question: 'định mở quán cơm, phải đăng ký hộ kinh doanh; bao lâu có giấy chứng nhận?' }));
  assert.equal(opening.kind === 'chosen' && opening.candidate.documentId, 'tl');
  const lost = refineChoice(chosen, [found, reissue], context({ questionWords: words, nameShare: shares, question: 'giấy chứng nhận đăng ký hộ kinh doanh bị mất, xin cấp lại ở đâu?' }));
  assert.equal(lost.kind === 'chosen' && lost.candidate.documentId, 'cl');
});
