import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Bm25Index, topK, type IndexItem, type ScoringParams } from './bm25.index.js';

interface Meta {
  kind: string;
}

const PARAMS: ScoringParams = { k1: 1.2, fields: { title: { weight: 2, b: 0.5 }, body: { weight: 1, b: 0.75 } } };

function corpus(size: number): Array<IndexItem<Meta>> {
  const topics = ['khai sinh', 'kết hôn', 'khai tử', 'nuôi con nuôi', 'chứng thực bản sao'];
  return Array.from({ length: size }, (_, i) => ({
    id: `d${i}`,
    fields: { title: `Thủ tục ${topics[i % topics.length]}`, body: `Hồ sơ số ${i} gồm tờ khai ${i % 7 === 0 ? 'và lệ phí 8.000 đồng' : 'và thời hạn 05 ngày'}` },
    meta: { kind: i % 2 === 0 ? 'even' : 'odd' },
  }));
}

function build(items: ReadonlyArray<IndexItem<Meta>>, compactAfter?: number): Bm25Index<Meta> {
  const index = new Bm25Index<Meta>({ fields: ['title', 'body'], ...(compactAfter ? { compactAfter } : {}) });
  for (const item of items) index.add(item);
  return index;
}

function ranking(index: Bm25Index<Meta>, query: string, limit = 10): string[] {
  return index.search(index.queryTerms(query), PARAMS, limit).map((hit) => `${hit.id}:${hit.score.toFixed(6)}`);
}

const QUERIES = ['khai sinh lệ phí', 'kết hôn', 'số 17', 'chứng thực bản sao 05 ngày', 'không có từ này'];

describe('Bm25Index', () => {
  it('ranks the document that matches the rare terms first', () => {
    const index = build(corpus(50));
    const hits = index.search(index.queryTerms('số 17'), PARAMS, 3);
    assert.equal(hits[0]?.id, 'd17');
    assert.equal(index.search(index.queryTerms('quốc phòng an ninh'), PARAMS, 3).length, 0);
  });

  it('gives the same scores whether postings were compacted, buffered or pending', () => {
    const items = corpus(300);
    const compacted = build(items);
    compacted.compact();
    // Small compaction threshold and queries in between: postings spread over all tiers.
    const incremental = new Bm25Index<Meta>({ fields: ['title', 'body'], compactAfter: 500 });
    items.forEach((item, i) => {
      incremental.add(item);
      if (i % 37 === 0) incremental.search(incremental.queryTerms('khai'), PARAMS, 1);
    });
    for (const query of QUERIES) assert.deepEqual(ranking(incremental, query), ranking(compacted, query), query);
  });

  it('removal and re-adding give the same result as never having had the document', () => {
    const items = corpus(120);
    const index = build(items);
    index.search(index.queryTerms('x'), PARAMS, 1);
    for (const id of ['d3', 'd17', 'd40', 'd41']) assert.equal(index.remove(id), true);
    assert.equal(index.remove('d3'), false);
    const expected = build(items.filter((item) => !['d3', 'd17', 'd40', 'd41'].includes(item.id)));
    assert.equal(index.size, expected.size);
    for (const query of QUERIES) {
      assert.deepEqual(
        ranking(index, query).map((hit) => hit.split(':')[1]),
        ranking(expected, query).map((hit) => hit.split(':')[1]),
        query,
      );
      assert.ok(!ranking(index, query).some((hit) => ['d3', 'd17', 'd40', 'd41'].includes(hit.split(':')[0]!)));
    }
    const termId = index.vocabulary.find('~17');
    assert.equal(index.documentFrequency(termId), 0);
    index.compact();
    assert.deepEqual(ranking(index, 'kết hôn').map((hit) => hit.split(':')[1]), ranking(expected, 'kết hôn').map((hit) => hit.split(':')[1]));
  });

  it('adding an item with an existing id replaces it (update)', () => {
    const index = build(corpus(20));
    index.add({ id: 'd5', fields: { title: 'Thủ tục giám hộ', body: 'người giám hộ' }, meta: { kind: 'odd' } });
    assert.equal(index.size, 20);
    assert.equal(index.search(index.queryTerms('giám hộ'), PARAMS, 1)[0]?.id, 'd5');
    assert.ok(!ranking(index, 'số 5', 20).some((hit) => hit.startsWith('d5:')));
  });

  it('filters by metadata and caches the filter per key', () => {
    const index = build(corpus(40));
    let calls = 0;
    const filter = { key: 'even', test: (meta: Meta) => (calls++, meta.kind === 'even') };
    const hits = index.search(index.queryTerms('hồ sơ'), PARAMS, 40, filter);
    assert.equal(hits.length, 20);
    assert.ok(hits.every((hit) => hit.meta.kind === 'even'));
    index.search(index.queryTerms('tờ khai'), PARAMS, 40, filter);
    assert.equal(calls, 40);
    index.add({ id: 'new', fields: { body: 'hồ sơ mới' }, meta: { kind: 'even' } });
    assert.equal(index.search(index.queryTerms('hồ sơ'), PARAMS, 50, filter).length, 21);
    assert.equal(calls, 41);
    // the document frequency among the documents a filter keeps, pending, compacted and after a removal
    const khai = index.vocabulary.find('~khai sinh');
    assert.equal(index.documentFrequency(khai, filter), 4);
    assert.equal(index.documentFrequency(khai), 8);
    index.compact();
    index.remove('d0');
    assert.equal(index.documentFrequency(khai, filter), 3);
  });

  it('weights fields at query time (BM25F)', () => {
    const index = new Bm25Index<Meta>({ fields: ['title', 'body'] });
    index.add({ id: 'title', fields: { title: 'kết hôn', body: 'hồ sơ' }, meta: { kind: 'a' } });
    index.add({ id: 'body', fields: { title: 'hồ sơ', body: 'kết hôn' }, meta: { kind: 'a' } });
    const terms = index.queryTerms('kết hôn');
    const titleFirst = index.search(terms, { k1: 1.2, fields: { title: { weight: 3, b: 0 }, body: { weight: 1, b: 0 } } }, 2);
    const bodyFirst = index.search(terms, { k1: 1.2, fields: { title: { weight: 1, b: 0 }, body: { weight: 3, b: 0 } } }, 2);
    assert.equal(titleFirst[0]?.id, 'title');
    assert.equal(bodyFirst[0]?.id, 'body');
  });
});

describe('topK', () => {
  it('returns the best scores in order, ties by document number', () => {
    const docs = Int32Array.from([5, 1, 9, 3, 7]);
    const scores = Float64Array.from([0.5, 2, 2, 1, 0.1]);
    assert.deepEqual(topK(docs, scores, 5, 3), [
      { doc: 1, score: 2 },
      { doc: 9, score: 2 },
      { doc: 3, score: 1 },
    ]);
    assert.deepEqual(topK(docs, scores, 5, 0), []);
  });
});
