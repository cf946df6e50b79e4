// The citizens' chat page (dist/web/tro-ly.html) in headless Chromium against the real server and
// the demo corpus: a question streams in, its citation opens the cited passage, feedback is sent.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { ingestDemoCorpus } from '../agents/assistant/testing/demo-corpus.js';
import { createDocumentAnalyzer } from '../jobs/index.js';
import { webRoot } from '../runtime/paths.js';
import { launchBrowser, watchPage } from '../testing/browser.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('chat page', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    if (!fs.existsSync(path.join(webRoot, 'tro-ly.html'))) throw new Error(`${webRoot}/tro-ly.html is missing: run \`npm run build:web\` first (\`npm test\` does it).`);
    browser = await launchBrowser();
    server = await startTestServer({ workers: false });
    await ingestDemoCorpus(server.services.database, server.services.blobs, createDocumentAnalyzer(server.services.ocr));
    context = await browser.newContext({ locale: 'vi-VN' });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test('a question streams in with its citation, which opens the cited passage; feedback is recorded', async () => {
    const page = await context.newPage();
    const problems = watchPage(page, server.url);
    await page.goto(`${server.url}/tro-ly.html`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), 'Hỏi đáp thủ tục hành chính và pháp luật');

    // count how many times the answer text grows before it is complete: streamed, not all at once
    await page.evaluate(() => {
      const counts = { updates: 0 };
      (window as unknown as { streamCounts: typeof counts }).streamCounts = counts;
      new MutationObserver(() => {
        if (document.querySelector('.message--assistant[aria-busy="true"]')) counts.updates += 1;
      }).observe(document.querySelector('#hoi-thoai')!, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('Câu hỏi của bạn').fill('dang ky khai sinh can giay to gi');
    await page.getByRole('button', { name: 'Gửi' }).click();

    const answer = page.locator('.message--assistant[data-outcome="answered"]');
    await answer.waitFor({ timeout: 20_000 });
    const text = (await answer.locator('.message__text').textContent()) ?? '';
    assert.match(text, /Giấy chứng sinh do cơ sở y tế cấp/);
    assert.match(text, /\[1\]/);
    const updates = await page.evaluate(() => (window as unknown as { streamCounts: { updates: number } }).streamCounts.updates);
    assert.ok(updates > 5, `the answer arrived in ${updates} pieces`);

    const citation = answer.locator('.citations .citation-link').first();
    assert.match((await citation.textContent()) ?? '', /^Thành phần hồ sơ — Đăng ký khai sinh \(minh họa\) \(DEMO\.001\)/);
    await citation.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.match((await dialog.locator('.passage__text').textContent()) ?? '', /Giấy chứng sinh do cơ sở y tế cấp/);
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    await answer.getByRole('button', { name: 'Câu trả lời hữu ích' }).click();
    await answer.getByText('Cảm ơn bạn đã đánh giá.').waitFor();

    // the follow-up stays on the same procedure
    await page.getByLabel('Câu hỏi của bạn').fill('còn lệ phí thì sao?');
    await page.getByLabel('Câu hỏi của bạn').press('Enter');
    await page.locator('.message--assistant[data-outcome="answered"]').nth(1).waitFor({ timeout: 20_000 });
    assert.match((await page.locator('.message--assistant').nth(1).textContent()) ?? '', /Phí, lệ phí — Đăng ký khai sinh \(minh họa\)/);

    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.foreignRequests, [], 'the page must not reach outside the server (offline intranet)');
    await page.close();
  });

  test('fits a 390 px phone screen and offers the choices of a clarifying question', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/tro-ly.html`);
    await page.getByLabel('Câu hỏi của bạn').fill('chứng thực');
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.locator('.message--assistant[data-outcome="needs_clarification"]').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Chứng thực chữ ký trong giấy tờ (minh họa)' }).click();
    await page.locator('.message--assistant[data-outcome="answered"]').waitFor({ timeout: 20_000 });
    assert.match((await page.locator('.message--assistant[data-outcome="answered"]').textContent()) ?? '', /DEMO\.003/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (content is ${overflow}px wider than the screen)`);
    await page.close();
  });
});
