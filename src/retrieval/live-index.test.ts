import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PassageRepository } from '../db/index.js';
import { IngestService } from '../ingest/pipeline/ingest.service.js';
import { createDocumentAnalyzer } from '../jobs/index.js';
import { createOcrEngine } from '../providers/ocr/index.js';
import { FileBlobStore } from '../storage/index.js';
import { openTestPglite, type TestDatabase } from '../testing/databases.js';
import { LiveSearchIndex } from './live-index.js';

const silent = { info() {}, warn() {} };

describe('LiveSearchIndex', () => {
  let db: TestDatabase;
  let folder: string;
  before(async () => {
    db = await openTestPglite();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-live-'));
  });
  after(async () => {
    await db.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('the search that falls due for the check sees a document ingested just before it', async () => {
    const index = new LiveSearchIndex(new PassageRepository(db.database), silent, 0);
    assert.deepEqual(await index.search('nuôi chim yến'), []);
    const file = path.join(folder, 'luat-chim-yen.txt');
    fs.writeFileSync(file, 'LUẬT\nNUÔI CHIM YẾN THỬ NGHIỆM\n\nĐiều 1. Phạm vi\nViệc nuôi chim yến trong khu dân cư phải được đăng ký.\n\nĐiều 2. Xử lý\nCơ sở nuôi chim yến vi phạm bị xử phạt.\n');
    const ocr = createOcrEngine({ cacheDir: path.join(folder, 'ocr') });
    try {
      const result = await new IngestService(db.database, new FileBlobStore(path.join(folder, 'blobs')), createDocumentAnalyzer(ocr)).ingestFile(file, folder);
      assert.equal(result.status, 'done');
    } finally {
      await ocr.close();
    }
    const [top] = await index.search('nuôi chim yến');
    assert.equal(top?.document.source, 'luat-chim-yen.txt');
  });

  test('a bulk change (more than 50 documents) is rebuilt in the background, then searchable', async () => {
    const index = new LiveSearchIndex(new PassageRepository(db.database), silent, 0);
    await index.search('khởi động');
    const before = index.stats.documents;
    const bulk = path.join(folder, 'bulk');
    fs.mkdirSync(bulk);
    for (let i = 1; i <= 55; i++) {
      fs.writeFileSync(path.join(bulk, `luat-${i}.txt`), `LUẬT\nTHỬ NGHIỆM SỐ ${i}\n\nĐiều 1. Phạm vi\nVăn bản thử nghiệm số ${i} về nuôi cá tầm ${i === 55 ? 'đuôi vàng' : 'thường'}.\n\nĐiều 2. Hiệu lực\nCó hiệu lực ngay.\n`);
    }
    const ocr = createOcrEngine({ cacheDir: path.join(folder, 'ocr') });
    try {
      const ingest = new IngestService(db.database, new FileBlobStore(path.join(folder, 'blobs')), createDocumentAnalyzer(ocr));
      for (const entry of IngestService.listFiles([bulk])) assert.equal((await ingest.ingestFile(entry.file, entry.root)).status, 'done');
    } finally {
      await ocr.close();
    }
    await index.refresh(); // starts the rebuild and returns
    const deadline = Date.now() + 60_000;
    while (index.stats.documents < before + 55 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(index.stats.documents, before + 55);
    const [top] = await index.search('cá tầm đuôi vàng');
    assert.equal(top?.document.source, 'luat-55.txt');
  });
});
