import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmbeddingModel, EmbeddingError, readModelsDirectory, StaticOnnxEmbeddingModel, type ResolvedManifestEntry } from './index.js';
import { describeEmbeddingModelContract } from './embedding-model.contract.js';
import { dot } from './vector-math.js';

const modelsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'models');
const defaultEntry = readModelsDirectory(modelsDir).models.find(
  (model): model is Extract<ResolvedManifestEntry, { kind: 'static-onnx' }> => model.default && model.kind === 'static-onnx',
);

if (!defaultEntry) {
  test('static embedding model', { skip: `no default static model in ${modelsDir} (run scripts/embedding/build-model.ts)` }, () => {});
} else {
  const entry = defaultEntry;
  describeEmbeddingModelContract(`static ONNX (${entry.name})`, () => StaticOnnxEmbeddingModel.load(modelsDir, entry));

  describe('static ONNX embedding model', () => {
    test('the factory picks it by default and the manifest describes it', async () => {
      const model = await createEmbeddingModel({ modelsDir });
      assert.ok(model);
      try {
        assert.equal(model.modelId, `${entry.name}@${entry.version}`);
        assert.equal(model.dimensions, entry.dimensions);
        assert.ok(entry.files.every((file) => file.bytes <= 4 * 1024 * 1024), 'model files stay within 4 MiB');
        assert.ok(entry.license.length > 0 && entry.made.length > 0 && entry.rebuild);
      } finally {
        await model.close();
      }
    });

    test('diacritics, case and tone-mark placement do not change the vector', async () => {
      const model = await StaticOnnxEmbeddingModel.load(modelsDir, entry);
      try {
        const [accented, plain, shouted, oldStyle] = await model.embed([
          'Đăng ký khai sinh cho trẻ em hoà nhập',
          'dang ky khai sinh cho tre em hoa nhap',
          'ĐĂNG KÝ KHAI SINH CHO TRẺ EM HÒA NHẬP',
          'Đăng kí khai sinh cho trẻ em hoà nhập',
        ]);
        assert.ok(dot(accented!, plain!) > 0.9999);
        assert.ok(dot(accented!, shouted!) > 0.9999);
        assert.ok(dot(accented!, oldStyle!) > 0.9999);
      } finally {
        await model.close();
      }
    });

    test('related procedures and articles are nearer than unrelated ones', async () => {
      const model = await StaticOnnxEmbeddingModel.load(modelsDir, entry);
      try {
        const [question, birth, environment, residence, registration] = await model.embed([
          'làm giấy khai sinh cho con cần giấy tờ gì',
          'Thủ tục đăng ký khai sinh: tờ khai đăng ký khai sinh, giấy chứng sinh',
          'Bảo vệ môi trường không khí, xử lý chất thải rắn công nghiệp',
          'đăng ký thường trú tại chỗ ở hợp pháp',
          'Điều 20. Điều kiện đăng ký thường trú: công dân có chỗ ở hợp pháp',
        ]);
        assert.ok(dot(question!, birth!) > dot(question!, environment!));
        assert.ok(dot(residence!, registration!) > dot(residence!, birth!));
      } finally {
        await model.close();
      }
    });

    test('a text of only unknown words embeds to the zero vector', async () => {
      const model = await StaticOnnxEmbeddingModel.load(modelsDir, entry);
      try {
        const [vector] = await model.embed(['qwzx vbnmq']);
        assert.ok(vector!.every((value) => value === 0));
      } finally {
        await model.close();
      }
    });

    test('a model file that does not match its sha256 is refused', async () => {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'embedding-sha-'));
      try {
        for (const file of entry.files) {
          fs.mkdirSync(path.dirname(path.join(copy, file.path)), { recursive: true });
          fs.copyFileSync(path.join(modelsDir, file.path), path.join(copy, file.path));
        }
        fs.appendFileSync(path.join(copy, entry.settings.vocabulary), 'extra\t1.0\n');
        await assert.rejects(StaticOnnxEmbeddingModel.load(copy, entry), (error: unknown) => error instanceof EmbeddingError && /sha256/.test(error.message));
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
    });
  });
}
