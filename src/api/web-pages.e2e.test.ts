// The built web pages (dist/web, from `npm run build:web`) served by the real server and driven by
// headless Chromium: the landing page, its live status panel, and Swagger UI at /docs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { webRoot } from '../runtime/paths.js';
import { launchBrowser, watchPage } from '../testing/browser.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('web pages', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
      throw new Error(`${webRoot}/index.html is missing: run \`npm run build:web\` first (\`npm test\` does it).`);
    }
    browser = await launchBrowser();
    server = await startTestServer({ workers: false });
    context = await browser.newContext({ locale: 'vi-VN' });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const newPage = async (options: { width?: number } = {}): Promise<Page> => {
    const page = await context.newPage();
    if (options.width) await page.setViewportSize({ width: options.width, height: 844 });
    return page;
  };
  const pathnameOf = async (page: Page, selector: string) =>
    new URL((await page.locator(selector).getAttribute('href')) ?? '', page.url()).pathname;

  test('the landing page presents the three user groups and the API documentation', async () => {
    const page = await newPage();
    const problems = watchPage(page, server.url);
    await page.goto(`${server.url}/`);

    assert.equal(await page.title(), 'Trợ lý số — Tỉnh Gia Lai');
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), 'Trợ lý số tỉnh Gia Lai');
    for (const landmark of ['banner', 'main', 'contentinfo', 'navigation'] as const) {
      assert.equal(await page.getByRole(landmark).count(), 1, `one ${landmark} landmark`);
    }

    // Chromium puts a space before the colon because the audience is its own block; readers do not voice it.
    const groups = [
      { name: /^Người dân\s*: Hỏi đáp thủ tục hành chính và pháp luật$/, pathname: '/tro-ly.html', soon: false },
      { name: /^Cán bộ một cửa\s*: Kiểm tra hồ sơ$/, pathname: '/can-bo.html', soon: false },
      { name: /^Lãnh đạo\s*: Bảng điều khiển$/, pathname: '/lanh-dao.html', soon: true },
    ];
    for (const group of groups) {
      const link = page.getByRole('link', { name: group.name });
      assert.equal(await link.count(), 1, `link ${group.name}`);
      assert.equal(new URL((await link.getAttribute('href')) ?? '', page.url()).pathname, group.pathname);
      const badgeId = await link.getAttribute('aria-describedby');
      if (!group.soon) {
        assert.equal(badgeId, null, `${group.pathname} is available: no "Sắp ra mắt" badge`);
        continue;
      }
      assert.ok(badgeId, `${group.pathname} link is described by its badge`);
      assert.equal(await page.locator(`#${badgeId}`).textContent(), 'Sắp ra mắt');
    }
    const apiDocs = page.getByRole('main').getByRole('link', { name: 'Tài liệu API' });
    assert.equal(new URL((await apiDocs.getAttribute('href')) ?? '', page.url()).pathname, '/docs/');
    assert.equal(await pathnameOf(page, 'link[rel="icon"]'), '/favicon.svg');

    // keyboard users can jump over the header
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bỏ qua, đến nội dung chính');

    // the status panel shows what the real /readyz says
    const readiness = (await (await fetch(`${server.url}/readyz`)).json()) as {
      checks: { database: { backend: string }; queue: { backend: string } };
    };
    const status = page.locator('#service-status[data-state="ok"]');
    await status.waitFor({ timeout: 15_000 });
    const statusText = (await status.locator('[role="status"]').textContent()) ?? '';
    assert.match(statusText, /Hệ thống hoạt động bình thường/);
    assert.match(statusText, new RegExp(`Cơ sở dữ liệu: ${readiness.checks.database.backend} · Hàng đợi: ${readiness.checks.queue.backend}`));
    assert.match((await page.locator('.service-status__time').textContent()) ?? '', /^Kiểm tra lúc \d{2}:\d{2}:\d{2}$/);

    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.foreignRequests, [], 'the page must not reach outside the server (offline intranet)');
    await page.close();
  });

  test('the landing page fits a 390 px phone screen', async () => {
    const page = await newPage({ width: 390 });
    await page.goto(`${server.url}/`);
    await page.locator('#service-status[data-state="ok"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (content is ${overflow}px wider than the screen)`);
    await page.close();
  });

  test('the status panel explains when the server cannot be reached or is degraded', async () => {
    const page = await newPage();
    let answer: 'refuse' | 'degraded' | 'problem' = 'refuse';
    await page.route('**/readyz', async (route) => {
      if (answer === 'refuse') return route.abort('connectionrefused');
      if (answer === 'degraded') {
        return route.fulfill({
          status: 503,
          json: {
            status: 'error',
            checks: { database: { status: 'ok', backend: 'postgres' }, queue: { status: 'error', backend: 'bullmq', detail: 'Không kết nối được: ECONNREFUSED' } },
          },
        });
      }
      return route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Internal Server Error', status: 500, detail: 'Máy chủ đang bảo trì, vui lòng quay lại sau.' }),
      });
    });
    await page.goto(`${server.url}/`);
    const panel = page.locator('#service-status');

    await page.locator('#service-status[data-state="unreachable"]').waitFor();
    assert.match((await panel.textContent()) ?? '', /Không kết nối được máy chủ.*Vui lòng kiểm tra kết nối mạng/);

    answer = 'degraded';
    await panel.getByRole('button', { name: 'Kiểm tra lại' }).click();
    await page.locator('#service-status[data-state="degraded"]').waitFor();
    assert.match((await panel.textContent()) ?? '', /Hệ thống đang gặp sự cố.*Hàng đợi \(bullmq\): Không kết nối được: ECONNREFUSED/);

    answer = 'problem';
    await panel.getByRole('button', { name: 'Kiểm tra lại' }).click();
    await page.locator('#service-status[data-state="unreachable"]').waitFor();
    assert.match((await panel.textContent()) ?? '', /Không kiểm tra được trạng thái hệ thống.*Máy chủ đang bảo trì, vui lòng quay lại sau\./);
    await page.close();
  });

  test('/docs renders Swagger UI with the API title', async () => {
    const page = await newPage();
    const problems = watchPage(page, server.url);
    await page.goto(`${server.url}/docs/`);
    const title = page.locator('.swagger-ui .info .title');
    await title.waitFor({ timeout: 15_000 });
    assert.match((await title.textContent()) ?? '', /^Trợ lý số — API/);
    assert.deepEqual(problems.foreignRequests, [], 'Swagger UI must not reach outside the server (offline intranet)');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });
});
