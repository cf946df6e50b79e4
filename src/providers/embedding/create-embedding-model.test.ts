import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmbeddingModel, EmbeddingError, familyDefaults, listEmbeddingModels, resolveEmbeddingModel } from './index.js';

test('none disables the dense leg; an empty models folder has no default', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'embedding-empty-'));
  try {
    assert.equal(await createEmbeddingModel({ modelsDir: empty, model: 'none' }), null);
    assert.equal(await createEmbeddingModel({ modelsDir: empty }), null);
    assert.equal(resolveEmbeddingModel({ modelsDir: path.join(empty, 'missing'), model: 'default' }), null);
    assert.deepEqual(listEmbeddingModels(empty), []);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('a named model that is not there is an error listing what is', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'embedding-empty-'));
  try {
    assert.throws(() => resolveEmbeddingModel({ modelsDir: empty, model: 'multilingual-e5-small' }), (error: unknown) => error instanceof EmbeddingError && /multilingual-e5-small/.test(error.message));
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('an invalid manifest is reported with its problems', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'embedding-bad-'));
  try {
    fs.writeFileSync(path.join(directory, 'manifest.json'), JSON.stringify({ models: [{ name: 'x', kind: 'static-onnx' }] }));
    assert.throws(() => resolveEmbeddingModel({ modelsDir: directory }), /manifest\.json không hợp lệ/);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
});

test('family defaults: e5 prefixes with mean pooling, bge with CLS pooling', () => {
  assert.deepEqual(familyDefaults('multilingual-e5-small'), { queryPrefix: 'query: ', passagePrefix: 'passage: ', pooling: 'mean' });
  assert.deepEqual(familyDefaults('intfloat_e5-base'), { queryPrefix: 'query: ', passagePrefix: 'passage: ', pooling: 'mean' });
  assert.deepEqual(familyDefaults('bge-m3'), { pooling: 'cls' });
  assert.deepEqual(familyDefaults('vietnamese-bi-encoder'), {});
});
