import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddingError, type EmbeddingModel } from './embedding-model.js';
import { dot, l2Norm } from './vector-math.js';

/**
 * The behaviour every EmbeddingModel implementation must show (Hono's common.case.test pattern):
 * each implementation's test file calls this with a factory.
 */
export interface ContractTexts {
  /** A Vietnamese phrase and the same phrase typed without diacritics. */
  accented: string;
  plain: string;
  /** A text on another subject. */
  unrelated: string;
}

export const DEFAULT_CONTRACT_TEXTS: ContractTexts = {
  accented: 'thủ tục đăng ký khai sinh',
  plain: 'thu tuc dang ky khai sinh',
  unrelated: 'con nuôi chứng thực',
};

const TOLERANCE = 1e-4;

function assertClose(actual: Float32Array, expected: Float32Array, message: string): void {
  assert.equal(actual.length, expected.length, message);
  for (let index = 0; index < actual.length; index++) {
    assert.ok(Math.abs(actual[index]! - expected[index]!) <= TOLERANCE, `${message}: component ${index} ${actual[index]} ≠ ${expected[index]}`);
  }
}

export function describeEmbeddingModelContract(name: string, create: () => Promise<EmbeddingModel>, texts: ContractTexts = DEFAULT_CONTRACT_TEXTS): void {
  describe(`EmbeddingModel contract: ${name}`, () => {
    let model: EmbeddingModel;
    before(async () => {
      model = await create();
    });
    after(() => model?.close());

    test('describes itself: id, dimensions, batch size', () => {
      assert.match(model.modelId, /\S/);
      assert.ok(Number.isInteger(model.dimensions) && model.dimensions > 0);
      assert.ok(Number.isInteger(model.maxBatch) && model.maxBatch >= 1);
    });

    test('one unit-length vector of the declared size per text, in order', async () => {
      const input = [texts.accented, texts.unrelated, 'Điều 20. Đăng ký thường trú'];
      const vectors = await model.embed(input, { kind: 'passage' });
      assert.equal(vectors.length, input.length);
      for (const vector of vectors) {
        assert.ok(vector instanceof Float32Array);
        assert.equal(vector.length, model.dimensions);
        assert.ok(vector.every(Number.isFinite));
        assert.ok(Math.abs(l2Norm(vector) - 1) < 1e-3, `norm ${l2Norm(vector)}`);
      }
      assert.ok(dot(vectors[0]!, vectors[1]!) < 0.999, 'different texts give different vectors');
    });

    test('deterministic: the same text gives the same vector', async () => {
      const [first] = await model.embed([texts.accented], { kind: 'query' });
      const [second] = await model.embed([texts.accented], { kind: 'query' });
      assertClose(first!, second!, 'repeat');
    });

    test('a batch gives what single calls give (padding changes nothing)', async () => {
      const input = [texts.accented, 'hồ sơ', `${texts.unrelated} ${texts.unrelated} ${texts.accented}`];
      const batch = await model.embed(input);
      for (const [index, text] of input.entries()) {
        const [single] = await model.embed([text]);
        assertClose(batch[index]!, single!, `text ${index}`);
      }
    });

    test('empty input and blank texts: no vectors, zero vectors', async () => {
      assert.deepEqual(await model.embed([]), []);
      const [empty, spaces, real] = await model.embed(['', '  \n ', texts.accented]);
      assert.equal(empty!.length, model.dimensions);
      assert.ok(empty!.every((value) => value === 0));
      assert.ok(spaces!.every((value) => value === 0));
      assert.ok(Math.abs(l2Norm(real!) - 1) < 1e-3);
    });

    test('Vietnamese typed without diacritics lands nearer its accented form than an unrelated text', async () => {
      for (const kind of ['query', 'passage'] as const) {
        const [accented, plain, unrelated] = await model.embed([texts.accented, texts.plain, texts.unrelated], { kind });
        const near = dot(accented!, plain!);
        const far = dot(accented!, unrelated!);
        assert.ok(near > far, `${kind}: cos(accented, plain) ${near.toFixed(3)} should exceed cos(accented, unrelated) ${far.toFixed(3)}`);
      }
    });

    test('refuses batches above maxBatch and honours an aborted signal', async () => {
      const tooMany = Array.from({ length: model.maxBatch + 1 }, (_, index) => `văn bản ${index}`);
      await assert.rejects(model.embed(tooMany), EmbeddingError);
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(model.embed([texts.accented], { signal: controller.signal }));
    });
  });
}
