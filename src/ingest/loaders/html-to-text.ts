import { decodeHtmlEntities } from './html-entities.js';

/**
 * HTML → text with block structure, without a DOM library: a tag tokenizer is enough because we only
 * need text, line breaks at block boundaries and table cells (HTML from mammoth, saved web pages of
 * dichvucong / thuvienphapluat). Script, style and other non-content elements are dropped with their content.
 */

export interface HtmlText {
  text: string;
  tables: string[][][];
  title?: string;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'button']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'legend', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'caption',
]);
/** Letters Vietnamese legal texts use for points (điểm): a) b) c) d) đ) e) g) … — no f, j, w, z. */
const POINT_LETTERS = 'abcdđeghiklmnopqrstuvxy';

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g;

interface TableBuilder {
  rows: string[][];
  row: string[] | undefined;
  cell: string[] | undefined;
}

export function htmlToText(html: string): HtmlText {
  const output: string[] = [];
  const tables: string[][][] = [];
  const tableStack: TableBuilder[] = [];
  const lists: { ordered: boolean; counter: number }[] = [];
  let skipDepth = 0;
  let skipTag = '';
  let preDepth = 0;
  let title: string | undefined;
  let inTitle = false;
  let titleBuffer = '';

  /** Text goes into the innermost open table cell, or the document. */
  const sink = (): string[] => tableStack.at(-1)?.cell ?? output;
  const write = (text: string) => sink().push(text);
  const newline = () => write('\n');
  /** Block boundaries: at most one line break, however many blocks open or close here. */
  const blockBreak = () => {
    const chunks = sink();
    for (let index = chunks.length - 1; index >= 0; index--) {
      const chunk = chunks[index]!.replace(/[ \t]+$/, '');
      if (chunk === '') continue;
      if (!chunk.endsWith('\n')) chunks.push('\n');
      return;
    }
  };

  for (const match of html.matchAll(TOKEN)) {
    const [, cdata, closing, rawName, attributes, text] = match;
    if (skipDepth > 0) {
      if (rawName && rawName.toLowerCase() === skipTag) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (text !== undefined || cdata !== undefined) {
      const decoded = decodeHtmlEntities(text ?? cdata ?? '');
      if (inTitle) titleBuffer += decoded;
      else write(preDepth > 0 ? decoded : decoded.replace(/[ \t\r\n\f]+/g, ' '));
      continue;
    }
    if (!rawName) continue; // comment, doctype, processing instruction
    const name = rawName.toLowerCase();
    const selfClosing = /\/\s*$/.test(attributes ?? '');
    if (!closing && SKIPPED.has(name) && !selfClosing) {
      skipDepth = 1;
      skipTag = name;
      continue;
    }
    if (name === 'title' && tableStack.length === 0) {
      inTitle = !closing;
      if (closing) title ??= titleBuffer.replace(/\s+/g, ' ').trim() || undefined;
      continue;
    }
    if (name === 'head') continue;
    if (name === 'br') {
      newline();
      continue;
    }
    if (name === 'pre') preDepth += closing ? -1 : 1;
    if (name === 'table') {
      if (!closing) {
        blockBreak();
        tableStack.push({ rows: [], row: undefined, cell: undefined });
      } else {
        const table = tableStack.pop();
        if (table) {
          closeRow(table);
          tables.push(table.rows);
          blockBreak();
          write(renderTable(table.rows));
        }
      }
      continue;
    }
    const table = tableStack.at(-1);
    if (table && (name === 'tr' || name === 'td' || name === 'th')) {
      if (name === 'tr') {
        closeRow(table);
        if (!closing) table.row = [];
      } else {
        closeCell(table);
        if (!closing) {
          table.row ??= [];
          table.cell = [];
        }
      }
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', counter: 0 });
      blockBreak();
      continue;
    }
    if (name === 'li' && !closing) {
      blockBreak();
      const list = lists.at(-1);
      if (list?.ordered) {
        list.counter++;
        const depth = lists.filter((entry) => entry.ordered).length;
        // mammoth drops Word's numbering format; Vietnamese legal texts number clauses 1. 2. and points a) b).
        write(depth >= 2 ? `${POINT_LETTERS[(list.counter - 1) % POINT_LETTERS.length]}) ` : `${list.counter}. `);
      } else {
        write('- ');
      }
      continue;
    }
    if (BLOCKS.has(name) || name === 'hr') blockBreak();
  }
  while (tableStack.length > 0) {
    const table = tableStack.pop()!;
    closeRow(table);
    tables.push(table.rows);
    blockBreak();
    write(renderTable(table.rows));
  }
  const text = tidy(output.join(''));
  return { text, tables: tables.filter((rows) => rows.length > 0), ...(title ? { title } : {}) };
}

function closeCell(table: TableBuilder) {
  if (table.cell) {
    table.row ??= [];
    table.row.push(tidy(table.cell.join('')));
    table.cell = undefined;
  }
}

function closeRow(table: TableBuilder) {
  closeCell(table);
  if (table.row) {
    if (table.row.length > 0) table.rows.push(table.row);
    table.row = undefined;
  }
}

/** Same layout as Word's own .doc text: each cell followed by a tab, one row per line. */
export function renderTable(rows: string[][]): string {
  return `${rows.map((row) => row.map((cell) => `${cell}\t`).join('')).join('\n')}\n`;
}

/** Trims spaces around line breaks and keeps at most one empty line. */
function tidy(text: string): string {
  return text
    .replace(/[ \u00A0]*\n[ \u00A0]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^[ \n]+|[ \n]+$/g, '');
}
