import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeTinyTransformersModel } from '../../../scripts/embedding/tiny-transformers-fixture.js';
import { createEmbeddingModel, EmbeddingError, listEmbeddingModels, resolveEmbeddingModel } from './index.js';
import { describeEmbeddingModelContract } from './embedding-model.contract.js';
import { dot } from './vector-math.js';

/**
 * The Hugging Face drop-in path, exercised for real (transformers.js → onnxruntime-node, remote
 * loading off) on a tiny BERT-layout model the test writes itself: no weights are downloaded.
 */
const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedding-models-'));
writeTinyTransformersModel(path.join(modelsDir, 'tiny-bert'));
writeTinyTransformersModel(path.join(modelsDir, 'tiny-multilingual-e5'), { seed: 11 });
fs.writeFileSync(
  path.join(modelsDir, 'manifest.json'),
  JSON.stringify({
    models: [
      {
        name: 'tiny-cls',
        version: '0',
        kind: 'transformers',
        license: 'test fixture',
        made: 'scripts/embedding/tiny-transformers-fixture.ts',
        dimensions: 16,
        settings: { pooling: 'cls', maxBatch: 4 },
      },
    ],
  }),
);
writeTinyTransformersModel(path.join(modelsDir, 'tiny-cls'), { seed: 5 });

after(() => fs.rmSync(modelsDir, { recursive: true, force: true }));

describeEmbeddingModelContract('transformers drop-in (mean pooling, no manifest entry)', async () => {
  const model = await createEmbeddingModel({ modelsDir, model: 'tiny-bert' });
  assert.ok(model);
  return model;
});

describeEmbeddingModelContract('transformers drop-in (manifest entry, CLS pooling)', async () => {
  const model = await createEmbeddingModel({ modelsDir, model: 'tiny-cls' });
  assert.ok(model);
  return model;
});

describe('transformers drop-in', () => {
  test('a folder without an entry is found and gets its family defaults (e5: query/passage prefixes)', () => {
    const names = listEmbeddingModels(modelsDir).map((model) => model.name);
    assert.deepEqual(names.sort(), ['tiny-bert', 'tiny-cls', 'tiny-multilingual-e5']);
    const e5 = resolveEmbeddingModel({ modelsDir, model: 'tiny-multilingual-e5' });
    assert.equal(e5?.kind, 'transformers');
    assert.equal(e5?.kind === 'transformers' && e5.settings.queryPrefix, 'query: ');
    assert.equal(e5?.kind === 'transformers' && e5.settings.passagePrefix, 'passage: ');
  });

  describe('e5 prefixes', () => {
    let model: Awaited<ReturnType<typeof createEmbeddingModel>>;
    before(async () => {
      model = await createEmbeddingModel({ modelsDir, model: 'tiny-multilingual-e5' });
    });
    after(() => model?.close());

    test('queries and passages are embedded with their own prefix', async () => {
      assert.ok(model);
      const [query] = await model.embed(['đăng ký khai sinh'], { kind: 'query' });
      const [passage] = await model.embed(['đăng ký khai sinh'], { kind: 'passage' });
      assert.ok(dot(query!, passage!) < 0.9999, 'the prefix token changes the mean-pooled vector');
      assert.ok(dot(query!, passage!) > 0.5, 'but the text still dominates');
    });
  });

  test('a missing model file is an EmbeddingError naming it; nothing is fetched', async () => {
    const broken = path.join(modelsDir, 'broken-e5');
    writeTinyTransformersModel(broken);
    fs.rmSync(path.join(broken, 'onnx', 'model.onnx'));
    await assert.rejects(createEmbeddingModel({ modelsDir, model: 'broken-e5' }), (error: unknown) => error instanceof EmbeddingError && /model\.onnx/.test(error.message));
    const transformers = await import('@huggingface/transformers');
    assert.equal(transformers.env.allowRemoteModels, false);
  });
});
