import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstRank, mrrAt, percentile, recallAt, summarize } from './metrics.js';

describe('retrieval metrics', () => {
  const ranks = [1, 2, null, 11, 5];

  it('recall@k counts questions answered within the first k', () => {
    assert.equal(recallAt(ranks, 1), 0.2);
    assert.equal(recallAt(ranks, 5), 0.6);
    assert.equal(recallAt(ranks, 10), 0.6);
    assert.equal(recallAt([], 10), 0);
  });

  it('MRR@k ignores ranks beyond k', () => {
    assert.equal(mrrAt(ranks, 10), (1 + 0.5 + 0.2) / 5);
  });

  it('percentiles use the nearest rank', () => {
    assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
    assert.equal(percentile([5, 1, 3, 2, 4], 95), 5);
    assert.equal(percentile([], 95), 0);
  });

  it('finds the first correct item', () => {
    assert.equal(firstRank(['a', 'b', 'c'], (item) => item === 'b'), 2);
    assert.equal(firstRank(['a', 'b', 'c'], (item) => item === 'c', 2), null);
    assert.deepEqual(summarize([1, null]), { questions: 2, at1: 0.5, at3: 0.5, at5: 0.5, at10: 0.5, mrr10: 0.5 });
  });
});
