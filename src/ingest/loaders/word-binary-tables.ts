import type { OleCompoundFile } from './ole-compound-file.js';

/**
 * Exact table structure of a Word 97–2003 (.doc) file, read from the binary format (MS-DOC).
 *
 * Why not from word-extractor's text: it writes a cell end as `\t` and a row end as `\n`, but a literal
 * tab at the end of a paragraph ("Nơi sinh:\t" — the form-filling leaders in our procedure files) gives
 * the same `\t\n`, and a cell's inner paragraphs are indistinguishable from text before the table.
 * The binary keeps what we need: cell ends are U+0007 marks, and row ends are U+0007 marks whose
 * paragraph has the "table terminating paragraph" property (sprmPFTtp).
 *
 * Only top-level tables are split; a nested table's text stays inside its outer cell.
 */

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece in the WordDocument stream. */
  offset: number;
  compressed: boolean;
}

const SPRM_P_IN_TABLE = 0x2416;
const SPRM_P_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_CHG_TABS = 0xc615;
const SPRM_T_DEF_TABLE = 0xd608;

export function readWordTables(file: OleCompoundFile): string[][][] {
  const wordStream = file.find('WordDocument');
  if (!wordStream) return [];
  const word = file.readStreamStart(wordStream, wordStream.size);
  const wordView = view(word);
  const flags = wordView.getUint16(0x0a, true);
  const tableStream = file.find(flags & 0x0200 ? '1Table' : '0Table');
  if (!tableStream) return [];
  const table = file.readStreamStart(tableStream, tableStream.size);
  const ccpText = wordView.getUint32(0x4c, true);
  const pieces = readPieces(table, wordView.getUint32(0x1a2, true), wordView.getUint32(0x1a6, true));
  const marks = readParagraphMarks(word, table, pieces, wordView.getUint32(0x102, true), wordView.getUint32(0x106, true));
  return buildTables(decodeText(word, pieces, ccpText), marks);
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The piece table (Clx → PlcPcd) maps character positions to bytes, 8-bit (cp1252) or UTF-16. */
function readPieces(table: Uint8Array, fcClx: number, lcbClx: number): Piece[] {
  const data = view(table);
  let offset = fcClx;
  const end = fcClx + lcbClx;
  while (offset < end && table[offset] === 0x01) offset += 3 + data.getInt16(offset + 1, true); // Prc: skip
  if (table[offset] !== 0x02) throw new Error('piece table not found');
  const length = data.getUint32(offset + 1, true);
  const start = offset + 5;
  const count = (length - 4) / 12;
  const pieces: Piece[] = [];
  for (let index = 0; index < count; index++) {
    const fc = data.getUint32(start + (count + 1) * 4 + index * 8 + 2, true);
    const compressed = (fc & 0x40000000) !== 0;
    pieces.push({
      cpStart: data.getUint32(start + index * 4, true),
      cpEnd: data.getUint32(start + (index + 1) * 4, true),
      offset: compressed ? (fc & 0x3fffffff) / 2 : fc,
      compressed,
    });
  }
  return pieces;
}

function decodeText(word: Uint8Array, pieces: Piece[], ccpText: number): string {
  const latin = new TextDecoder('windows-1252');
  const utf16 = new TextDecoder('utf-16le');
  let text = '';
  for (const piece of pieces) {
    if (piece.cpStart >= ccpText) break;
    const characters = Math.min(piece.cpEnd, ccpText) - piece.cpStart;
    const bytes = word.subarray(piece.offset, piece.offset + characters * (piece.compressed ? 1 : 2));
    text += piece.compressed ? latin.decode(bytes) : utf16.decode(bytes);
  }
  return text;
}

interface ParagraphMark {
  inTable: boolean;
  rowEnd: boolean;
}

/** Paragraph properties (PAPX in FKP pages), keyed by the character position of the paragraph mark. */
function readParagraphMarks(word: Uint8Array, table: Uint8Array, pieces: Piece[], fcPlcf: number, lcbPlcf: number): Map<number, ParagraphMark> {
  const marks = new Map<number, ParagraphMark>();
  const plc = view(table);
  const count = (lcbPlcf - 4) / 8;
  for (let index = 0; index < count; index++) {
    const page = (plc.getUint32(fcPlcf + (count + 1) * 4 + index * 4, true) & 0x3fffff) * 512;
    if (page + 512 > word.length) continue;
    const fkp = word.subarray(page, page + 512);
    const fkpView = view(fkp);
    const runs = fkp[511]!;
    for (let run = 0; run < runs; run++) {
      const fcEnd = fkpView.getUint32((run + 1) * 4, true);
      const papxOffset = fkp[(runs + 1) * 4 + run * 13]! * 2;
      let sprms: Uint8Array;
      if (papxOffset === 0) {
        sprms = new Uint8Array(0);
      } else {
        const cb = fkp[papxOffset]!;
        sprms = cb !== 0 ? fkp.subarray(papxOffset + 1, papxOffset + 2 * cb) : fkp.subarray(papxOffset + 2, papxOffset + 2 + 2 * fkp[papxOffset + 1]!);
      }
      const properties = readTableSprms(sprms.subarray(2)); // first two bytes: style index
      const cp = markCp(pieces, fcEnd);
      if (cp !== undefined) marks.set(cp, properties);
    }
  }
  return marks;
}

/** CP of the last character before file offset `fcEnd` (the paragraph mark). */
function markCp(pieces: Piece[], fcEnd: number): number | undefined {
  for (const piece of pieces) {
    const width = piece.compressed ? 1 : 2;
    const byteEnd = piece.offset + (piece.cpEnd - piece.cpStart) * width;
    if (fcEnd > piece.offset && fcEnd <= byteEnd) return piece.cpStart + (fcEnd - piece.offset) / width - 1;
  }
  return undefined;
}

function readTableSprms(grpprl: Uint8Array): ParagraphMark {
  const data = view(grpprl);
  const result: ParagraphMark = { inTable: false, rowEnd: false };
  let depth: number | undefined;
  for (let offset = 0; offset + 2 <= grpprl.length; ) {
    const sprm = data.getUint16(offset, true);
    offset += 2;
    const operand = offset < grpprl.length ? grpprl[offset]! : 0;
    if (sprm === SPRM_P_IN_TABLE) result.inTable = operand !== 0;
    else if (sprm === SPRM_P_TTP) result.rowEnd = operand !== 0;
    else if (sprm === SPRM_P_ITAP && offset + 4 <= grpprl.length) depth = data.getInt32(offset, true);
    offset += operandSize(sprm, grpprl, offset);
  }
  // Nested-table paragraphs (depth > 1) are treated as content of the outer cell.
  if (depth !== undefined && depth > 1) result.rowEnd = false;
  if (depth !== undefined && depth >= 1) result.inTable = true;
  return result;
}

function operandSize(sprm: number, grpprl: Uint8Array, offset: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default: {
      if (sprm === SPRM_T_DEF_TABLE) return offset + 1 < grpprl.length ? grpprl[offset]! + (grpprl[offset + 1]! << 8) + 1 : grpprl.length;
      if (sprm === SPRM_P_CHG_TABS && grpprl[offset] === 255) {
        const deleted = grpprl[offset + 1] ?? 0;
        const added = grpprl[offset + 2 + deleted * 4] ?? 0;
        return 1 + 1 + deleted * 4 + 1 + added * 3;
      }
      return 1 + (grpprl[offset] ?? 0);
    }
  }
}

/** Walks the main text: cell marks split cells, row-end marks split rows, other paragraphs end tables. */
function buildTables(text: string, marks: Map<number, ParagraphMark>): string[][][] {
  const tables: string[][][] = [];
  let rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  const fields: ('instruction' | 'result')[] = [];
  const endTable = () => {
    if (rows.length > 0) tables.push(rows);
    rows = [];
    cells = [];
    cell = '';
  };
  for (let cp = 0; cp < text.length; cp++) {
    const char = text[cp]!;
    const code = char.charCodeAt(0);
    if (code === 0x13) fields.push('instruction');
    else if (code === 0x14) fields[fields.length - 1] = 'result';
    else if (code === 0x15) fields.pop();
    else if (fields.includes('instruction')) continue;
    else if (code === 0x07) {
      if (marks.get(cp)?.rowEnd) {
        rows.push(cells);
        cells = [];
      } else {
        cells.push(cleanCell(cell));
      }
      cell = '';
    } else if (code === 0x0d) {
      const mark = marks.get(cp);
      if (mark?.inTable) cell += '\n';
      else endTable();
    } else {
      cell += char;
    }
  }
  endTable();
  return tables.filter((table) => table.some((row) => row.some((value) => value !== '')));
}

function cleanCell(text: string): string {
  return text
    .replace(/[\x0b\x0c]/g, '\n')
    .replace(/\x1e/g, '-')
    .replace(/[\x00-\x08\x0e-\x1f]/g, '')
    .replace(/\t/g, ' ')
    .replace(/[ \u00A0]+\n/g, '\n')
    .trim();
}
