import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/agents/precheck/index.js';
import * as doc from '../../evals/precheck/synthetic/documents.js';
import { isoDate, makePerson } from '../../evals/precheck/synthetic/people.js';
import { Random } from '../../evals/precheck/synthetic/random.js';

/**
 * Labelled examples for the document-kind classifier, generated with the evaluation's document
 * templates under training seeds (disjoint from the eval seeds) and roughened like OCR output:
 * titles garbled or cut (the model is consulted when the title rules did not fire), tone marks
 * lost, characters confused, lines dropped. "khác" also gets passages of the shared laws and
 * procedure records, read at training time.
 */

export interface Example {
  text: string;
  label: DocumentKind;
}

function documentOf(kind: DocumentKind, random: Random): doc.SyntheticDocument {
  const person = makePerson(random, { referenceYear: 2025 });
  const other = makePerson(random, { referenceYear: 2025 });
  const wife = makePerson(random, { referenceYear: 2025, sex: 'Nữ' });
  const husband = makePerson(random, { referenceYear: 2025, sex: 'Nam' });
  const child = { ...makePerson(random, { referenceYear: 2025 }), dateOfBirth: isoDate(2025, random.int(1, 6), random.int(1, 28)) };
  const reference = isoDate(2025, random.int(6, 12), random.int(1, 28));
  switch (kind) {
    case 'to_khai':
      return random.pick([
        () => doc.birthDeclaration(random, wife, child, wife, husband, reference),
        () => doc.marriageDeclaration(random, wife, husband, reference),
        () => doc.extractRequest(random, person, other, reference),
        () => doc.residenceDeclaration(random, person, other, person.residence, reference),
      ])();
    case 'can_cuoc':
      return doc.idCard(random, person);
    case 'giay_chung_sinh':
      return doc.birthCertificate(random, child, wife);
    case 'giay_chung_nhan_ket_hon':
      return doc.marriageCertificate(random, wife, husband, reference);
    case 'trich_luc_ho_tich':
      return doc.birthExtract(random, person, wife, husband, reference);
    case 'giay_uy_quyen':
      return doc.authorisation(random, person, other, random.pick(['làm thủ tục hộ tịch', 'nộp hồ sơ đăng ký cư trú', 'nhận kết quả giải quyết thủ tục']), reference);
    case 'van_ban_cam_doan':
      return doc.pledge(random, person, random.pick(['về việc sinh của cháu', 'chưa đăng ký khai sinh lần nào', 'thông tin khai là đúng sự thật']), reference);
    case 'giay_to_cu_tru':
      return doc.rentalContract(random, other, person, person.residence, reference);
    case 'ban_can_chung_thuc':
      return doc.paperToCertify(random, person);
    case 'khac':
      return doc.otherPaper(random, person);
  }
}

const CONFUSIONS: [RegExp, string][] = [[/i/g, 'l'], [/o/g, '0'], [/a/g, 'ả'], [/e/g, 'c'], [/n/g, 'rn'], [/đ/g, 'd'], [/ư/g, 'u'], [/ơ/g, 'o']];

/** OCR-like damage: dropped tone marks, confused letters, lost lines; the title may be garbled or gone. */
export function roughen(lines: string[], random: Random): string {
  let out = lines.map((line) => line.replace(/^# /u, ''));
  const titleIndex = lines.findIndex((line) => line.startsWith('# '));
  if (titleIndex >= 0 && random.chance(0.6)) {
    if (random.chance(0.5)) out.splice(titleIndex, 1);
    else out[titleIndex] = (out[titleIndex] ?? '').split('').map((char) => (random.chance(0.35) ? random.pick(['~', '.', ' ', 'l', char.toLowerCase()]) : char)).join('');
  }
  out = out.filter(() => !random.chance(0.12));
  let text = out.join('\n');
  if (random.chance(0.35)) text = text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  if (random.chance(0.5)) {
    const [pattern, replacement] = random.pick(CONFUSIONS);
    text = text.replace(pattern, (match) => (random.chance(0.15) ? replacement : match));
  }
  return text;
}

function corpusPassages(sharedDir: string, random: Random, count: number): string[] {
  const lawsDir = path.join(sharedDir, 'corpora', 'laws');
  const files = readdirSync(lawsDir).filter((name) => name.endsWith('.txt')).sort();
  const passages: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const text = readFileSync(path.join(lawsDir, random.pick(files)), 'utf8');
    const lines = text.split('\n').filter((line) => line.trim());
    const start = random.int(0, Math.max(0, lines.length - 15));
    passages.push(lines.slice(start, start + random.int(5, 15)).join('\n'));
  }
  return passages;
}

export function makeExamples(seed: number, perKind: number, sharedDir: string | undefined): Example[] {
  const random = new Random(seed);
  const examples: Example[] = [];
  for (const kind of DOCUMENT_KINDS) {
    for (let index = 0; index < perKind; index += 1) {
      const document = documentOf(kind, random);
      const lines = document.pages.flat();
      examples.push({ text: random.chance(0.25) ? lines.join('\n') : roughen(lines, random), label: kind });
    }
  }
  if (sharedDir) for (const text of corpusPassages(sharedDir, random, Math.round(perKind / 2))) examples.push({ text, label: 'khac' });
  return examples;
}
