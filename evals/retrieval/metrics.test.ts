import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstRank, mrrAt, percentile, recallAt, summarize, sameQuestionCeiling } from './metrics.js';

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

it('sameQuestionCeiling: identical questions (accents, case, punctuation aside) with different golds cap hit@1', () => {
  const result = sameQuestionCeiling([
    { query: 'Thủ tục này mất bao lâu?', answerKey: 'a' },
    { query: 'thu tuc nay mat bao lau', answerKey: 'b' },
    { query: 'THỦ TỤC NÀY MẤT BAO LÂU', answerKey: 'a' },
    { query: 'Lệ phí khai sinh?', answerKey: 'c' },
  ]);
  assert.equal(result.ceiling, 3 / 4);
  assert.equal(result.conflictingGroups, 1);
  assert.equal(result.questionsInConflict, 3);
  assert.equal(sameQuestionCeiling([{ query: 'a', answerKey: 'x' }]).ceiling, 1);
});
