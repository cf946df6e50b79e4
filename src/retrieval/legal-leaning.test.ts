import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { legalLeaning } from './legal-leaning.js';

describe('legalLeaning', () => {
  it('is positive for terms more frequent among law passages, negative for the others, 0 when alike', () => {
    // 100 law passages of 1000
    assert.ok(legalLeaning([{ law: 40, all: 50 }], 100, 1000) > 1);
    assert.ok(legalLeaning([{ law: 2, all: 200 }], 100, 1000) < -1);
    assert.ok(Math.abs(legalLeaning([{ law: 10, all: 100 }], 100, 1000)) < 0.05);
  });

  it('weighs rare terms above common ones and ignores terms too rare to tell', () => {
    const rareLaw = { law: 9, all: 10 };
    const commonProcedure = { law: 50, all: 900 };
    assert.ok(legalLeaning([rareLaw, commonProcedure], 100, 1000) > 0);
    assert.equal(legalLeaning([{ law: 2, all: 2 }], 100, 1000), 0);
  });

  it('is 0 without law passages or without others', () => {
    assert.equal(legalLeaning([{ law: 5, all: 5 }], 0, 10), 0);
    assert.equal(legalLeaning([{ law: 5, all: 5 }], 10, 10), 0);
  });
});
