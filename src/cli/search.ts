// `npm run search -- "<câu hỏi>" [--k 5] [--json]`: the same search as POST /v1/search, from the command line.
import { parseArgs } from 'node:util';
import { exitWithError, openCliServices } from './cli-services.js';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { k: { type: 'string', default: '5' }, kind: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const query = positionals.join(' ').trim();
  if (values.help || !query) {
    console.log('Cách dùng: npm run search -- "thủ tục đăng ký khai sinh" [--k 5] [--kind "Luật"] [--json]');
    process.exit(values.help ? 0 : 1);
  }
  const services = await openCliServices();
  try {
    const started = performance.now();
    const results = await services.search.search(query, {
      k: Math.max(1, Math.min(50, Number(values.k) || 5)),
      ...(values.kind ? { filters: { kind: values.kind } } : {}),
    });
    if (values.json) {
      console.log(JSON.stringify({ results }, null, 2));
      return;
    }
    if (!results.length) console.log('Không tìm thấy kết quả phù hợp. Hãy nạp tài liệu trước: npm run ingest -- <thư mục>');
    results.forEach((result, index) => {
      console.log(`${index + 1}. ${result.citation.label}  [${result.score.toFixed(2)}]`);
      console.log(`   ${result.document.source}`);
      console.log(`   ${result.text.replace(/\s+/g, ' ').slice(0, 220)}…\n`);
    });
    console.error(`(${results.length} kết quả, ${Math.round(performance.now() - started)} ms kể cả dựng chỉ mục)`);
  } finally {
    await services.close();
  }
}

main().catch(exitWithError);
