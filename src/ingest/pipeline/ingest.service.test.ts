import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentRepository } from '../../db/repositories/index.js';
import { createDocumentAnalyzer } from '../../jobs/index.js';
import { createOcrEngine } from '../../providers/ocr/index.js';
import { createEmbeddingModel, type EmbeddingModel } from '../../providers/embedding/index.js';
import { projectRoot } from '../../runtime/paths.js';
import { FileBlobStore } from '../../storage/index.js';
import { openTestPglite, type TestDatabase } from '../../testing/databases.js';
import { IngestService, type IngestResult } from './ingest.service.js';
import { INDEX_PIPELINE_VERSION } from './pipeline-version.js';

const sharedDir = path.resolve(process.env.SHARED_DIR ?? path.join(import.meta.dirname, '../../../../shared'));
const corpora = path.join(sharedDir, 'corpora');
const hasShared = fs.existsSync(corpora);

// A small law written for the test (not taken from the corpus).
const lawV1 = `LUẬT
THỬ NGHIỆM DỮ LIỆU

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định việc thử nghiệm dữ liệu trong cơ quan nhà nước.

Điều 2. Nguyên tắc
1. Dữ liệu phải chính xác.
2. Dữ liệu cá nhân được bảo vệ theo các điểm sau:
a) chỉ thu thập khi cần thiết;
b) chỉ người có thẩm quyền được xem.
`;

describe('folder ingestion', () => {
  let db: TestDatabase;
  let folder: string;
  let blobDir: string;
  let service: IngestService;
  const ocr = createOcrEngine();
  let embedding: EmbeddingModel | null;

  before(async () => {
    db = await openTestPglite();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-ingest-'));
    blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-blobs-'));
    fs.mkdirSync(path.join(folder, 'laws'));
    fs.writeFileSync(path.join(folder, 'laws', 'luat-thu-nghiem.txt'), lawV1);
    fs.writeFileSync(path.join(folder, 'laws', 'index.json'), JSON.stringify([{ file: 'luat-thu-nghiem.txt', title: 'Luật Thử nghiệm dữ liệu', number: '99/2099/QH99' }]));
    fs.writeFileSync(path.join(folder, 'hong.pdf'), '%PDF-1.7\nkhông phải PDF thật\n%%EOF');
    fs.writeFileSync(path.join(folder, 'rong.txt'), '');
    fs.writeFileSync(path.join(folder, 'bang-tinh.xlsx'), 'PK');
    embedding = await createEmbeddingModel({ modelsDir: path.join(projectRoot, 'models'), model: '' });
    service = new IngestService(db.database, new FileBlobStore(blobDir), createDocumentAnalyzer(ocr, embedding));
  });
  after(async () => {
    await ocr.close();
    await embedding?.close();
    await db.close();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(blobDir, { recursive: true, force: true });
  });

  const ingestAll = async () => {
    const results: (Pick<IngestResult, 'sourcePath' | 'status'> & Partial<IngestResult>)[] = [];
    for (const entry of IngestService.listFiles([folder])) {
      results.push(entry.skipReason ? { sourcePath: path.relative(folder, entry.file), status: 'skipped' as const, reason: entry.skipReason } : await service.ingestFile(entry.file, entry.root));
    }
    return results;
  };

  test('notes describing a folder (README, SOURCES) are skipped while walking it, ingested when named', () => {
    const notes = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-notes-'));
    try {
      fs.writeFileSync(path.join(notes, 'README.md'), '# Bộ dữ liệu minh họa');
      fs.writeFileSync(path.join(notes, 'SOURCES.md'), 'Nguồn');
      fs.writeFileSync(path.join(notes, 'van-ban.txt'), 'Nội dung');
      const listed = IngestService.listFiles([notes]);
      assert.deepEqual(listed.filter((entry) => !entry.skipReason).map((entry) => path.basename(entry.file)), ['van-ban.txt']);
      assert.match(listed.find((entry) => path.basename(entry.file) === 'README.md')?.skipReason ?? '', /README/);
      assert.equal(IngestService.listFiles([path.join(notes, 'README.md')])[0]?.skipReason, undefined);
    } finally {
      fs.rmSync(notes, { recursive: true, force: true });
    }
  });

  test('a batch ingests what it can; bad files fail with Vietnamese reasons and leave nothing behind', async () => {
    const results = await ingestAll();
    const byPath = new Map(results.map((result) => [result.sourcePath, result]));
    assert.equal(byPath.get('laws/luat-thu-nghiem.txt')?.status, 'done');
    assert.equal(byPath.get('laws/index.json'), undefined, 'sidecars are metadata, not documents');
    assert.equal(byPath.get('hong.pdf')?.status, 'failed');
    assert.match(byPath.get('hong.pdf')?.reason ?? '', /PDF/);
    assert.equal(byPath.get('rong.txt')?.status, 'failed');
    assert.equal(byPath.get('bang-tinh.xlsx')?.status, 'skipped');
    const documents = await db.database.query<{ source_path: string; title: string; number: string; kind: string; structure: string }>(
      'SELECT source_path, title, number, kind, structure FROM documents',
    );
    assert.deepEqual(documents, [{ source_path: 'laws/luat-thu-nghiem.txt', title: 'Luật Thử nghiệm dữ liệu', number: '99/2099/QH99', kind: 'Luật', structure: 'legal' }]);
    const chunks = await db.database.query<{ label: string; article: string; search_text: string }>('SELECT label, article, search_text FROM chunks ORDER BY ordinal');
    assert.deepEqual(chunks.map((chunk) => chunk.article), ['1', '2']);
    assert.match(chunks[1]?.label ?? '', /Điều 2 Luật Thử nghiệm dữ liệu \(99\/2099\/QH99\)/);
    assert.match(chunks[1]?.search_text ?? '', /du lieu ca nhan duoc bao ve/);
    const vectors = await db.database.query<{ model: string; dimensions: number }>(
      'SELECT e.model, vector_dims(e.embedding) AS dimensions FROM chunk_embeddings e JOIN chunks c ON c.id = e.chunk_id',
    );
    assert.equal(vectors.length, 2, 'every chunk has its dense vector in pgvector');
    assert.ok(embedding && vectors.every((vector) => vector.model === embedding!.modelId && vector.dimensions === embedding!.dimensions));
  });

  test('re-ingesting an unchanged file is a no-op; a changed file replaces its chunks and keeps the old version', async () => {
    const [first] = await ingestAll();
    assert.ok(first);
    const again = (await ingestAll()).find((result) => result.sourcePath === 'laws/luat-thu-nghiem.txt');
    assert.equal(again?.status, 'skipped');
    assert.equal(again?.reason, 'không thay đổi');
    // indexed by an older analysis: the unchanged file is indexed again, as the same version
    await db.database.query("UPDATE documents SET pipeline_version = 0 WHERE source_path = 'laws/luat-thu-nghiem.txt'");
    const reindexed = (await ingestAll()).find((result) => result.sourcePath === 'laws/luat-thu-nghiem.txt');
    assert.equal(reindexed?.status, 'done');
    assert.equal(reindexed?.version, 1);
    const [row] = await db.database.query<{ pipeline_version: number }>("SELECT pipeline_version FROM documents WHERE source_path = 'laws/luat-thu-nghiem.txt'");
    assert.equal(row?.pipeline_version, INDEX_PIPELINE_VERSION);
    fs.writeFileSync(path.join(folder, 'laws', 'luat-thu-nghiem.txt'), lawV1 + '\nĐiều 3. Hiệu lực thi hành\nLuật này có hiệu lực từ ngày ký.\n');
    const changed = (await ingestAll()).find((result) => result.sourcePath === 'laws/luat-thu-nghiem.txt');
    assert.equal(changed?.status, 'done');
    assert.equal(changed?.version, 2);
    const articles = await db.database.query<{ article: string }>('SELECT article FROM chunks ORDER BY ordinal');
    assert.deepEqual(articles.map((row) => row.article), ['1', '2', '3']);
    const versions = await new DocumentRepository(db.database).versions(changed!.documentId!);
    assert.equal(versions.length, 1);
    assert.equal(versions[0]?.version, 1);
    assert.ok(await new FileBlobStore(blobDir).exists(versions[0]!.sha256), 'the previous file is kept');
  });

  test('real corpus: a law, a provincial procedure (.doc) and a national record (JSON)', { skip: !hasShared && 'SHARED_DIR not found' }, async () => {
    const law = await service.ingestFile(path.join(corpora, 'laws/luat-cu-tru-2020.txt'), corpora);
    const provincial = await service.ingestFile(path.join(corpora, 'procedures/provincial/quy_trinh_cap_ho_tich_cap_xa/DOC_001.doc'), corpora);
    const nationalDir = path.join(corpora, 'procedures/national/records');
    const ministry = fs.readdirSync(nationalDir).sort()[0]!;
    const recordFile = fs.readdirSync(path.join(nationalDir, ministry)).sort()[0]!;
    const national = await service.ingestFile(path.join(nationalDir, ministry, recordFile), corpora);
    for (const result of [law, provincial, national]) assert.equal(result.status, 'done', `${result.sourcePath}: ${result.reason}`);

    const lawChunks = await db.database.query<{ label: string }>(
      "SELECT c.label FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.source_path = 'laws/luat-cu-tru-2020.txt' AND c.article = '20'",
    );
    assert.ok(lawChunks.length >= 1);
    assert.ok(lawChunks.every((chunk) => /Điều 20 Luật Cư trú \(68\/2020\/QH14\)/.test(chunk.label)), JSON.stringify(lawChunks));

    const procedures = await db.database.query<{ source: string; code: string; requirements: number; source_path: string }>(
      `SELECT p.source, p.code, d.source_path, (SELECT count(*)::int FROM procedure_requirements r WHERE r.procedure_id = p.id) AS requirements
         FROM procedures p JOIN documents d ON d.id = p.document_id ORDER BY p.source`,
    );
    assert.equal(procedures.length, 2);
    const [nationalRow, provincialRow] = procedures;
    assert.equal(nationalRow?.code, recordFile.replace(/\.json$/, ''));
    assert.equal(provincialRow?.source_path, 'procedures/provincial/quy_trinh_cap_ho_tich_cap_xa/DOC_001.doc');
    assert.ok((provincialRow?.requirements ?? 0) >= 1 && (nationalRow?.requirements ?? 0) >= 1);
    const sections = await db.database.query<{ section: string }>(
      `SELECT DISTINCT c.section FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.source_path LIKE 'procedures/provincial/%'`,
    );
    assert.ok(sections.some((row) => row.section === 'thanhPhanHoSo'));
  });
});
