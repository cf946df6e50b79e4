import { parseLegalMetadata } from './legal-metadata.parser.js';
import type {
  LegalArticle,
  LegalClause,
  LegalDivision,
  LegalDivisionLevel,
  LegalMetadataHints,
  LegalPoint,
  ParsedLegalDocument,
} from './legal.types.js';
import { normalizeSourceText, squash } from './vietnamese-values.js';

/**
 * Legal text → metadata + Phần/Chương/Mục/Tiểu mục/Điều/Khoản/Điểm.
 *
 * Line-based on purpose: official texts put every heading, clause and point on its own
 * line. Sequence checks (article numbers only grow, clauses count 1, 2, 3…, points follow
 * the Vietnamese alphabet) keep cross-references that happen to start a line
 * ("Điều 169 của Luật này.") and quoted amendment text from being read as structure.
 */

/** Letters used for điểm, in order (Vietnamese alphabet without f, j, w, z). */
export const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

const ARTICLE_HEADING = /^Điều\s+(\d+)([a-zđ]?)\s*(?:[.:]\s*(.*))?$/u;
const CLAUSE_START = /^(\d+)\.\s+\S/u;
/** Some sources drop the period ("23 Đề nghị …"); accepted only for the exact next number. */
const CLAUSE_START_NO_PERIOD = /^(\d+)\s+\p{Lu}/u;
const POINT_START = /^[“"]?([a-zđ])\)\s*\S/u;
const CLOSING_LINE = new RegExp(
  [
    String.raw`^_{5,}\s*$`,
    String.raw`^(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Thông tư)(?: này)?(?: đã)? được .*thông qua`,
    String.raw`^Nơi nhận\s*:`,
    // Signature block without the adoption sentence (some crawled laws end this way).
    String.raw`^(?:NỮ\s+)?CHỦ TỊCH(?:\s+QUỐC HỘI)?\s*$`,
    String.raw`^(?:TM|KT|Q)\.\s+\p{Lu}`,
  ].join('|'),
  'u',
);

const DIVISION_PATTERNS: ReadonlyArray<readonly [LegalDivisionLevel, RegExp, string]> = [
  ['phan', /^(?:Phần|PHẦN)\s+(thứ\s+\p{L}+|THỨ\s+\p{L}+|[IVXLC]+|\d+)\s*[.:]?\s*(.*)$/u, 'Phần'],
  ['chuong', /^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d+)\s*[.:]?\s*(.*)$/u, 'Chương'],
  ['tieuMuc', /^(?:Tiểu mục|TIỂU MỤC)\s+(\d+)\s*[.:]?\s*(.*)$/u, 'Tiểu mục'],
  ['muc', /^(?:Mục|MỤC)\s+(\d+|[IVXLC]+)\s*[.:]?\s*(.*)$/u, 'Mục'],
];
const DIVISION_DEPTH: Record<LegalDivisionLevel, number> = { phan: 0, chuong: 1, muc: 2, tieuMuc: 3 };

function isUpperCaseText(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase();
}

interface ArticleHeadingMatch {
  number: string;
  title: string;
  order: number;
}

function matchArticleHeading(line: string): ArticleHeadingMatch | undefined {
  const match = ARTICLE_HEADING.exec(line);
  if (!match) return undefined;
  const numeric = Number(match[1]);
  const letter = match[2] ?? '';
  // "Điều 10a" sorts between Điều 10 and Điều 11.
  const order = numeric * 100 + (letter ? POINT_LETTERS.indexOf(letter) + 1 : 0);
  return { number: `${match[1]}${letter}`, title: squash(match[3] ?? ''), order };
}

function matchDivision(line: string, nextLine: string | undefined): { division: LegalDivision; consumedNext: boolean } | undefined {
  for (const [level, pattern, word] of DIVISION_PATTERNS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const written = match[1] ?? '';
    const number = /^thứ/iu.test(written) ? written.toLowerCase() : written;
    let title = squash(match[2] ?? '');
    // A division heading stands alone or carries an upper-case title; prose such as "Mục đích …" does not match.
    if (title !== '' && !isUpperCaseText(title)) return undefined;
    let consumedNext = false;
    if (title === '' && nextLine !== undefined && isUpperCaseText(nextLine) && !ARTICLE_HEADING.test(nextLine)) {
      title = squash(nextLine);
      consumedNext = true;
    }
    return { division: { level, number, label: `${word} ${number}`, title }, consumedNext };
  }
  return undefined;
}

/** Splits article body lines into intro, clauses and points. */
export function parseArticleBody(lines: readonly string[]): Pick<LegalArticle, 'intro' | 'clauses' | 'points'> {
  const intro: string[] = [];
  const clauses: LegalClause[] = [];
  const articlePoints: LegalPoint[] = [];
  let clauseLines: string[] | undefined;
  let clauseIntro: string[] = [];
  let points: LegalPoint[] = articlePoints;
  let point: { letter: string; lines: string[] } | undefined;
  let nextPoint = 0;

  const closePoint = (): void => {
    if (point) points.push({ letter: point.letter, text: point.lines.join('\n') });
    point = undefined;
  };
  const closeClause = (): void => {
    closePoint();
    const current = clauses.at(-1);
    if (current && clauseLines) {
      current.text = clauseLines.join('\n');
      current.intro = clauseIntro.join('\n');
    }
  };

  for (const line of lines) {
    const clause = CLAUSE_START.exec(line) ?? CLAUSE_START_NO_PERIOD.exec(line);
    if (clause && Number(clause[1]) === clauses.length + 1) {
      closeClause();
      const created: LegalClause = { number: clause[1] ?? '', text: '', intro: '', points: [] };
      clauses.push(created);
      clauseLines = [line];
      clauseIntro = [line];
      points = created.points;
      nextPoint = 0;
      continue;
    }
    const pointMatch = POINT_START.exec(line);
    const letterIndex = pointMatch ? POINT_LETTERS.indexOf(pointMatch[1] ?? '') : -1;
    // One skipped letter is tolerated: sources confuse d/đ ("c) … đ) …").
    if (pointMatch && letterIndex >= nextPoint && letterIndex <= nextPoint + 1) {
      closePoint();
      point = { letter: pointMatch[1] ?? '', lines: [line] };
      nextPoint = letterIndex + 1;
      clauseLines?.push(line);
      continue;
    }
    if (point) point.lines.push(line);
    else if (clauseLines) clauseIntro.push(line);
    else intro.push(line);
    clauseLines?.push(line);
  }
  closeClause();
  return { intro: intro.join('\n'), clauses, points: articlePoints };
}

export function parseLegalDocument(source: string, hints: LegalMetadataHints = {}): ParsedLegalDocument {
  const lines = normalizeSourceText(source)
    .split('\n')
    .map((line) => line.trim());

  // First pass: article headings in increasing order; the body ends at the closing block after the last one.
  const headingAt = new Map<number, ArticleHeadingMatch>();
  let lastOrder = -1;
  for (let i = 0; i < lines.length; i += 1) {
    const heading = matchArticleHeading(lines[i] ?? '');
    if (heading && heading.order > lastOrder) {
      headingAt.set(i, heading);
      lastOrder = heading.order;
    }
  }
  const headingLines = [...headingAt.keys()];
  const lastArticleLine = headingLines.at(-1) ?? lines.length;
  let closingLine = lines.length;
  for (let i = lastArticleLine + 1; i < lines.length; i += 1) {
    if (CLOSING_LINE.test(lines[i] ?? '')) {
      closingLine = i;
      break;
    }
  }

  const divisions: LegalDivision[] = [];
  const articles: LegalArticle[] = [];
  let stack: LegalDivision[] = [];
  let current: { heading: ArticleHeadingMatch; line: string; body: string[]; divisions: LegalDivision[] } | undefined;
  const preamble: string[] = [];

  const flush = (): void => {
    if (!current) return;
    const body = current.body.filter((line) => line !== '');
    articles.push({
      number: current.heading.number,
      title: current.heading.title,
      heading: current.line,
      body: body.join('\n'),
      ...parseArticleBody(body),
      divisions: current.divisions,
      index: articles.length,
    });
    current = undefined;
  };

  for (let i = 0; i < closingLine; i += 1) {
    const line = lines[i] ?? '';
    const heading = headingAt.get(i);
    if (heading) {
      flush();
      current = { heading, line, body: [], divisions: [...stack] };
      continue;
    }
    const nextNonEmpty = lines.slice(i + 1, i + 3).find((candidate) => candidate !== '');
    const division = line === '' ? undefined : matchDivision(line, nextNonEmpty);
    if (division) {
      flush();
      const depth = DIVISION_DEPTH[division.division.level];
      stack = [...stack.filter((open) => DIVISION_DEPTH[open.level] < depth), division.division];
      divisions.push(division.division);
      if (division.consumedNext) i = lines.indexOf(nextNonEmpty ?? '', i + 1);
      continue;
    }
    if (current) current.body.push(line);
    else preamble.push(line);
  }
  flush();

  const preambleText = preamble.filter((line) => line !== '').join('\n');
  const closing = lines.slice(closingLine).filter((line) => line !== '').join('\n');
  return {
    metadata: parseLegalMetadata(preambleText, closing, hints),
    preamble: preambleText,
    articles,
    divisions,
    closing,
  };
}
