import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchResult } from '../../retrieval/index.js';
import { chooseProcedure, coverage, nameKey, nameWordHits, procedureCandidates } from './procedure-choice.js';
import { fold } from './text-folding.js';

function result(id: string, name: string, score: number): SearchResult {
  return {
    score,
    text: name,
    document: { id, title: name, number: null, kind: 'Thủ tục hành chính', source: `${id}.json` },
    citation: { article: null, clause: null, point: null, section: 'Tổng quan', label: name },
    procedure: { code: id, name },
  } as SearchResult;
}

test('the level that carries a procedure out is not part of its name', () => {
  assert.equal(nameKey('Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)'), nameKey('Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp trung ương)'));
  assert.equal(nameKey('Thủ tục đăng ký khai sinh'), 'dang ky khai sinh');
  // a level inside a name that is not the level clause stays
  assert.match(nameKey('Cấp Giấy phép xây dựng cấp tỉnh'), /cap tinh/);
});

test('the same procedure published once per level is one candidate, in retrieval order', () => {
  const candidates = procedureCandidates(
    [
      result('1', 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp tỉnh)', 1.18),
      result('2', 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)', 1.17),
      result('3', 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)', 1.16),
    ],
    () => false,
  );
  assert.deepEqual(candidates.map((candidate) => candidate.documentId), ['1', '3']);
  // nothing in the question sets them apart: the choice is asked
  assert.equal(chooseProcedure('ho chieu pho thong', candidates).kind, 'ambiguous');
  // the question says what the first one is about
  assert.equal(chooseProcedure('trinh bao mat ho chieu pho thong', candidates).kind, 'chosen');
});

test('the question saying what a close variant adds to the first name means the variant', () => {
  const candidates = procedureCandidates(
    [
      result('1', 'Đăng ký việc nuôi con nuôi trong nước', 1.2),
      result('2', 'Đăng ký lại việc nuôi con nuôi trong nước', 1.0),
      result('3', 'Đăng ký lại việc nuôi con nuôi có yếu tố nước ngoài', 0.9),
    ],
    () => false,
  );
  const chosen = chooseProcedure('muon lam lai giay nuoi con nuoi dang ky lai', candidates);
  assert.equal(chosen.kind === 'chosen' && chosen.candidate.documentId, '2');
  // it says nothing the variants add: the first one
  const plain = chooseProcedure('dang ky nuoi con nuoi can giay to gi', candidates);
  assert.equal(plain.kind === 'chosen' && plain.candidate.documentId, '1');
});

test('a closing `trong nước` is not asked for: the domestic procedure is named without it', () => {
  const words = new Set(fold('toi muon nhan chau lam con nuoi').trim().split(' '));
  assert.equal(coverage('Đăng ký việc nuôi con nuôi trong nước', words), 1);
  // a foreign variant keeps its telling words
  assert.ok(coverage('Giải quyết việc nuôi con nuôi có yếu tố nước ngoài', words) < 0.5);
});

test('how many of a name\'s telling words a question has: one word of a longer name is not naming it', () => {
  const words = new Set(fold('toi muon dang ky hien mau tinh nguyen').trim().split(' '));
  assert.deepEqual(nameWordHits('Đăng ký lại mẫu con dấu', words), { hits: 1, size: 4 });
});
