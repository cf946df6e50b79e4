import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collapse, firstRank, percentile, recallAt, reciprocalRankAt, reciprocalRankFusion } from './retrieval-metrics.js';

test('collapse keeps the first passage of each unit; recall, rank and MRR on units', () => {
  const ranked = collapse(['a#1', 'a#1', 'b#2', 'a#3'], (key) => key);
  assert.deepEqual(ranked, ['a#1', 'b#2', 'a#3']);
  const gold = new Set(['b#2', 'a#3']);
  assert.equal(recallAt(ranked, gold, 1), 0);
  assert.equal(recallAt(ranked, gold, 2), 0.5);
  assert.equal(recallAt(ranked, gold, 3), 1);
  assert.equal(firstRank(ranked, gold), 2);
  assert.equal(reciprocalRankAt(ranked, gold, 10), 0.5);
  assert.equal(reciprocalRankAt(ranked, gold, 1), 0);
});

test('percentile is nearest-rank; RRF favours items ranked well by both lists', () => {
  assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
  assert.equal(percentile([5, 1, 3, 2, 4], 95), 5);
  assert.deepEqual(reciprocalRankFusion([[1, 2, 3], [2, 3, 1]]).slice(0, 1), [2]);
});
