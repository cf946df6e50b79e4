// Test set-up shared by the assistant's tests: the project's demo corpus (corpora/demo) plus a
// short law written here, ingested through the real pipeline into a real database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../../db/index.js';
import { IngestService } from '../../../ingest/pipeline/ingest.service.js';
import type { DocumentAnalyzer } from '../../../jobs/document-process.job.js';
import { projectRoot } from '../../../runtime/paths.js';
import type { BlobStore } from '../../../storage/index.js';
import type { ChatCitation } from '../assistant.types.js';

export const demoCorpusDir = path.join(projectRoot, 'corpora', 'demo');

const testLaw = `LUẬT
NUÔI ONG THỬ NGHIỆM

Điều 1. Phạm vi điều chỉnh
Luật này quy định việc nuôi ong mật thử nghiệm trong khu dân cư.

Điều 2. Khoảng cách đặt thùng ong
1. Thùng ong phải đặt cách nhà ở của hộ liền kề ít nhất 15 mét.
2. Không đặt thùng ong trong sân trường học, cơ sở y tế.

Điều 3. Người chăm sóc đàn ong
1. Người chăm sóc đàn ong phải được hướng dẫn cách phòng ong đốt.
2. Người dưới 16 tuổi chỉ được chăm sóc đàn ong khi có người từ đủ 18 tuổi trở lên đi cùng.
`;

/** Ingests the demo corpus and the test law; throws when a file fails. */
export async function ingestDemoCorpus(database: Database, blobs: BlobStore, analyze: DocumentAnalyzer): Promise<void> {
  const lawFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-assistant-law-'));
  try {
    fs.writeFileSync(path.join(lawFolder, 'luat-nuoi-ong.txt'), testLaw);
    fs.writeFileSync(path.join(lawFolder, 'index.json'), JSON.stringify([{ file: 'luat-nuoi-ong.txt', title: 'Luật Nuôi ong thử nghiệm', number: '99/2099/QH99' }]));
    const ingest = new IngestService(database, blobs, analyze);
    for (const entry of IngestService.listFiles([demoCorpusDir, lawFolder])) {
      if (entry.skipReason || entry.file.endsWith('.md')) continue;
      const result = await ingest.ingestFile(entry.file, entry.root);
      if (result.status !== 'done') throw new Error(`${result.sourcePath}: ${result.reason ?? result.status}`);
    }
  } finally {
    fs.rmSync(lawFolder, { recursive: true, force: true });
  }
}

/** Independent check of an answer: every line ending in [n] is found, word for word, in citation n. */
export function unsupportedLines(answer: string, citations: readonly ChatCitation[]): string[] {
  const flat = (text: string) => text.normalize('NFC').toLowerCase().replace(/\p{Cf}/gu, '').replace(/\s+/g, ' ').replace(/\s*([,.;:()])\s*/g, '$1').trim();
  const problems: string[] = [];
  for (const line of answer.split('\n')) {
    const match = /^(.*?)\s*\[(\d+)\]$/.exec(line);
    if (!match) continue;
    const citation = citations[Number(match[2]) - 1];
    const quoted = flat(match[1]!.replace(/\s*…$/u, ''));
    if (!citation || !flat(citation.text).includes(quoted)) problems.push(line);
  }
  return problems;
}
