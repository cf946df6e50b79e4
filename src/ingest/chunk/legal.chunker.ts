import type { LegalArticle, LegalClause, LegalPoint, ParsedLegalDocument } from '../structure/index.js';
import { DEFAULT_CHUNK_OPTIONS, type Chunk, type ChunkOptions, type ChunkPath } from './chunk.types.js';
import { enumerateVietnamese, packBalanced, splitToBudget } from './text-split.js';

/**
 * Legal text → chunks that follow the structure. An article that fits is one chunk; a long
 * article is split between whole clauses (consecutive short clauses share a chunk), a clause
 * that is still too long between whole points, and only a single over-long unit is cut by
 * sentences. Every chunk repeats the law's name and the article heading, so it can be
 * retrieved and cited on its own.
 */

/** `Luật Cư trú (68/2020/QH14)`, or the bare title when the document has no number. */
export function documentReference(document: ParsedLegalDocument): string {
  const { title, number } = document.metadata;
  return number ? `${title} (${number})` : title;
}

interface Piece {
  /** Source text of the piece. */
  body: string;
  clauses: string[];
  points: string[];
  part?: number;
  parts?: number;
}

function rangeOf(values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : `${values[0]}-${values.at(-1)}`;
}

export function legalLabel(reference: string, article: string, clauses: readonly string[], points: readonly string[]): string {
  const parts: string[] = [];
  if (points.length > 0) parts.push(`Điểm ${enumerateVietnamese(points)}`);
  if (clauses.length > 0) parts.push(`Khoản ${enumerateVietnamese(clauses)}`);
  parts.push(`Điều ${article}`);
  return `${parts.join(' ')} ${reference}`.trim();
}

/** Points of one clause (or of an article without clauses), packed within `budget`. */
function splitByPoints(intro: string, points: readonly LegalPoint[], clause: string | undefined, budget: number, repeatLimit: number): Piece[] {
  const clauses = clause ? [clause] : [];
  const pieces: Piece[] = [];
  const repeatIntro = intro !== '' && intro.length <= repeatLimit;
  if (intro !== '' && !repeatIntro) {
    for (const text of splitToBudget(intro, budget)) pieces.push({ body: text, clauses, points: [] });
  }
  const pointBudget = budget - (repeatIntro ? intro.length + 1 : 0);
  interface PointUnit {
    letter: string;
    text: string;
    part?: number;
    parts?: number;
  }
  const units: PointUnit[] = points.flatMap((point): PointUnit[] =>
    point.text.length > pointBudget
      ? splitToBudget(point.text, pointBudget).map((text, index, all) => ({ letter: point.letter, text, part: index + 1, parts: all.length }))
      : [{ letter: point.letter, text: point.text }],
  );
  for (const group of packBalanced(units, (unit) => unit.text.length, pointBudget)) {
    const body = [repeatIntro ? intro : '', ...group.map((unit) => unit.text)].filter((text) => text !== '').join('\n');
    const piece: Piece = { body, clauses, points: [...new Set(group.map((unit) => unit.letter))] };
    const only = group.length === 1 ? group[0] : undefined;
    if (only?.part !== undefined && only.parts !== undefined) {
      piece.part = only.part;
      piece.parts = only.parts;
    }
    pieces.push(piece);
  }
  return pieces;
}

function splitClause(clause: LegalClause, budget: number, repeatLimit: number): Piece[] {
  if (clause.text.length <= budget) return [{ body: clause.text, clauses: [clause.number], points: [] }];
  if (clause.points.length > 0) return splitByPoints(clause.intro, clause.points, clause.number, budget, repeatLimit);
  const texts = splitToBudget(clause.text, budget);
  return texts.map((body, index) => ({ body, clauses: [clause.number], points: [], part: index + 1, parts: texts.length }));
}

/** Pieces of an article body that does not fit in one chunk. */
function splitArticle(article: LegalArticle, budget: number, repeatLimit: number): { context: string; pieces: Piece[] } {
  const repeatIntro = article.intro !== '' && article.intro.length <= repeatLimit && (article.clauses.length > 0 || article.points.length > 0);
  const context = repeatIntro ? article.intro : '';
  const innerBudget = budget - (repeatIntro ? context.length + 1 : 0);
  const pieces: Piece[] = [];
  if (article.intro !== '' && !repeatIntro) {
    const texts = splitToBudget(article.intro, budget);
    texts.forEach((body, index) => pieces.push({ body, clauses: [], points: [], ...(texts.length > 1 ? { part: index + 1, parts: texts.length } : {}) }));
  }
  if (article.clauses.length > 0) {
    // Consecutive whole clauses share a chunk; a clause that cannot fit alone is split on its own.
    let run: LegalClause[] = [];
    const flushRun = (): void => {
      for (const group of packBalanced(run, (clause) => clause.text.length, innerBudget)) {
        pieces.push({ body: group.map((clause) => clause.text).join('\n'), clauses: group.map((clause) => clause.number), points: [] });
      }
      run = [];
    };
    for (const clause of article.clauses) {
      if (clause.text.length > innerBudget) {
        flushRun();
        pieces.push(...splitClause(clause, innerBudget, repeatLimit));
      } else {
        run.push(clause);
      }
    }
    flushRun();
  } else if (article.points.length > 0) {
    pieces.push(...splitByPoints('', article.points, undefined, innerBudget, repeatLimit));
  }
  return { context, pieces };
}

export function chunkLegalDocument(document: ParsedLegalDocument, options: ChunkOptions = {}): Chunk[] {
  const { maxChars, maxRepeatedIntroChars } = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  const reference = documentReference(document);
  const chunks: Chunk[] = [];

  for (const article of document.articles) {
    const divisions = article.divisions.map((division) => division.label);
    const header = `${reference}\n${article.heading}`;
    const basePath: ChunkPath = { article: article.number };
    if (divisions.length > 0) basePath.divisions = divisions;
    const whole = article.body === '' ? article.heading : `${article.heading}\n${article.body}`;

    if (reference.length + 1 + whole.length <= maxChars) {
      chunks.push({ text: `${reference}\n${whole}`, displayText: whole, path: basePath, label: legalLabel(reference, article.number, [], []), ordinal: chunks.length });
      continue;
    }

    const { context, pieces } = splitArticle(article, maxChars - header.length - 1, maxRepeatedIntroChars);
    for (const piece of pieces) {
      const path: ChunkPath = { ...basePath };
      const clause = rangeOf(piece.clauses);
      if (clause) path.clause = clause;
      if (piece.clauses.length > 1) path.clauses = piece.clauses;
      const point = rangeOf(piece.points);
      if (point) path.point = point;
      if (piece.points.length > 1) path.points = piece.points;
      if (piece.part !== undefined) path.part = piece.part;
      if (piece.parts !== undefined) path.parts = piece.parts;
      const partNote = piece.parts !== undefined && piece.parts > 1 ? ` (phần ${piece.part}/${piece.parts})` : '';
      const body = context !== '' ? `${context}\n${piece.body}` : piece.body;
      chunks.push({
        text: `${header}\n${body}`,
        displayText: piece.body,
        path,
        label: `${legalLabel(reference, article.number, piece.clauses, piece.points)}${partNote}`,
        ordinal: chunks.length,
      });
    }
  }
  return chunks;
}
