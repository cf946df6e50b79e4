import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, analyzeIds, hasDiacritics, segment, type TokenizerOptions } from './tokenizer.js';
import { Vocabulary } from './vocabulary.js';

const words = (text: string): string[] => segment(text).phrases.flat();

describe('segment', () => {
  it('lower-cases, keeps syllables and splits phrases at punctuation', () => {
    assert.deepEqual(segment('Đăng ký khai sinh, kết hôn.').phrases, [
      ['đăng', 'ký', 'khai', 'sinh'],
      ['kết', 'hôn'],
    ]);
  });

  it('unifies tone placement and i/y spelling but keeps other words', () => {
    assert.deepEqual(words('hoà thuỷ quí lí kĩ phí nghị li ti'), ['hòa', 'thủy', 'quý', 'lý', 'kỹ', 'phí', 'nghị', 'li', 'ti']);
    assert.deepEqual(words('Hoà giải'), words('Hòa giải'));
  });

  it('keeps document numbers whole', () => {
    const { numbers, phrases } = segment('Theo Luật Cư trú 68/2020/QH14 và Nghị định 123/2015/NĐ-CP; Quyết định 160/QĐ-BTP');
    assert.deepEqual(numbers, ['68/2020/qh14', '123/2015/nđ-cp', '160/qđ-btp']);
    assert.ok(!phrases.flat().includes('68'));
  });

  it('does not take dates or amounts for document numbers', () => {
    const { numbers } = segment('ngày 01/01/2016, 1.750.000 đồng/hồ sơ');
    assert.deepEqual(numbers, []);
    assert.deepEqual(words('phí 8.000 đồng trong 05 ngày'), ['phí', '8000', 'đồng', 'trong', '5', 'ngày']);
  });

  it('expands abbreviations to their long form, with or without đ', () => {
    assert.deepEqual(words('CCCD'), ['căn', 'cước', 'công', 'dân']);
    assert.deepEqual(words('UBND xã'), ['ủy', 'ban', 'nhân', 'dân', 'xã']);
    assert.deepEqual(words('HĐND'), words('hdnd'));
    assert.deepEqual(words('NĐ-CP'), ['nghị', 'định', 'chính', 'phủ']);
    assert.deepEqual(words('TTHC'), ['thủ', 'tục', 'hành', 'chính']);
    assert.deepEqual(segment('CCCD', false).phrases, [['cccd']]);
  });

  it('joins hyphenated words only when both sides are word characters', () => {
    assert.deepEqual(segment('ki-lô - gạch').phrases, [['ki', 'lô'], ['gạch']]);
  });
});

describe('analyze', () => {
  const dual: TokenizerOptions = { bigrams: true, folding: 'dual', expandAbbreviations: true };
  const only: TokenizerOptions = { bigrams: true, folding: 'only', expandAbbreviations: true };

  it('emits accented and folded syllables and bigrams in dual mode', () => {
    const { terms, length } = analyze('Đăng ký', dual);
    assert.deepEqual(terms, ['đăng', '~dang', 'ký', '~ky', 'đăng ký', '~dang ky']);
    assert.equal(length, 2);
  });

  it('folds everything in `only` mode, so a question typed without accents has the same terms', () => {
    assert.deepEqual(analyze('thủ tục đăng ký khai sinh', only).terms, analyze('thu tuc dang ky khai sinh', only).terms);
    assert.ok(!analyze('khai sinh', only).terms.includes('khai sinh'));
  });

  it('can leave bigrams out', () => {
    assert.deepEqual(analyze('khai sinh', { ...only, bigrams: false }).terms, ['~khai', '~sinh']);
  });

  it('matches abbreviations both ways', () => {
    const short = new Set(analyze('cấp lại CCCD', only).terms);
    const long = analyze('cấp lại căn cước công dân', only).terms;
    assert.ok(long.every((term) => short.has(term)));
  });
});

describe('analyzeIds', () => {
  it('gives the same terms as analyze, as ids of the vocabulary', () => {
    const vocabulary = new Vocabulary();
    const options: TokenizerOptions = { bigrams: true, folding: 'dual', expandAbbreviations: true };
    const text = 'Điều 20. Đăng ký thường trú theo 68/2020/QH14';
    const { ids, length } = analyzeIds(text, options, vocabulary, true);
    assert.deepEqual(
      ids.map((id) => vocabulary.term(id)),
      analyze(text, options).terms,
    );
    assert.equal(length, analyze(text, options).length);
  });

  it('leaves unknown terms out when not creating (queries)', () => {
    const vocabulary = new Vocabulary();
    const options: TokenizerOptions = { bigrams: true, folding: 'only', expandAbbreviations: true };
    analyzeIds('khai sinh', options, vocabulary, true);
    const { ids } = analyzeIds('khai tử', options, vocabulary, false);
    assert.deepEqual(
      ids.map((id) => vocabulary.term(id)),
      ['~khai'],
    );
    assert.equal(vocabulary.find('~khai sinh') >= 0, true);
    assert.equal(vocabulary.find('~khai tu'), -1);
  });
});

describe('hasDiacritics', () => {
  it('tells accented questions from plain ones', () => {
    assert.equal(hasDiacritics('đăng ký khai sinh'), true);
    assert.equal(hasDiacritics('dang ky khai sinh'), false);
    assert.equal(hasDiacritics('UBND xa'), false);
  });
});
