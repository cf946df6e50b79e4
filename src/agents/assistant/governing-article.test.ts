import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SearchService, type Passage } from '../../retrieval/index.js';
import { actPairs, governingArticle } from './governing-article.js';
import { fold } from './text-folding.js';

/** A made-up family law (own wording): the article on who may ask for a divorce, and articles sharing its words. */
const LAW = { id: 'laws/luat-gia-dinh.txt', title: 'Luật Gia đình', number: '1/2099/QH99', kind: 'Luật', source: 'laws/luat-gia-dinh.txt' };

function clause(id: string, article: string, heading: string, body: string, number: string | null = null): Passage {
  return {
    id,
    text: `${LAW.title} (${LAW.number}) ${heading} ${body}`,
    fields: { title: `${LAW.title} (${LAW.number})`, heading, body },
    document: LAW,
    citation: { article, clause: number, point: null, section: null, label: `${number ? `Khoản ${number} ` : ''}Điều ${article} ${LAW.title}` },
    procedure: null,
    facets: { inForce: true },
  };
}

const PASSAGES = [
  clause('a40', '40', 'Điều 40. Nhận đơn xin ly hôn', 'Tòa án nhận đơn xin ly hôn và giải quyết đơn xin ly hôn theo luật tố tụng.'),
  clause('a41', '41', 'Điều 41. Ly hôn khi một bên xin', 'Khi một bên xin ly hôn mà hòa giải không thành thì Tòa án giải quyết cho ly hôn.'),
  clause('a42-1', '42', 'Điều 42. Người được xin ly hôn', 'Vợ, chồng hoặc cả hai người được xin Tòa án giải quyết ly hôn.', '1'),
  clause('a42-2', '42', 'Điều 42. Người được xin ly hôn', 'Chồng không được xin ly hôn khi vợ đang mang thai hoặc nuôi con dưới 12 tháng tuổi.', '2'),
  clause('a43', '43', 'Điều 43. Tài sản khi ly hôn', 'Tài sản chung của vợ chồng được chia đôi khi ly hôn.'),
];

/** A real search over the passages, unfiltered: a procedure's passage may come back, and must not be taken. */
function searchOver(passages: readonly Passage[]) {
  const service = new SearchService();
  for (const passage of passages) service.add(passage);
  return async (query: string, k: number) => service.search(query, { k });
}

/** Unweighted share of the question's words (folded syllables) a text has. */
const shareOf = (question: string) => (text: string) => {
  const words = fold(question).trim().split(' ');
  const folded = fold(text);
  return words.filter((word) => folded.includes(` ${word} `)).length / words.length;
};

/** Search results in a fixed order: how the laws rank them is the search's business, not this choice's. */
const ranked = (...lists: string[][]) => {
  const queue = [...lists];
  return async () => (queue.shift() ?? []).map((id) => ({ ...PASSAGES.find((passage) => passage.id === id)!, score: 1 }));
};

test('of the articles the laws give for a story and its request, the one with most of the story’s words governs', async () => {
  const question = 'Vợ tôi đang mang thai tháng thứ năm, tôi có được xin ly hôn không?';
  // the request alone ranks the article on petitions first; the story's clause is second to it
  const found = await governingArticle(ranked(['a40', 'a41', 'a42-1'], ['a40', 'a42-2']), [question, 'tôi có được xin ly hôn không?'], shareOf(question));
  assert.equal(found?.result.citation.article, '42');
  assert.equal(found?.result.citation.clause, '2');
  assert.equal(found?.share, shareOf(question)(PASSAGES[3]!.text));
});

test('articles that have the words alike are told apart by their ranks among the laws', async () => {
  const share = () => 0.5;
  const found = await governingArticle(ranked(['a41', 'a43'], ['a43', 'a40']), ['q1', 'q2'], share);
  assert.equal(found?.result.citation.article, '43');
});

test('only law articles are taken, and nothing is found when the laws have none of the words', async () => {
  const procedure: Passage = {
    ...clause('p1', '0', 'Tổng quan', 'Thủ tục xin ly hôn khi vợ mang thai tại xã'),
    document: { ...LAW, id: 'procedures/x.doc', kind: 'Quy trình nội bộ' },
    citation: { article: null, clause: null, point: null, section: 'Tổng quan', label: 'Tổng quan' },
  };
  const question = 'vợ mang thai xin ly hôn';
  const found = await governingArticle(searchOver([...PASSAGES, procedure]), [question, undefined], shareOf(question));
  assert.equal(found?.result.document.kind, 'Luật');
  assert.equal(await governingArticle(searchOver(PASSAGES), ['bằng lái xe máy'], shareOf('bằng lái xe máy')), undefined);
});

test('the act the citizen wants done to what a procedure only acts upon is told apart from the procedure', () => {
  const words = (text: string) => fold(text).trim().split(' ');
  // "muốn lập di chúc" asked where the procedure is "chứng thực di chúc": ` lap di ` is looked for in headings
  const question = 'chau muon lap di chuc thi co duoc khong';
  assert.deepEqual(actPairs(question, words('chau lap di chuc'), 'Thủ tục chứng thực di chúc'), [' lap di ']);
  assert.deepEqual(actPairs('em co duoc tu lap di chuc khong', words('lap di chuc'), 'Thủ tục chứng thực di chúc'), [' lap di ']);
  // the act the procedure does is its own (`chứng thực di chúc`), and an act nobody wants (`người lập`) is no act asked
  assert.deepEqual(actPairs('muon chung thuc di chuc duoc khong', words('chung thuc di chuc'), 'Thủ tục chứng thực di chúc'), []);
  assert.deepEqual(actPairs('nguoi giam sat viec giam ho can dieu kien gi', words('nguoi giam sat viec giam ho'), 'Đăng ký giám sát việc giám hộ'), []);
});
