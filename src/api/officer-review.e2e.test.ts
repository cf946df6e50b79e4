// The officers' review page (can-bo.html) in headless Chromium against a real server: dossiers
// generated for the test, pre-checked by the real engine through the real queue, reviewed and
// decided on the page; the decision and corrections are then read back from the API and database.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { precheckResultSchema, type PrecheckResult } from '../agents/precheck/precheck.types.js';
import {
  birthCertificatePdf,
  birthDeclarationPdf,
  birthProcedureCode,
  family,
  identityCardPng,
  ingestBirthProcedure,
} from '../dossiers/testing/dossier-fixtures.js';
import { createDocumentAnalyzer } from '../jobs/index.js';
import { webRoot } from '../runtime/paths.js';
import { launchBrowser, watchPage, type PageProblems } from '../testing/browser.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const agency = 'UBND xã Ia Grai';
const scopes = ['dossiers:read', 'dossiers:write'];
const decisionLabels = { accept: 'Tiếp nhận', request_additions: 'Yêu cầu bổ sung', reject: 'Từ chối' } as const;

interface Dossier {
  id: string;
  status: string;
  files: { id: string; filename: string }[];
  result: unknown;
  decision: null | { decision: string; additionsRequest: string | null; decidedBy: string; corrections: { field: string; extractedValue: string | null; correctedValue: string }[] };
}

describe('officer review page (can-bo.html)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let officer: { clientId: string; clientSecret: string };
  let apiToken: string;
  let complete: Dossier;
  let incomplete: Dossier;
  let elsewhere: Dossier;

  const api = async (path: string): Promise<Dossier> => {
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${apiToken}` } });
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as Dossier;
  };
  const submit = async (token: string, files: { name: string; bytes: Uint8Array }[], fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('procedureCode', birthProcedureCode);
    form.append('applicantFullName', fields.applicantFullName ?? family.mother.fullName);
    form.append('applicantIdNumber', family.mother.idNumber);
    for (const file of files) form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
    const response = await fetch(`${server.url}/v1/dossiers`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    assert.equal(response.status, 202, await response.clone().text());
    return (await response.json()) as Dossier;
  };
  const waitChecked = async (id: string) => {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const [row] = await server.services.database.query<{ status: string; error_detail: string | null }>('SELECT status, error_detail FROM dossiers WHERE id = $1', [id]);
      if (row?.status === 'checked') return;
      assert.notEqual(row?.status, 'failed', row?.error_detail ?? '');
      assert.ok(Date.now() < deadline, `dossier ${id} not checked in time`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const item = (id: string) => page.locator(`.dossier-list__button[data-dossier-id="${id}"]`);
  const openDossier = async (id: string) => {
    await item(id).click();
    await page.locator(`.review[data-dossier-id="${id}"]`).waitFor();
  };

  before(async () => {
    if (!fs.existsSync(path.join(webRoot, 'can-bo.html'))) {
      throw new Error(`${webRoot}/can-bo.html is missing: run \`npm run build:web\` first (\`npm test\` does it).`);
    }
    browser = await launchBrowser();
    server = await startTestServer();
    await ingestBirthProcedure({ ...server.services, analyze: createDocumentAnalyzer(server.services.ocr) });
    const registered = await server.services.clients.register({ name: 'Một cửa xã Ia Grai', role: 'officer', agency, scopes });
    officer = { clientId: registered.client.clientId, clientSecret: registered.clientSecret };
    apiToken = await server.token('officer', { agency, scopes });
    const declaration = await birthDeclarationPdf();
    complete = await submit(apiToken, [
      { name: 'to-khai-khai-sinh.pdf', bytes: declaration },
      { name: 'giay-chung-sinh.pdf', bytes: await birthCertificatePdf() },
      { name: 'anh-can-cuoc.png', bytes: identityCardPng() },
    ]);
    incomplete = await submit(apiToken, [{ name: 'to-khai.pdf', bytes: declaration }], { applicantFullName: 'Lê Thị Hồng' });
    elsewhere = await submit(await server.token('officer', { agency: 'UBND phường Pleiku', scopes }), [{ name: 'to-khai.pdf', bytes: declaration }], { applicantFullName: 'Hồ Văn Sơn' });
    await Promise.all([waitChecked(complete.id), waitChecked(incomplete.id), waitChecked(elsewhere.id)]);
    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    problems = watchPage(page, server.url);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test('sign-in refuses a wrong secret in Vietnamese, then shows the agency and only its dossiers', async () => {
    await page.goto(`${server.url}/can-bo.html`);
    assert.equal(await page.title(), 'Kiểm tra hồ sơ — Trợ lý số');
    await page.getByLabel('Mã ứng dụng (client_id)').fill(officer.clientId);
    await page.getByLabel('Khóa bí mật (client_secret)').fill('sai-khoa');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('#loi-dang-nhap', { hasText: 'Mã ứng dụng hoặc khóa bí mật không đúng.' }).waitFor();
    // Chromium logs the refused token request (401) as a console error: expected here, not after
    problems.errors.length = 0;

    await page.getByLabel('Khóa bí mật (client_secret)').fill(officer.clientSecret);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await item(complete.id).waitFor();
    assert.equal(await page.locator('#co-quan-hien-tai').textContent(), `Cơ quan: ${agency}`);
    assert.equal(await page.locator('.dossier-list__button').count(), 2);
    assert.equal(await item(elsewhere.id).count(), 0, "another agency's dossier is not listed");
    assert.match((await item(incomplete.id).textContent()) ?? '', /Lê Thị Hồng.*Thủ tục đăng ký khai sinh.*Chờ quyết định/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `fits a 1366 px laptop screen (${overflow}px too wide)`);
  });

  test('the checklist and the recommendation are those of the engine, missing documents marked', async () => {
    const dossier = await api(`/v1/dossiers/${incomplete.id}`);
    const result = precheckResultSchema.parse(dossier.result);
    await openDossier(incomplete.id);
    assert.equal((await page.locator('.recommendation__decision').textContent())?.trim(), decisionLabels[result.recommendation.decision]);
    assert.notEqual(result.recommendation.decision, 'accept');
    assert.equal(await page.locator('.check').count(), result.checks.length);
    for (const check of result.checks) {
      const row = page.locator(`.check[data-check-id="${check.id}"]`);
      assert.equal(await row.locator('.check__message').textContent(), check.message);
      assert.equal(await row.locator('.check__status').textContent(), { pass: 'Đạt', fail: 'Không đạt', warning: 'Cần xem lại' }[check.status]);
    }
    assert.ok(result.checks.some((check) => check.category === 'completeness' && check.status === 'fail'));
    assert.ok((await page.locator('.check--fail').count()) > 0);
  });

  test('evidence is outlined on the page image where the value was read', async () => {
    const dossier = await api(`/v1/dossiers/${complete.id}`);
    const result: PrecheckResult = precheckResultSchema.parse(dossier.result);
    await openDossier(complete.id);
    const declaration = dossier.files.find((file) => file.filename === 'to-khai-khai-sinh.pdf')!;
    const fields = result.files.find((file) => file.fileId === declaration.id)!.segments.flatMap((segment) => segment.fields);
    const located = fields.find((field) => field.evidence.box);
    assert.ok(located, 'values read from a typed PDF carry their position');

    const input = page.locator(`input.correction[data-file-id="${declaration.id}"][data-field="${located.name}"]`).first();
    await page.locator('tr', { has: input }).getByRole('button', { name: 'Xem' }).click();
    const viewer = page.locator('.page-viewer[data-state="highlighted"]');
    await viewer.waitFor({ timeout: 20_000 });
    assert.equal(await viewer.locator('.page-viewer__image').evaluate((image: HTMLImageElement) => image.naturalWidth), 1100, 'the real page image is shown');
    const style = await viewer.locator('.evidence-box').evaluate((box: HTMLElement) => ({ left: parseFloat(box.style.left), top: parseFloat(box.style.top) }));
    assert.ok(Math.abs(style.left - located.evidence.box!.x * 100) < 0.01 && Math.abs(style.top - located.evidence.box!.y * 100) < 0.01);
    assert.match((await page.locator('#mo-ta-bang-chung').textContent()) ?? '', /to-khai-khai-sinh\.pdf, trang 1/);

    // a check's evidence opens the page of that file; the photo (OCR) is shown without a box
    const card = dossier.files.find((file) => file.filename === 'anh-can-cuoc.png')!;
    const cardCheck = result.checks.find((check) => check.evidence.some((evidence) => evidence.fileId === card.id));
    assert.ok(cardCheck, 'some check points at the ID card photo');
    await page.locator(`.check[data-check-id="${cardCheck.id}"] .evidence-button`, { hasText: 'anh-can-cuoc.png' }).first().click();
    await page.locator('.page-viewer[data-state="page"] .page-viewer__image[alt="anh-can-cuoc.png, trang 1"]').waitFor({ timeout: 20_000 });

    // the file shown can be downloaded as it was uploaded
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.getByRole('button', { name: 'Tải tệp gốc' }).click()]);
    assert.equal(download.suggestedFilename(), 'anh-can-cuoc.png');
    const saved = await download.path();
    assert.ok(saved && fs.readFileSync(saved).subarray(1, 4).toString() === 'PNG', 'the uploaded photo');
  });

  test('request additions: the proposed list is editable, corrections are recorded with the decision', async () => {
    const before = await api(`/v1/dossiers/${incomplete.id}`);
    const result = precheckResultSchema.parse(before.result);
    await openDossier(incomplete.id);
    await page.getByRole('radio', { name: 'Yêu cầu bổ sung' }).check();
    const additions = page.getByLabel('Danh sách giấy tờ cần bổ sung gửi công dân (sửa được)');
    assert.equal(await additions.inputValue(), result.recommendation.additionsRequest ?? '');
    const edited = `${await additions.inputValue()}\nGhi chú: mang theo bản chính khi đến nhận kết quả.`.trim();
    await additions.fill(edited);
    const field = result.files[0]!.segments.flatMap((segment) => segment.fields).find((candidate) => candidate.name === 'childName');
    assert.ok(field, 'the engine read the child name from the declaration');
    const input = page.locator(`input.correction[data-field="childName"]`);
    assert.equal(await input.inputValue(), field.value);
    await input.fill('Nguyễn Minh Khôi');
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.locator('#trang-thai-ho-so', { hasText: 'Đã yêu cầu bổ sung' }).waitFor();
    assert.match((await page.locator('.decision-record').textContent()) ?? '', new RegExp(`Ghi bởi ${officer.clientId}`));

    const after = await api(`/v1/dossiers/${incomplete.id}`);
    assert.equal(after.status, 'additions_requested');
    assert.equal(after.decision?.additionsRequest, edited);
    assert.equal(after.decision?.decidedBy, officer.clientId);
    assert.deepEqual(after.decision?.corrections.map((correction) => [correction.field, correction.extractedValue, correction.correctedValue]), [['childName', field.value, 'Nguyễn Minh Khôi']]);
    const audit = await server.services.audit.list({ resourceType: 'dossier', resourceId: incomplete.id, actor: officer.clientId, limit: 100 });
    assert.ok(audit.some((row) => row.action === 'dossier.read' && row.purpose === 'Kiểm tra hồ sơ tại bộ phận tiếp nhận và trả kết quả'));
    assert.ok(audit.some((row) => row.action === 'dossier.decide'));
  });

  test('reject needs a reason; accept is recorded; the list follows the status filter', async () => {
    await openDossier(complete.id);
    await page.getByRole('radio', { name: 'Từ chối' }).check();
    await page.getByLabel('Lý do từ chối: điều kiện không đáp ứng và căn cứ pháp lý').fill('');
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.locator('.decision-form .form__error', { hasText: 'Từ chối hồ sơ cần nêu lý do' }).waitFor();
    assert.equal((await api(`/v1/dossiers/${complete.id}`)).status, 'checked', 'nothing recorded');

    await page.getByRole('radio', { name: 'Tiếp nhận' }).check();
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.locator('#trang-thai-ho-so', { hasText: 'Đã tiếp nhận' }).waitFor();
    assert.equal((await api(`/v1/dossiers/${complete.id}`)).decision?.decision, 'accept');

    await page.getByLabel('Trạng thái').selectOption('accepted');
    await page.locator('#trang-thai-danh-sach', { hasText: '1 hồ sơ.' }).waitFor();
    assert.equal(await page.locator('.dossier-list__button').count(), 1);
    await item(complete.id).waitFor();
  });

  test('the session survives a reload and ends on sign-out; nothing left the server', async () => {
    await page.reload();
    await item(complete.id).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.foreignRequests, [], 'the page must work on an offline intranet');
  });
});
