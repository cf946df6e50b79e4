import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IngestService } from '../ingest/pipeline/ingest.service.js';
import { createDocumentAnalyzer } from '../jobs/index.js';
import type { SearchResult } from '../retrieval/index.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// A small corpus written for the test: one law, one procedure record in the national JSON shape.
const law = `LUẬT
ĐĂNG KÝ THỬ NGHIỆM

Điều 1. Phạm vi điều chỉnh
Luật này quy định việc đăng ký thử nghiệm tại Ủy ban nhân dân cấp xã.

Điều 2. Giấy tờ tùy thân
1. Người yêu cầu xuất trình căn cước công dân hoặc chứng minh nhân dân.
2. Trẻ em chưa có giấy tờ thì cha hoặc mẹ xuất trình thay.
`;
const procedure = {
  ma_thu_tuc: '9.999001',
  ten_thu_tuc: 'Đăng ký nuôi ong mật thử nghiệm',
  cap_thuc_hien: 'Cấp xã',
  linh_vuc: 'Chăn nuôi',
  co_quan_thuc_hien: 'Ủy ban nhân dân cấp xã',
  trinh_tu_thuc_hien: 'Bước 1: Nộp hồ sơ tại bộ phận một cửa. Bước 2: Nhận kết quả.',
  cach_thuc_thuc_hien: 'Trực tiếp5 Ngày làm việcLệ phí : 10.000 Đồng',
  thanh_phan_ho_so: 'Tờ khai đăng ký nuôi ong theo mẫuBản chính: 1 Bản sao: 0',
  can_cu_phap_ly: '',
  yeu_cau_dieu_kien: '',
  ket_qua_xu_ly: 'Giấy xác nhận',
  raw_text: 'Đăng ký nuôi ong mật thử nghiệm',
};

describe('search API', () => {
  let server: TestServer;
  let folder: string;
  before(async () => {
    server = await startTestServer();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-search-'));
    fs.mkdirSync(path.join(folder, 'laws'));
    fs.writeFileSync(path.join(folder, 'laws', 'luat-dang-ky-thu-nghiem.txt'), law);
    fs.writeFileSync(path.join(folder, 'laws', 'index.json'), JSON.stringify([{ file: 'luat-dang-ky-thu-nghiem.txt', title: 'Luật Đăng ký thử nghiệm', number: '98/2098/QH98' }]));
    fs.writeFileSync(path.join(folder, '9.999001.json'), JSON.stringify(procedure));
    const ingest = new IngestService(server.services.database, server.services.blobs, createDocumentAnalyzer(server.services.ocr));
    for (const entry of IngestService.listFiles([folder])) {
      const result = await ingest.ingestFile(entry.file, entry.root);
      assert.equal(result.status, 'done', `${result.sourcePath}: ${result.reason}`);
    }
  });
  after(async () => {
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const search = (body: unknown) =>
    fetch(`${server.url}/v1/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('answers without a token, with the citation contract, with and without diacritics', async () => {
    for (const query of ['xuất trình căn cước công dân', 'xuat trinh can cuoc cong dan', 'xuất trình CCCD']) {
      const response = await search({ query, k: 3 });
      assert.equal(response.status, 200);
      const { results } = (await response.json()) as { results: SearchResult[] };
      const top = results[0]!;
      assert.deepEqual(Object.keys(top).sort(), ['citation', 'document', 'procedure', 'score', 'text']);
      assert.equal(top.document.title, 'Luật Đăng ký thử nghiệm', query);
      assert.equal(top.document.number, '98/2098/QH98');
      assert.equal(top.document.kind, 'Luật');
      assert.equal(top.document.source, 'laws/luat-dang-ky-thu-nghiem.txt');
      assert.equal(top.citation.article, '2');
      assert.match(top.citation.label, /Điều 2 Luật Đăng ký thử nghiệm \(98\/2098\/QH98\)/);
      assert.equal(top.procedure, null);
    }
  });

  test('a procedure passage names its procedure and section', async () => {
    const { results } = (await (await search({ query: 'le phi dang ky nuoi ong', k: 5 })).json()) as { results: SearchResult[] };
    const top = results[0]!;
    assert.deepEqual(top.procedure, { code: '9.999001', name: 'Đăng ký nuôi ong mật thử nghiệm' });
    assert.equal(top.document.source, '9.999001.json');
  });

  test('the live index follows documents added and deleted after it was built, one document at a time', async () => {
    const extra = path.join(folder, 'luat-thu-nghiem-bo-sung.txt');
    fs.writeFileSync(extra, 'LUẬT\nBỔ SUNG THỬ NGHIỆM\n\nĐiều 1. Nuôi chim yến\nViệc nuôi chim yến trong khu dân cư phải được đăng ký.\n\nĐiều 2. Xử lý\nCơ sở nuôi chim yến vi phạm bị xử phạt.\n');
    const ingest = new IngestService(server.services.database, server.services.blobs, createDocumentAnalyzer(server.services.ocr));
    const ingested = await ingest.ingestFile(extra, folder);
    assert.equal(ingested.status, 'done');
    await server.services.search.refresh();
    const found = (await (await search({ query: 'nuôi chim yến', k: 3 })).json()) as { results: SearchResult[] };
    assert.equal(found.results[0]?.document.source, 'luat-thu-nghiem-bo-sung.txt');
    const passagesBefore = server.services.search.stats.passages;
    await server.services.database.query('DELETE FROM documents WHERE id = $1', [found.results[0]!.document.id]);
    await server.services.search.refresh();
    const gone = (await (await search({ query: 'nuôi chim yến', k: 3 })).json()) as { results: SearchResult[] };
    assert.ok(gone.results.every((result) => result.document.source !== 'luat-thu-nghiem-bo-sung.txt'));
    assert.ok(server.services.search.stats.passages < passagesBefore);
  });

  test('filters by kind; invalid requests get a Vietnamese 400', async () => {
    const onlyProcedures = (await (await search({ query: 'đăng ký', filters: { kind: 'Thủ tục hành chính' } })).json()) as { results: SearchResult[] };
    assert.ok(onlyProcedures.results.length >= 1);
    assert.ok(onlyProcedures.results.every((result) => result.document.kind === 'Thủ tục hành chính'));
    for (const body of [{ query: '   ' }, { query: 'x', k: 51 }, { query: 'x', filters: { color: 'red' } }, {}]) {
      const response = await search(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
    }
  });
});

describe('search API with the dense leg (pgvector HNSW)', () => {
  let server: TestServer;
  let folder: string;
  before(async () => {
    server = await startTestServer({ env: { SEARCH_DENSE_WEIGHT: '1' } });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-dense-'));
    fs.writeFileSync(path.join(folder, '9.999001.json'), JSON.stringify(procedure));
    const ingest = new IngestService(server.services.database, server.services.blobs, createDocumentAnalyzer(server.services.ocr, server.services.embedding));
    for (const entry of IngestService.listFiles([folder])) assert.equal((await ingest.ingestFile(entry.file, entry.root)).status, 'done');
  });
  after(async () => {
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('creates the HNSW index of the model and answers with fused rankings', async () => {
    const response = await fetch(`${server.url}/v1/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'lệ phí nuôi ong', k: 3 }) });
    assert.equal(response.status, 200);
    const { results } = (await response.json()) as { results: SearchResult[] };
    assert.equal(results[0]?.procedure?.code, '9.999001');
    const embedding = server.services.embedding!;
    const { ChunkEmbeddingRepository } = await import('../db/index.js');
    const vectors = new ChunkEmbeddingRepository(server.services.database);
    assert.equal(await vectors.hasIndex(embedding.modelId, embedding.dimensions), true);
    assert.ok((await vectors.count(embedding.modelId)) > 0);
  });
});
