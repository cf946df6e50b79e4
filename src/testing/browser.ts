// Headless Debian Chromium for page tests. Never lets Playwright download a browser of its own.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  // containers often mount a 64 MB /dev/shm, too small for Chromium's renderer
  '--disable-dev-shm-usage',
];

/** Launches Chromium, or throws (the test fails, never skips) saying how to install it. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium không có ở ${chromiumPath}; các kiểm thử trang web cần nó. ` +
        'Cài bằng `apt-get install -y chromium` (hoặc đặt CHROMIUM_PATH trỏ tới một Chromium có sẵn).',
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 60_000 });
}

export interface PageProblems {
  /** Console errors, uncaught exceptions and failed requests. */
  errors: string[];
  /** Requests that left the server under test — pages must work on an offline intranet. */
  foreignRequests: string[];
}

/** Records what went wrong on a page while a test drives it; call before `page.goto`. */
export function watchPage(page: Page, allowedOrigin: string): PageProblems {
  const problems: PageProblems = { errors: [], foreignRequests: [] };
  const origin = new URL(allowedOrigin).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => problems.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) problems.foreignRequests.push(url);
  });
  return problems;
}
