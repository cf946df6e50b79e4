import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refineChoice, type ChoiceContext } from './choice-refinement.js';
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
