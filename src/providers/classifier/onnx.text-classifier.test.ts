import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashedFeatures, loadDocumentClassifier } from './index.js';

test('features ignore diacritics and case and are unit length', () => {
  const a = hashedFeatures('GIẤY CHỨNG SINH\nHọ và tên mẹ', 512);
  const b = hashedFeatures('giay chung sinh\nho va ten me', 512);
  assert.deepEqual([...a], [...b]);
  const norm = Math.sqrt(a.reduce((sum, value) => sum + value * value, 0));
  assert.ok(Math.abs(norm - 1) < 1e-5);
});

test('the trained document classifier loads from the manifest and names kinds of untitled text', async () => {
  const classifier = await loadDocumentClassifier('models');
  assert.ok(classifier, 'models/manifest.json lists doc-classifier');
  const [card, contract, other] = await classifier.classify([
    'So / No.: 064195001234\nHo va ten / Full name:\nNGUYEN THI LAN\nNgay sinh / Date of birth: 12/04/1995\nCo gia tri den / Date of expiry: 12/04/2035',
    'BÊN CHO THUÊ (Bên A)\nHọ và tên: Trần Văn Bình\nBÊN THUÊ (Bên B)\nĐiều 1. Bên A cho Bên B thuê nhà ở, diện tích 40 m2.\nĐiều 3. Bên A đồng ý để Bên B đăng ký thường trú.',
    'Điều 5. Nhà nước bảo đảm quyền của công dân theo quy định của Hiến pháp và pháp luật.',
  ]);
  assert.equal(card?.label, 'can_cuoc');
  assert.equal(contract?.label, 'giay_to_cu_tru');
  assert.equal(other?.label, 'khac');
  assert.ok((card?.confidence ?? 0) > 0.5);
  await classifier.close();
});
