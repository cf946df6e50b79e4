import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryCorpus } from './corpus.source.js';
import type { Passage } from './passage.types.js';
import { DEFAULT_RETRIEVAL_CONFIG } from './retrieval.config.js';
import { SearchService } from './search.service.js';

/** A small synthetic corpus: one law (two articles, one split in two chunks) and four procedures. */
const LAW = { id: 'laws/luat-ho-tich.txt', title: 'Luật Hộ tịch', number: '60/2014/QH13', kind: 'Luật', source: 'laws/luat-ho-tich.txt' };

function article(id: string, number: string, heading: string, body: string, clause: string | null = null): Passage {
  return {
    id,
    text: `${LAW.title} (${LAW.number})\n${heading}\n${body}`,
    fields: { title: `${LAW.title} (${LAW.number})`, heading, body },
    document: LAW,
    citation: { article: number, clause, point: null, section: null, label: `${clause ? `Khoản ${clause} ` : ''}Điều ${number} ${LAW.title} (${LAW.number})` },
    procedure: null,
    facets: { agency: 'Quốc hội', inForce: true },
  };
}

function procedure(file: string, name: string, sections: Record<string, string>, inForce = true): Passage[] {
  const document = { id: file, title: name, number: null, kind: 'Quy trình nội bộ', source: file };
  return Object.entries(sections).map(([section, body], i) => ({
    id: `${file}#${i}`,
    text: `${name}\n${section}:\n${body}`,
    fields: { title: name, heading: section, body },
    document,
    citation: { article: null, clause: null, point: null, section, label: `${section} — ${name}` },
    procedure: { code: `QT ${i}`, name },
    facets: { agency: 'Ủy ban nhân dân cấp xã', field: 'Hộ tịch', level: 'Cấp xã', inForce },
  }));
}

const COMMON = {
  'Thời hạn giải quyết': 'Ngay trong ngày tiếp nhận hồ sơ; trường hợp cần xác minh không quá 05 ngày làm việc.',
  'Phí, lệ phí': 'Miễn lệ phí đối với trường hợp đúng hạn; nộp trực tuyến giảm 50%.',
};

const PASSAGES: Passage[] = [
  article('law#1', '16', 'Điều 16. Thủ tục đăng ký khai sinh', '1. Người đi đăng ký khai sinh nộp tờ khai theo mẫu và giấy chứng sinh cho cơ quan đăng ký hộ tịch.', '1'),
  article('law#2', '16', 'Điều 16. Thủ tục đăng ký khai sinh', '2. Ngay sau khi nhận đủ giấy tờ, công chức tư pháp - hộ tịch ghi nội dung khai sinh vào Sổ hộ tịch.', '2'),
  article('law#3', '18', 'Điều 18. Thủ tục đăng ký kết hôn', 'Hai bên nam, nữ nộp tờ khai đăng ký kết hôn và cùng có mặt khi đăng ký kết hôn; xuất trình căn cước công dân.'),
  ...procedure('procedures/khai-sinh.doc', 'Đăng ký khai sinh', {
    'Thành phần hồ sơ': 'Tờ khai đăng ký khai sinh; giấy chứng sinh hoặc văn bản của người làm chứng.',
    ...COMMON,
  }),
  ...procedure('procedures/khai-sinh-nn.doc', 'Đăng ký khai sinh có yếu tố nước ngoài', {
    'Thành phần hồ sơ': 'Tờ khai đăng ký khai sinh; giấy chứng sinh; văn bản thỏa thuận chọn quốc tịch cho con của cha mẹ là người nước ngoài.',
    ...COMMON,
  }),
  ...procedure('procedures/khai-sinh-lai.doc', 'Đăng ký lại khai sinh', {
    'Thành phần hồ sơ': 'Tờ khai đăng ký lại khai sinh; bản sao giấy khai sinh cũ nếu có; giấy tờ tùy thân khi sổ hộ tịch và bản chính bị mất.',
    ...COMMON,
  }),
  ...procedure('procedures/ket-hon.doc', 'Đăng ký kết hôn', {
    'Thành phần hồ sơ': 'Tờ khai đăng ký kết hôn; giấy xác nhận tình trạng hôn nhân; CCCD của hai bên.',
    ...COMMON,
  }),
  ...procedure('procedures/cu.doc', 'Đăng ký khai tử (quy trình cũ)', { 'Thành phần hồ sơ': 'Tờ khai khai tử; giấy báo tử.' }, false),
];

async function service(): Promise<SearchService> {
  return SearchService.fromSource(memoryCorpus(PASSAGES));
}

describe('SearchService', () => {
  it('returns results in the API contract shape', async () => {
    const [top] = (await service()).search('thủ tục đăng ký kết hôn cần giấy tờ gì', { filters: { kind: 'Luật' } });
    assert.ok(top);
    assert.deepEqual(Object.keys(top).sort(), ['citation', 'document', 'procedure', 'score', 'text']);
    assert.deepEqual(top.document, LAW);
    assert.equal(top.citation.article, '18');
    assert.equal(top.citation.label, 'Điều 18 Luật Hộ tịch (60/2014/QH13)');
    assert.equal(top.procedure, null);
    assert.equal(typeof top.score, 'number');
  });

  it('returns one result per article even when the article is split into chunks', async () => {
    const results = (await service()).search('ghi nội dung khai sinh vào sổ hộ tịch giấy chứng sinh', { filters: { kind: 'Luật' } });
    assert.equal(results.filter((result) => result.citation.article === '16').length, 1);
    assert.equal(results[0]?.citation.article, '16');
  });

  it('routes a short question to the procedure whose name it matches best', async () => {
    const search = await service();
    const top = (query: string): string | undefined => search.search(query, { filters: { kind: 'Quy trình nội bộ' }, k: 3 })[0]?.procedure?.name;
    assert.equal(top('khai sinh trực tuyến'), 'Đăng ký khai sinh');
    assert.equal(top('làm khai sinh cho con có cha là người nước ngoài'), 'Đăng ký khai sinh có yếu tố nước ngoài');
    assert.equal(top('đăng ký lại khai sinh khi bị mất giấy'), 'Đăng ký lại khai sinh');
    assert.equal(top('lệ phí kết hôn'), 'Đăng ký kết hôn');
  });

  it('finds the same thing without diacritics, with abbreviations and with exam formulas', async () => {
    const search = await service();
    const unit = (query: string): string | undefined => {
      const top = search.search(query, { k: 1 })[0];
      return top ? `${top.document.id}#${top.citation.article ?? ''}` : undefined;
    };
    assert.equal(unit('dang ky ket hon can xuat trinh can cuoc cong dan'), unit('đăng ký kết hôn cần xuất trình căn cước công dân'));
    assert.equal(unit('Hai bên nam nữ phải xuất trình CCCD khi đăng ký kết hôn, đúng hay sai?'), unit('hai bên nam nữ xuất trình căn cước công dân khi đăng ký kết hôn'));
    assert.equal(search.search('CCCD hai bên', { filters: { kind: 'Quy trình nội bộ' }, k: 1 })[0]?.procedure?.name, 'Đăng ký kết hôn');
  });

  it('filters by kind, agency, field and level, and leaves out documents no longer in force', async () => {
    const search = await service();
    assert.ok(search.search('tờ khai', { filters: { kind: 'Luật' }, k: 50 }).every((result) => result.document.kind === 'Luật'));
    assert.ok(search.search('tờ khai', { filters: { agency: 'ủy ban nhân dân' }, k: 50 }).every((result) => result.procedure !== null));
    assert.equal(search.search('tờ khai', { filters: { level: 'Cấp tỉnh' } }).length, 0);
    assert.ok(search.search('tờ khai', { filters: { field: 'ho tich' }, k: 50 }).length > 0);
    assert.ok(!search.search('khai tử giấy báo tử', { k: 50 }).some((result) => result.document.id === 'procedures/cu.doc'));
    assert.equal(search.search('khai tử giấy báo tử', { k: 1, filters: { includeNotInForce: true } })[0]?.document.id, 'procedures/cu.doc');
  });

  it('updates when a document is removed or re-ingested', async () => {
    const search = await service();
    assert.equal(search.removeDocument('procedures/ket-hon.doc'), 3);
    assert.ok(!search.search('kết hôn', { k: 50 }).some((result) => result.document.id === 'procedures/ket-hon.doc'));
    search.upsertDocument('procedures/ket-hon.doc', procedure('procedures/ket-hon.doc', 'Đăng ký kết hôn', { 'Thành phần hồ sơ': 'Giấy xác nhận tình trạng hôn nhân của người nước ngoài' }));
    const results = search.search('kết hôn', { k: 50 });
    assert.equal(results.filter((result) => result.document.id === 'procedures/ket-hon.doc').length, 1);
    assert.equal(search.size, PASSAGES.length - 2);
  });

  it('fuses dense neighbours by reciprocal rank: a strong dense leg lifts its unit, filters still apply', async () => {
    const search = await service();
    const query = 'đăng ký khai sinh cần giấy tờ gì';
    const lexical = search.search(query, { k: 5 });
    const last = lexical.at(-1)!;
    const lastPassage = PASSAGES.find((passage) => passage.document.id === last.document.id && passage.citation.article === last.citation.article)!;
    assert.notEqual(lexical[0]!.document.id, last.document.id);
    const lifted = search.search(query, { k: 5, dense: { hits: [{ passageId: lastPassage.id }], weight: 3 } });
    assert.equal(lifted[0]!.document.id, last.document.id);
    assert.deepEqual(search.search(query, { k: 5, dense: { hits: [{ passageId: lastPassage.id }], weight: 0 } }).map((result) => result.document.id), lexical.map((result) => result.document.id));
    // a dense hit outside the filter, or unknown to the index, changes nothing but the scores' scale
    const filtered = search.search(query, { k: 5, filters: { kind: 'Luật' }, dense: { hits: [{ passageId: 'procedures/khai-sinh.doc#0' }, { passageId: 'không-có' }], weight: 3 } });
    assert.ok(filtered.every((result) => result.document.kind === 'Luật'));
  });

  it('keeps common words when the question has nothing else', async () => {
    const search = await service();
    assert.ok(search.search('đăng ký', { k: 5 }).length > 0);
  });

  it('can tell a family of procedures apart by a word pair of the question only one has, in any of its passages (option)', async () => {
    // the fee passage, the best of each, is the same in both; only the second procedure asks for a written pledge
    const fee = {
      'Thời hạn giải quyết': 'Ngay trong ngày tiếp nhận hồ sơ; trường hợp cần xác minh không quá 05 ngày làm việc.',
      'Phí, lệ phí': 'Miễn lệ phí đối với người thuộc hộ nghèo; nộp trực tuyến giảm 50%.',
    };
    const family = [
      ...procedure('procedures/a.doc', 'Đăng ký khai sinh', { 'Thành phần hồ sơ': 'Tờ khai đăng ký khai sinh; giấy chứng sinh.', ...fee }),
      ...procedure('procedures/b.doc', 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', {
        'Thành phần hồ sơ': 'Tờ khai; văn bản cam đoan về việc chưa được đăng ký khai sinh; bản sao giấy tờ cá nhân.',
        ...fee,
      }),
      ...procedure('procedures/c.doc', 'Đăng ký lại khai sinh', { 'Thành phần hồ sơ': 'Tờ khai đăng ký lại khai sinh; bản sao giấy khai sinh cũ nếu có.', ...fee }),
      ...procedure('procedures/d.doc', 'Đăng ký kết hôn', { 'Thành phần hồ sơ': 'Tờ khai đăng ký kết hôn.', ...fee }),
    ];
    const plain = await SearchService.fromSource(memoryCorpus(family));
    const search = plain.withConfig({ ...DEFAULT_RETRIEVAL_CONFIG, rerank: { ...DEFAULT_RETRIEVAL_CONFIG.rerank, localBody: 0.2 } });
    const question = 'khai sinh có được miễn lệ phí không, tôi phải viết cam đoan';
    assert.equal(search.search(question, { k: 3 })[0]!.document.id, 'procedures/b.doc');
    // without the whole-text feature (the default) the shared fee passage decides, and the plainer name wins
    assert.equal(plain.search(question, { k: 3 })[0]!.document.id, 'procedures/a.doc');
    // re-ingesting the document with the word gone drops its cached terms: the word no longer lifts it
    search.upsertDocument('procedures/b.doc', procedure('procedures/b.doc', 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', { ...fee }));
    assert.notEqual(search.search(question, { k: 3 })[0]!.document.id, 'procedures/b.doc');
  });

  it('limits k to 1…50', async () => {
    const search = await service();
    assert.equal(search.search('tờ khai', { k: 0 }).length, 1);
    assert.ok(search.search('tờ khai', { k: 500 }).length <= 50);
  });

  it('tells words of the laws from words of the procedures (legal leaning), and follows changes', async () => {
    const search = await service();
    // `ngay sau khi`, `công chức tư pháp`, `sổ hộ tịch` are the law's; `lệ phí`, `thành phần hồ sơ` the procedures'
    const lawWords = search.legalLeaning('công chức tư pháp ghi vào sổ hộ tịch ngay sau khi');
    const procedureWords = search.legalLeaning('lệ phí nộp trực tuyến giảm bao nhiêu');
    assert.ok(lawWords > 1, `law words ${lawWords}`);
    assert.ok(procedureWords < 0, `procedure words ${procedureWords}`);
    assert.equal(search.legalLeaning('flycam'), 0);
    search.removeDocument(LAW.id);
    assert.equal(search.legalLeaning('công chức tư pháp ghi vào sổ hộ tịch ngay sau khi'), 0);
  });
});
