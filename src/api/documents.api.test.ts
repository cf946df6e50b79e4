import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const sharedCandidate = path.resolve(
  process.env.SHARED_DIR ?? path.join(import.meta.dirname, '../../../shared'),
  'corpora/procedures/provincial/quy_trinh_cap_ho_tich_cap_xa/DOC_001.doc',
);
const sharedDoc = fs.existsSync(sharedCandidate) ? sharedCandidate : undefined;

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function upload(server: TestServer, token: string, name: string, bytes: Uint8Array | string, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)], { type }), name);
  return fetch(`${server.url}/v1/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

async function expectProblem(response: Response, status: number, code?: string) {
  assert.equal(response.status, status, await response.clone().text());
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = (await response.json()) as { detail: string; code: string; status: number };
  assert.equal(problem.status, status);
  assert.ok(/[àáảãạăâđêôơưĐ]/i.test(problem.detail), `detail should be Vietnamese: ${problem.detail}`);
  if (code) assert.equal(problem.code, code);
  return problem;
}

for (const database of ['pglite', 'postgres-wire'] as const) {
  describe(`documents API (${database})`, () => {
    let server: TestServer;
    let officer: string;
    before(async () => {
      server = await startTestServer({ database, env: { MAX_UPLOAD_MB: '0.5' } });
      officer = await server.token('officer', { agency: 'UBND xã Ia Grai' });
    });
    after(async () => server.close());

    test('an upload with a client-credentials token is listed and processed to done', async () => {
      const response = await upload(server, officer, 'huong-dan-khai-sinh.txt', 'Đăng ký khai sinh: nộp tờ khai theo mẫu và giấy chứng sinh.', 'text/plain');
      assert.equal(response.status, 201, await response.clone().text());
      const { document, duplicate } = (await response.json()) as { document: { id: string; status: string; format: string }; duplicate: boolean };
      assert.equal(duplicate, false);
      assert.equal(document.format, 'txt');
      const list = (await (await fetch(`${server.url}/v1/documents`, { headers: { authorization: `Bearer ${officer}` } })).json()) as {
        items: { id: string; status: string }[];
        total: number;
      };
      assert.ok(list.items.some((item) => item.id === document.id));
      const done = await waitFor(async () => {
        const current = (await (await fetch(`${server.url}/v1/documents/${document.id}`, { headers: { authorization: `Bearer ${officer}` } })).json()) as {
          status: string;
          progress: number;
          pageCount: number;
        };
        return current.status === 'done' || current.status === 'failed' ? current : undefined;
      });
      assert.equal(done.status, 'done');
      assert.equal(done.progress, 1);
      assert.equal(done.pageCount, 1);
      const text = (await (await fetch(`${server.url}/v1/documents/${document.id}/text`, { headers: { authorization: `Bearer ${officer}` } })).json()) as {
        pages: { text: string }[];
      };
      assert.match(text.pages[0]?.text ?? '', /giấy chứng sinh/);
    });

    test('the same bytes uploaded again are recognised as a duplicate', async () => {
      const first = await upload(server, officer, 'a.txt', 'Nội dung trùng lặp cho kiểm thử', 'text/plain');
      const second = await upload(server, officer, 'b.txt', 'Nội dung trùng lặp cho kiểm thử', 'text/plain');
      assert.equal(first.status, 201);
      assert.equal(second.status, 200);
      const a = (await first.json()) as { document: { id: string } };
      const b = (await second.json()) as { document: { id: string }; duplicate: boolean };
      assert.equal(b.duplicate, true);
      assert.equal(b.document.id, a.document.id);
    });

    test('wrong type → 415, empty → 400, oversized → 413, nothing stored', async () => {
      const before = (await server.services.database.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'))[0]!.n;
      const zip = Buffer.from('504b0304140000000800', 'hex');
      await expectProblem(await upload(server, officer, 'virus.exe', Buffer.from('4d5a90000300000004000000ffff0000', 'hex')), 415, 'unsupported-media-type');
      await expectProblem(await upload(server, officer, 'nen.zip', Buffer.concat([zip, Buffer.alloc(64)])), 415, 'unsupported-media-type');
      await expectProblem(await upload(server, officer, 'anh.png', 'không phải ảnh'), 415, 'unsupported-media-type');
      await expectProblem(await upload(server, officer, 'rong.txt', ''), 400, 'empty-file');
      await expectProblem(await upload(server, officer, 'lon.txt', 'a'.repeat(600 * 1024)), 413, 'file-too-large');
      const noFile = await fetch(`${server.url}/v1/documents`, { method: 'POST', headers: { authorization: `Bearer ${officer}` }, body: new FormData() });
      await expectProblem(noFile, 400, 'file-required');
      const after = (await server.services.database.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'))[0]!.n;
      assert.equal(after, before);
      const blobFiles = fs.readdirSync(server.services.config.paths.blobDir, { recursive: true }).filter((name) => String(name).endsWith('.tmp'));
      assert.deepEqual(blobFiles, []);
    });

    test('no token → 401; a citizen cannot see an officer agency document; reads are audited', async () => {
      await expectProblem(await fetch(`${server.url}/v1/documents`), 401, 'unauthorized');
      await expectProblem(await fetch(`${server.url}/v1/documents`, { headers: { authorization: 'Bearer not.a.jwt' } }), 401, 'unauthorized');
      const created = (await (await upload(server, officer, 'rieng.txt', 'Hồ sơ riêng của xã Ia Grai', 'text/plain')).json()) as { document: { id: string } };
      const citizen = await server.token('citizen');
      await expectProblem(await fetch(`${server.url}/v1/documents/${created.document.id}`, { headers: { authorization: `Bearer ${citizen}` } }), 404);
      const colleague = await server.token('officer', { agency: 'UBND xã Ia Grai' });
      const other = await server.token('officer', { agency: 'UBND phường Pleiku' });
      const seen = await fetch(`${server.url}/v1/documents/${created.document.id}/content`, {
        headers: { authorization: `Bearer ${colleague}`, 'x-purpose': encodeURIComponent('Kiểm tra hồ sơ') },
      });
      assert.equal(seen.status, 200);
      assert.equal(await seen.text(), 'Hồ sơ riêng của xã Ia Grai');
      await expectProblem(await fetch(`${server.url}/v1/documents/${created.document.id}`, { headers: { authorization: `Bearer ${other}` } }), 404);
      const audit = await server.services.audit.list({ resourceType: 'document', resourceId: created.document.id });
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.action, 'document.download');
      assert.equal(audit[0]?.purpose, 'Kiểm tra hồ sơ');
      assert.equal(audit[0]?.agency, 'UBND xã Ia Grai');
    });

    test('a corrupt PDF is accepted, then fails with a Vietnamese reason and nothing indexed', async () => {
      const response = await upload(server, officer, 'hong.pdf', '%PDF-1.7\n1 0 obj <<>> endobj\nrác\n%%EOF', 'application/pdf');
      assert.equal(response.status, 201, await response.clone().text());
      const { document } = (await response.json()) as { document: { id: string } };
      const failed = await waitFor(async () => {
        const current = (await (await fetch(`${server.url}/v1/documents/${document.id}`, { headers: { authorization: `Bearer ${officer}` } })).json()) as {
          status: string;
          errorDetail: string | null;
        };
        return current.status === 'failed' || current.status === 'done' ? current : undefined;
      });
      assert.equal(failed.status, 'failed');
      assert.match(failed.errorDetail ?? '', /PDF/);
      assert.equal((await server.services.database.query('SELECT 1 FROM chunks WHERE document_id = $1', [document.id])).length, 0);
    });

    test('an uploaded provincial procedure (.doc) becomes a structured procedure with its required documents', { skip: !sharedDoc && 'SHARED_DIR not found' }, async () => {
      const response = await upload(server, officer, 'quy-trinh.doc', fs.readFileSync(sharedDoc!), 'application/msword');
      assert.equal(response.status, 201, await response.clone().text());
      const { document } = (await response.json()) as { document: { id: string } };
      const done = await waitFor(async () => {
        const current = (await (await fetch(`${server.url}/v1/documents/${document.id}`, { headers: { authorization: `Bearer ${officer}` } })).json()) as {
          status: string;
          structure: string;
          title: string;
          errorDetail: string | null;
        };
        return current.status === 'failed' || current.status === 'done' ? current : undefined;
      }, 60_000);
      assert.equal(done.status, 'done', done.errorDetail ?? '');
      assert.equal(done.structure, 'procedure');
      assert.match(done.title, /khai sinh/i);
      const requirements = await server.services.database.query(
        'SELECT r.name FROM procedure_requirements r JOIN procedures p ON p.id = r.procedure_id WHERE p.document_id = $1',
        [document.id],
      );
      assert.ok(requirements.length >= 1);
    });

    test('delete removes the document, its pages and the stored file', async () => {
      const created = (await (await upload(server, officer, 'xoa.txt', 'Tài liệu sẽ bị xóa', 'text/plain')).json()) as { document: { id: string; sha256: string } };
      const id = created.document.id;
      await waitFor(async () => {
        const rows = await server.services.database.query<{ status: string }>('SELECT status FROM documents WHERE id = $1', [id]);
        return rows[0]?.status === 'done' ? true : undefined;
      });
      assert.ok((await server.services.database.query('SELECT 1 FROM chunks WHERE document_id = $1', [id])).length >= 1);
      const response = await fetch(`${server.url}/v1/documents/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${officer}` } });
      assert.equal(response.status, 204);
      assert.equal((await server.services.database.query('SELECT 1 FROM chunks WHERE document_id = $1', [id])).length, 0);
      assert.equal((await server.services.database.query('SELECT 1 FROM document_pages WHERE document_id = $1', [id])).length, 0);
      const sha = created.document.sha256;
      assert.equal(fs.existsSync(path.join(server.services.config.paths.blobDir, sha.slice(0, 2), sha.slice(2, 4), sha)), false);
      await expectProblem(await fetch(`${server.url}/v1/documents/${id}`, { headers: { authorization: `Bearer ${officer}` } }), 404);
    });
  });
}

describe('HTTP conventions', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PUBLIC: '3', RATE_LIMIT_EXEMPT_LOOPBACK: 'false' } });
  });
  after(async () => server.close());

  test('healthz, readyz and a valid OpenAPI 3.1 document identical to the committed copy', async () => {
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as { status: string; checks: { database: { status: string } } };
    assert.equal(ready.status, 'ok');
    const served = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(served.openapi, '3.1.0');
    const committed = JSON.parse(fs.readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as unknown;
    assert.deepEqual(served, committed, 'openapi.json is out of date: run `npm run openapi` and commit it');
  });

  test('wrong client secret → 401 problem with the OAuth2 error code', async () => {
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=tls_nope&client_secret=wrong',
    });
    const problem = (await expectProblem(response, 401, 'invalid-client')) as unknown as { error: string };
    assert.equal(problem.error, 'invalid_client');
  });

  test('malformed JSON → 400 problem; unknown route → 404 problem; request id echoed', async () => {
    const admin = await server.token('admin');
    const malformed = await fetch(`${server.url}/v1/admin/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'x-request-id': 'req-123' },
      body: '{"name": "x",',
    });
    assert.equal(malformed.headers.get('x-request-id'), 'req-123');
    await expectProblem(malformed, 400, 'malformed-json');
    const invalid = await fetch(`${server.url}/v1/admin/clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Cán bộ', role: 'officer', scopes: ['documents:read'] }),
    });
    await expectProblem(invalid, 400);
    await expectProblem(await fetch(`${server.url}/v1/khong-co`), 404, 'route-not-found');
  });

  test('anonymous callers are rate-limited with 429 and Retry-After', async () => {
    let last: Response | undefined;
    for (let index = 0; index < 4; index += 1) last = await fetch(`${server.url}/v1/khong-co`);
    await expectProblem(last!, 429, 'rate-limited');
    assert.ok(Number(last!.headers.get('retry-after')) >= 1);
  });
});

describe('rate limits and callers on this machine', () => {
  test('by default loopback callers (evaluations, benchmarks) are not limited', async () => {
    const server = await startTestServer({ env: { RATE_LIMIT_PUBLIC: '2' } });
    try {
      for (let index = 0; index < 5; index += 1) {
        const response = await fetch(`${server.url}/v1/khong-co`);
        assert.equal(response.status, 404);
        assert.equal(response.headers.get('ratelimit'), null);
      }
    } finally {
      await server.close();
    }
  });
});
