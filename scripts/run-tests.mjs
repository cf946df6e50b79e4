// Runs every *.test.ts under src/ and evals/ with Node's test runner (TypeScript through tsx).
// Usage: npm test [-- <path filter>]   e.g. npm test -- src/queue
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const filters = process.argv.slice(2);
const files = [];
const walk = (directory) => {
  if (!fs.existsSync(directory)) return;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.test.ts')) files.push(full);
  }
};
walk('src');
walk('evals');
const selected = files.filter((file) => !filters.length || filters.some((filter) => file.includes(filter))).sort();
if (!selected.length) {
  console.error('Không tìm thấy tệp kiểm thử nào.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...selected], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
});
process.exit(result.status ?? 1);
