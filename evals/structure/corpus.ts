import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above this folder). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared corpora live outside the repository; never copied in. */
export const SHARED_DIR = path.resolve(process.env.SHARED_DIR ?? path.join(REPO_ROOT, '..', 'shared'));

export function corpusPath(...parts: string[]): string {
  return path.join(SHARED_DIR, 'corpora', ...parts);
}

export function requireCorpus(...parts: string[]): string {
  const location = corpusPath(...parts);
  if (!existsSync(location)) {
    console.error(`Không tìm thấy dữ liệu tại ${location}. Đặt SHARED_DIR trỏ tới thư mục shared.`);
    process.exit(2);
  }
  return location;
}

/** Writes `evals/reports/<name>.json` and `.md`; returns their paths. */
export function writeReport(name: string, json: unknown, markdown: string): { json: string; markdown: string } {
  const directory = path.join(REPO_ROOT, 'evals', 'reports');
  mkdirSync(directory, { recursive: true });
  const files = { json: path.join(directory, `${name}.json`), markdown: path.join(directory, `${name}.md`) };
  writeFileSync(files.json, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(files.markdown, markdown);
  return files;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** Keeps Markdown table cells on one line. */
export function cell(text: string | undefined, max = 140): string {
  const value = (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
