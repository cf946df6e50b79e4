// The dossier API end to end: real HTTP, both database paths, the real queue and the real pre-check
// engine running the `dossier.precheck` job on documents generated for the test.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { precheckResultSchema } from '../agents/precheck/precheck.types.js';
import { createDocumentAnalyzer } from '../jobs/index.js';
import { dossierPrecheckHandler } from '../jobs/dossier-precheck.job.js';
import {
  birthCertificatePdf,
  birthDeclarationPdf,
  birthProcedureCode,
  family,
  identityCardPdf,
  ingestBirthProcedure,
} from '../dossiers/testing/dossier-fixtures.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { contentDisposition } from './routes/dossiers.routes.js';

const dossierScopes = ['dossiers:read', 'dossiers:write'];
const agencyA = 'UBND xã Ia Grai';
const agencyB = 'UBND phường Pleiku';

interface FilePart {
  name: string;
  bytes: Uint8Array | string;
  type?: string;
}

function submit(server: TestServer, token: string, fields: Record<string, string>, files: FilePart[], fileField = 'files') {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(fileField, new Blob([typeof file.bytes === 'string' ? Buffer.from(file.bytes) : new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  }
  return fetch(`${server.url}/v1/dossiers`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

const get = (server: TestServer, token: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

const decide = (server: TestServer, token: string, id: string, body: unknown) =>
  fetch(`${server.url}/v1/dossiers/${id}/decision`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function expectProblem(response: Response, status: number, code?: string) {
  assert.equal(response.status, status, await response.clone().text());
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = (await response.json()) as { detail: string; code: string; status: number };
  assert.equal(problem.status, status);
  assert.ok(/[àáảãạăâđêôơưĐệờữ]/i.test(problem.detail), `detail should be Vietnamese: ${problem.detail}`);
  if (code) assert.equal(problem.code, code);
  return problem;
}

interface DossierBody {
  id: string;
  status: string;
  agency: string;
  errorDetail: string | null;
  files: { id: string; filename: string; format: string; pageCount: number | null; links: { original: string; pageImage: string } }[];
  result: unknown;
  decision: null | {
    decision: string;
    reason: string | null;
    additionsRequest: string | null;
    recommendedDecision: string | null;
    decidedBy: string;
    agency: string | null;
    decidedAt: string;
    corrections: { fileId: string; page: number | null; field: string; extractedValue: string | null; correctedValue: string }[];
  };
}

/** Waits on the database, not the API: polling the API would add audit rows. */
async function waitUntilChecked(server: TestServer, id: string, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await server.services.database.query<{ status: string }>('SELECT status FROM dossiers WHERE id = $1', [id]);
    if (row && row.status !== 'queued' && row.status !== 'processing') return row.status;
    if (Date.now() > deadline) throw new Error(`dossier ${id} still ${row?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const counts = async (server: TestServer) => {
  const [row] = await server.services.database.query<{ dossiers: number; files: number; blobs: number }>(
    'SELECT (SELECT count(*)::int FROM dossiers) AS dossiers, (SELECT count(*)::int FROM dossier_files) AS files, (SELECT count(*)::int FROM blobs) AS blobs',
  );
  return row!;
};

for (const database of ['pglite', 'postgres-wire'] as const) {
  describe(`dossiers API (${database})`, () => {
    let server: TestServer;
    let officerA: string;
    let colleagueA: string;
    let officerB: string;
    let citizen: string;
    let otherCitizen: string;
    let complete: DossierBody;
    let incomplete: DossierBody;
    const documents: { declaration?: Uint8Array; certificate?: Uint8Array; card?: Uint8Array } = {};

    before(async () => {
      server = await startTestServer({ database, env: { MAX_UPLOAD_MB: '0.5' } });
      await ingestBirthProcedure({ ...server.services, analyze: createDocumentAnalyzer(server.services.ocr) });
      [officerA, colleagueA, officerB, citizen, otherCitizen] = await Promise.all([
        server.token('officer', { agency: agencyA, scopes: dossierScopes }),
        server.token('officer', { agency: agencyA, scopes: dossierScopes }),
        server.token('officer', { agency: agencyB, scopes: dossierScopes }),
        server.token('citizen', { scopes: dossierScopes }),
        server.token('citizen', { scopes: dossierScopes }),
      ]);
      documents.declaration = await birthDeclarationPdf();
      documents.certificate = await birthCertificatePdf();
      documents.card = await identityCardPdf();
      const fields = { procedureCode: birthProcedureCode, applicantFullName: family.mother.fullName, applicantIdNumber: family.mother.idNumber, applicantDateOfBirth: family.mother.dateOfBirth };
      const first = await submit(server, officerA, fields, [
        { name: 'to-khai-khai-sinh.pdf', bytes: documents.declaration },
        { name: 'giay-chung-sinh.pdf', bytes: documents.certificate },
        { name: 'can-cuoc.pdf', bytes: documents.card },
      ]);
      assert.equal(first.status, 202, await first.clone().text());
      complete = (await first.json()) as DossierBody;
      const second = await submit(server, officerA, fields, [{ name: 'to-khai-khai-sinh.pdf', bytes: documents.declaration }]);
      assert.equal(second.status, 202, await second.clone().text());
      incomplete = (await second.json()) as DossierBody;
      await Promise.all([waitUntilChecked(server, complete.id), waitUntilChecked(server, incomplete.id)]);
    });
    after(async () => server?.close());

    test('a submission answers 202 with the queued dossier and its files, and the real engine checks it', async () => {
      assert.equal(complete.status, 'queued');
      assert.equal(complete.agency, agencyA, "an officer's dossier belongs to the officer's agency");
      assert.deepEqual(complete.files.map((file) => [file.filename, file.format]), [
        ['to-khai-khai-sinh.pdf', 'pdf'],
        ['giay-chung-sinh.pdf', 'pdf'],
        ['can-cuoc.pdf', 'pdf'],
      ]);
      const response = await get(server, officerA, `/v1/dossiers/${complete.id}`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as DossierBody;
      assert.equal(body.status, 'checked', body.errorDetail ?? '');
      const result = precheckResultSchema.parse(body.result);
      assert.deepEqual(result.files.map((file) => file.fileId).sort(), body.files.map((file) => file.id).sort());
      assert.ok(result.checks.length > 0, 'the engine reports its checks');
      assert.ok(body.files.every((file) => file.pageCount === 1));
      assert.ok(result.checks.every((check) => check.evidence.every((evidence) => body.files.some((file) => file.id === evidence.fileId))), 'evidence points at files of this dossier');
    });

    test('a dossier missing the birth certificate and the ID card is never recommended for acceptance', async () => {
      const body = (await (await get(server, officerA, `/v1/dossiers/${incomplete.id}`)).json()) as DossierBody;
      assert.equal(body.status, 'checked', body.errorDetail ?? '');
      const result = precheckResultSchema.parse(body.result);
      assert.notEqual(result.recommendation.decision, 'accept');
      assert.ok(result.checks.some((check) => check.category === 'completeness' && check.status === 'fail'));
    });

    test('officers see their agency only, citizens their own; reads are audited with the purpose', async () => {
      // other agency: neither in the list nor readable
      await expectProblem(await get(server, officerB, `/v1/dossiers/${complete.id}`), 404, 'not-found');
      const listB = (await (await get(server, officerB, '/v1/dossiers')).json()) as { items: { id: string }[] };
      assert.ok(!listB.items.some((item) => item.id === complete.id));
      // a colleague of the same agency sees it
      const listA = (await (await get(server, colleagueA, '/v1/dossiers?status=checked')).json()) as { items: { id: string; status: string; recommendation: unknown }[]; total: number };
      assert.ok(listA.items.some((item) => item.id === complete.id));
      assert.ok(listA.items.every((item) => item.status === 'checked' && item.recommendation));

      // a citizen submits to agency B, sees it; the other citizen does not; agency B's officer does
      const own = await submit(server, citizen, { procedureCode: birthProcedureCode, applicantFullName: 'Lê Văn Tâm', agency: agencyB }, [{ name: 'to-khai.pdf', bytes: documents.declaration! }]);
      assert.equal(own.status, 202, await own.clone().text());
      const ownBody = (await own.json()) as DossierBody;
      assert.equal(ownBody.agency, agencyB);
      const citizenList = (await (await get(server, citizen, '/v1/dossiers')).json()) as { items: { id: string }[]; total: number };
      assert.deepEqual(citizenList.items.map((item) => item.id), [ownBody.id]);
      await expectProblem(await get(server, citizen, `/v1/dossiers/${complete.id}`), 404);
      await expectProblem(await get(server, otherCitizen, `/v1/dossiers/${ownBody.id}`), 404);
      assert.equal((await get(server, officerB, `/v1/dossiers/${ownBody.id}`)).status, 200);
      await expectProblem(await get(server, officerA, `/v1/dossiers/${ownBody.id}`), 404);

      // without the scope or a token
      const noScope = await server.token('officer', { agency: agencyA, scopes: ['documents:read'] });
      await expectProblem(await get(server, noScope, `/v1/dossiers/${complete.id}`), 403, 'forbidden');
      await expectProblem(await fetch(`${server.url}/v1/dossiers`), 401, 'unauthorized');

      const before = await server.services.audit.list({ resourceType: 'dossier', resourceId: complete.id, limit: 1000 });
      await get(server, colleagueA, `/v1/dossiers/${complete.id}`, { 'x-purpose': encodeURIComponent('Đối chiếu hồ sơ khai sinh') });
      const audit = await server.services.audit.list({ resourceType: 'dossier', resourceId: complete.id, limit: 1000 });
      assert.equal(audit.length, before.length + 1, 'one audit row per read');
      assert.equal(audit[0]?.action, 'dossier.read');
      assert.equal(audit[0]?.purpose, 'Đối chiếu hồ sơ khai sinh');
      assert.equal(audit[0]?.agency, agencyA);
      assert.equal(audit[0]?.actorRole, 'officer');
      assert.ok(!audit.some((row) => row.actorRole === 'officer' && row.agency === agencyB), 'refused reads leave no read row');
      const listed = (await server.services.audit.list({ resourceType: 'dossier', limit: 1000 })).filter((row) => row.action === 'dossier.list');
      assert.ok(listed.length >= 3, 'listing is audited too');
    });

    test('bad input is refused in Vietnamese and nothing is stored', async () => {
      const fields = { procedureCode: birthProcedureCode, applicantFullName: 'Phạm Thị Hoa' };
      const declaration = { name: 'to-khai.pdf', bytes: documents.declaration! };
      const start = await counts(server);
      await expectProblem(await submit(server, officerA, { ...fields, procedureCode: '0.000000' }, [declaration]), 400, 'unknown-procedure');
      await expectProblem(await submit(server, officerA, fields, []), 400, 'files-required');
      await expectProblem(await submit(server, officerA, { procedureCode: birthProcedureCode }, [declaration]), 400, 'validation-failed');
      await expectProblem(await submit(server, officerA, { ...fields, applicantIdNumber: '12345' }, [declaration]), 400, 'validation-failed');
      await expectProblem(await submit(server, officerA, { ...fields, applicantDateOfBirth: '31/02/1990' }, [declaration]), 400, 'validation-failed');
      await expectProblem(await submit(server, officerA, fields, [declaration, { name: 'chuong-trinh.exe', bytes: Buffer.from('4d5a90000300000004000000ffff0000', 'hex') }]), 415, 'unsupported-media-type');
      await expectProblem(await submit(server, officerA, fields, [declaration, { name: 'ghi-chu.txt', bytes: 'Ghi chú không phải giấy tờ' }]), 415, 'unsupported-media-type');
      await expectProblem(await submit(server, officerA, fields, [declaration, { name: 'anh.png', bytes: 'không phải ảnh' }]), 415);
      await expectProblem(await submit(server, officerA, fields, [declaration, { name: 'rong.pdf', bytes: '' }]), 400, 'empty-file');
      await expectProblem(await submit(server, officerA, fields, [declaration, { name: 'lon.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600 * 1024)]) }]), 413, 'file-too-large');
      await expectProblem(await submit(server, officerA, fields, [declaration], 'file'), 400, 'invalid-multipart');
      await expectProblem(await submit(server, citizen, fields, [declaration]), 400, 'agency-required');
      await expectProblem(await submit(server, officerA, { ...fields, agency: agencyB }, [declaration]), 403, 'forbidden');
      const json = await fetch(`${server.url}/v1/dossiers`, { method: 'POST', headers: { authorization: `Bearer ${officerA}`, 'content-type': 'application/json' }, body: '{}' });
      await expectProblem(json, 400, 'multipart-required');
      assert.deepEqual(await counts(server), start);
    });

    test('the page image of a file is a PNG, audited; a page past the end is a 404', async () => {
      const file = complete.files[0]!;
      const response = await get(server, officerA, file.links.pageImage.replace('{n}', '1') + '?width=600');
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(response.headers.get('content-type'), 'image/png');
      const png = Buffer.from(await response.arrayBuffer());
      assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
      assert.equal(png.readUInt32BE(16), 600, 'rendered at the requested width');
      const audit = await server.services.audit.list({ resourceType: 'dossier', resourceId: complete.id, limit: 1000 });
      assert.ok(audit.some((row) => row.action === 'dossier.page_image' && (row.details as { page?: number }).page === 1));
      await expectProblem(await get(server, officerA, file.links.pageImage.replace('{n}', '9')), 404);
      await expectProblem(await get(server, officerB, file.links.pageImage.replace('{n}', '1')), 404);
      await expectProblem(await get(server, officerA, `/v1/dossiers/${complete.id}/files/${incomplete.files[0]!.id}/pages/1.png`), 404);
      await expectProblem(await get(server, officerA, file.links.pageImage.replace('{n}', 'abc')), 400);
    });

    test('the original file downloads byte for byte with its name, audited; only for those who may see the dossier', async () => {
      const file = complete.files.find((candidate) => candidate.filename === 'giay-chung-sinh.pdf')!;
      const response = await get(server, officerA, file.links.original);
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="giay-chung-sinh\.pdf"; filename\*=UTF-8''giay-chung-sinh\.pdf$/);
      assert.ok(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(documents.certificate!)), 'the bytes that were uploaded');
      const audit = await server.services.audit.list({ resourceType: 'dossier', resourceId: complete.id, limit: 1000 });
      assert.ok(audit.some((row) => row.action === 'dossier.file' && (row.details as { fileId?: string }).fileId === file.id));
      await expectProblem(await get(server, officerB, file.links.original), 404);
      await expectProblem(await get(server, officerA, `/v1/dossiers/${complete.id}/files/${incomplete.files[0]!.id}`), 404);
    });

    test('contentDisposition keeps a Vietnamese file name (RFC 5987) with an ASCII fallback', () => {
      assert.equal(contentDisposition('Tờ khai "đăng ký".pdf'), `attachment; filename="To khai _dang ky_.pdf"; filename*=UTF-8''${encodeURIComponent('Tờ khai "đăng ký".pdf')}`);
    });

    test('the decision is recorded with who, when, the recommendation and the corrections; once only', async () => {
      const body = (await (await get(server, officerA, `/v1/dossiers/${incomplete.id}`)).json()) as DossierBody;
      const result = precheckResultSchema.parse(body.result);
      const fileId = body.files[0]!.id;
      const analysis = result.files.find((file) => file.fileId === fileId);
      const read = analysis?.segments.flatMap((segment) => segment.fields).find((field) => field.name === 'fullName' && field.evidence.page === 1);

      await expectProblem(await decide(server, officerB, incomplete.id, { decision: 'accept' }), 404);
      await expectProblem(await decide(server, citizen, incomplete.id, { decision: 'accept' }), 404);
      await expectProblem(await decide(server, officerA, incomplete.id, { decision: 'reject' }), 400, 'reason-required');
      await expectProblem(await decide(server, officerA, incomplete.id, { decision: 'request_additions', additionsRequest: '  ' }), 400, 'additions-required');
      await expectProblem(await decide(server, officerA, incomplete.id, { decision: 'maybe' }), 400, 'validation-failed');
      await expectProblem(
        await decide(server, officerA, incomplete.id, { decision: 'accept', corrections: [{ fileId: complete.files[0]!.id, field: 'fullName', value: 'X' }] }),
        400,
        'invalid-correction',
      );
      await expectProblem(await decide(server, officerA, incomplete.id, { decision: 'accept', corrections: [{ fileId, field: 'kind', value: 'hoa_don' }] }), 400, 'invalid-correction');

      const additions = '1. Giấy chứng sinh (bản chính).\n2. Xuất trình thẻ căn cước của người yêu cầu.';
      const response = await decide(server, colleagueA, incomplete.id, {
        decision: 'request_additions',
        additionsRequest: additions,
        note: 'Công dân hẹn bổ sung trong tuần',
        corrections: [
          { fileId, page: 1, field: 'fullName', value: 'Trần Thị Mai' },
          { fileId, page: 1, field: 'kind', value: 'to_khai' },
        ],
      });
      assert.equal(response.status, 200, await response.clone().text());
      const decided = (await response.json()) as DossierBody;
      assert.equal(decided.status, 'additions_requested');
      assert.equal(decided.decision?.decision, 'request_additions');
      assert.equal(decided.decision?.additionsRequest, additions);
      assert.equal(decided.decision?.recommendedDecision, result.recommendation.decision);
      assert.equal(decided.decision?.agency, agencyA);
      assert.ok(Date.now() - Date.parse(decided.decision!.decidedAt) < 60_000);
      assert.deepEqual(
        decided.decision?.corrections.map((correction) => [correction.field, correction.extractedValue, correction.correctedValue]),
        [
          ['fullName', read?.value ?? null, 'Trần Thị Mai'],
          ['kind', analysis?.segments.find((segment) => segment.pages.from <= 1)?.kind ?? null, 'to_khai'],
        ],
      );
      const [stored] = await server.services.database.query<{ decided_by: string; n: number }>(
        'SELECT decided_by, (SELECT count(*)::int FROM dossier_corrections WHERE dossier_id = $1) AS n FROM dossier_decisions WHERE dossier_id = $1',
        [incomplete.id],
      );
      assert.equal(stored?.n, 2);
      assert.equal(decided.decision?.decidedBy, stored?.decided_by);

      await expectProblem(await decide(server, officerA, incomplete.id, { decision: 'accept' }), 409, 'already-decided');
      const audit = await server.services.audit.list({ resourceType: 'dossier', resourceId: incomplete.id, limit: 1000 });
      assert.equal(audit.filter((row) => row.action === 'dossier.decide').length, 1);
    });

    test('the job is idempotent and records a failure with a Vietnamese reason', async () => {
      const handler = dossierPrecheckHandler({ ...server.services });
      const context = { jobId: 'test', attempt: 1, maxAttempts: 1, signal: new AbortController().signal, reportProgress: async () => undefined };
      const again = await handler({ dossierId: complete.id }, context);
      assert.equal(again.status, 'skipped', 'a checked dossier is not checked again');
      const [before] = await server.services.database.query<{ checked_at: Date }>('SELECT checked_at FROM dossiers WHERE id = $1', [complete.id]);

      // a dossier whose stored procedure record is unreadable fails for good, with a reason the officer can read
      const broken = await submit(server, officerA, { procedureCode: birthProcedureCode, applicantFullName: 'Đỗ Văn Bình' }, [{ name: 'to-khai.pdf', bytes: documents.declaration! }]);
      const brokenBody = (await broken.json()) as DossierBody;
      await waitUntilChecked(server, brokenBody.id);
      await server.services.database.query(`UPDATE dossiers SET status = 'queued', result = NULL, procedure_record = '{"code": 1}'::jsonb WHERE id = $1`, [brokenBody.id]);
      await assert.rejects(handler({ dossierId: brokenBody.id }, context), { name: 'PermanentJobError' });
      const failed = (await (await get(server, officerA, `/v1/dossiers/${brokenBody.id}`)).json()) as DossierBody;
      assert.equal(failed.status, 'failed');
      assert.match(failed.errorDetail ?? '', /không đọc được/);
      const [after] = await server.services.database.query<{ checked_at: Date }>('SELECT checked_at FROM dossiers WHERE id = $1', [complete.id]);
      assert.deepEqual(after, before);
      // a failed pre-check does not stop the officer
      const decided = await decide(server, officerA, brokenBody.id, { decision: 'reject', reason: 'Hồ sơ không thuộc thẩm quyền của xã.' });
      assert.equal(decided.status, 200);
      assert.equal(((await decided.json()) as DossierBody).decision?.recommendedDecision, null);
    });
  });
}

describe('dossier decisions wait for the pre-check', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ workers: false });
    await ingestBirthProcedure({ ...server.services, analyze: createDocumentAnalyzer(server.services.ocr) });
  });
  after(async () => server?.close());

  test('deciding while the dossier is still queued is a 409', async () => {
    const officer = await server.token('officer', { agency: agencyA, scopes: dossierScopes });
    const response = await submit(server, officer, { procedureCode: birthProcedureCode, applicantFullName: 'Võ Thị Lan' }, [{ name: 'to-khai.pdf', bytes: await birthDeclarationPdf() }]);
    const body = (await response.json()) as DossierBody;
    await expectProblem(await decide(server, officer, body.id, { decision: 'accept' }), 409, 'precheck-pending');
    const job = await server.services.queue.getJob(`dossier.precheck.${body.id}`);
    assert.equal(job?.status, 'queued', 'the submission queued its pre-check job');
  });
});
