import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';

/**
 * Builders for hostile or unusual files the loaders must refuse or handle, generated in the tests so
 * the repository holds no binary fixtures: PDFs (plain, zero pages, really encrypted), ZIP/DOCX
 * packages (including zip bombs and lying headers) and OLE compound files.
 */

// ---------- PDF ----------

/** Assembles objects into a PDF with a correct cross-reference table. */
function assemblePdf(objects: string[], trailerExtra = ''): Uint8Array {
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

const pageObjects = (content: string) => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
];

export function simplePdf(lines: string[]): Uint8Array {
  const content = `BT /F1 14 Tf 72 760 Td 18 TL ${lines.map((line) => `(${line}) Tj T*`).join(' ')} ET`;
  return assemblePdf(pageObjects(content));
}

export function zeroPagePdf(): Uint8Array {
  return assemblePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
}

const PASSWORD_PADDING = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, index) => index);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const output = new Uint8Array(data.length);
  for (let index = 0, i = 0, j = 0; index < data.length; index++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    output[index] = data[index]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return output;
}

const md5 = (...parts: Uint8Array[]) => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};
const pad = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PADDING]).subarray(0, 32);

/**
 * A genuinely encrypted PDF (Standard security handler, revision 2, 40-bit RC4) whose user password is
 * `userPassword`: opening it without the password fails, opening it with the password shows the text.
 */
export function encryptedPdf(text: string, userPassword = 'secret', ownerPassword = 'owner'): Uint8Array {
  const permissions = -44;
  const fileId = md5(Buffer.from(`tro-ly-so-${text}`));
  const owner = rc4(md5(pad(ownerPassword)).subarray(0, 5), pad(userPassword));
  const permissionBytes = Buffer.alloc(4);
  permissionBytes.writeInt32LE(permissions);
  const key = md5(pad(userPassword), owner, permissionBytes, fileId).subarray(0, 5);
  const user = rc4(key, PASSWORD_PADDING);
  const objectKey = (objectNumber: number) =>
    md5(key, Uint8Array.of(objectNumber & 255, (objectNumber >> 8) & 255, (objectNumber >> 16) & 255, 0, 0)).subarray(0, 10);
  const content = Buffer.from(rc4(objectKey(4), Buffer.from(`BT /F1 14 Tf 72 760 Td (${text}) Tj ET`, 'latin1'))).toString('latin1');
  const objects = pageObjects(content);
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${Buffer.from(owner).toString('hex')}> /U <${Buffer.from(user).toString('hex')}> /P ${permissions} >>`);
  const id = Buffer.from(fileId).toString('hex');
  return assemblePdf(objects, `/Encrypt 6 0 R /ID [<${id}> <${id}>] `);
}

// ---------- ZIP / DOCX ----------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 255]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Uint8Array | string;
  /** Lie about the uncompressed size in both headers (zip-bomb variant). */
  declaredSize?: number;
}

export function buildZip(inputs: ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const raw = typeof input.data === 'string' ? Buffer.from(input.data, 'utf8') : Buffer.from(input.data);
    const compressed = deflateRawSync(raw);
    const name = Buffer.from(input.name, 'utf8');
    const size = input.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A minimal DOCX: paragraphs, then one table. `documentXml` overrides the whole body (bomb tests). */
export function buildDocx(options: { paragraphs?: string[]; table?: string[][]; documentXml?: ZipInput['data']; declaredSize?: number }): Uint8Array {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
  const table = options.table
    ? `<w:tbl>${options.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
    : '';
  const documentXml =
    options.documentXml ??
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${(options.paragraphs ?? []).map(paragraph).join('')}${table}</w:body></w:document>`;
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'word/document.xml', data: documentXml, ...(options.declaredSize !== undefined ? { declaredSize: options.declaredSize } : {}) },
  ]);
}

// ---------- OLE compound file ----------

/**
 * A version-3 compound file (512-byte sectors) with the given streams, laid out as:
 * sector 0 = FAT, sector 1 = directory, then stream data (streams < 4 096 bytes are stored in regular
 * sectors too, which our reader accepts; real files use the mini stream for them).
 */
export function buildOleFile(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const sector = 512;
  const dataSectors = streams.map((stream) => Math.ceil(stream.data.length / sector));
  const totalSectors = 2 + dataSectors.reduce((sum, count) => sum + count, 0);
  const file = Buffer.alloc(sector * (totalSectors + 1));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18);
  file.writeUInt16LE(3, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt16LE(6, 0x20);
  file.writeUInt32LE(1, 0x2c);
  file.writeUInt32LE(1, 0x30);
  file.writeUInt32LE(4096, 0x38);
  file.writeUInt32LE(0xfffffffe, 0x3c);
  file.writeUInt32LE(0xfffffffe, 0x44);
  for (let index = 0; index < 109; index++) file.writeUInt32LE(index === 0 ? 0 : 0xffffffff, 0x4c + index * 4);
  const fat = (index: number, value: number) => file.writeUInt32LE(value >>> 0, sector + index * 4);
  for (let index = 0; index < sector / 4; index++) fat(index, 0xffffffff);
  fat(0, 0xfffffffd);
  fat(1, 0xfffffffe);
  const directory = 2 * sector;
  const entry = (slot: number, name: string, type: number, start: number, size: number) => {
    const base = directory + slot * 128;
    file.write(name, base, 'utf16le');
    file.writeUInt16LE((name.length + 1) * 2, base + 64);
    file.writeUInt8(type, base + 66);
    file.writeUInt32LE(0xffffffff, base + 68);
    file.writeUInt32LE(0xffffffff, base + 72);
    file.writeUInt32LE(0xffffffff, base + 76);
    file.writeUInt32LE(start >>> 0, base + 116);
    file.writeUInt32LE(size, base + 120);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0);
  let next = 2;
  streams.forEach((stream, index) => {
    const count = dataSectors[index]!;
    entry(index + 1, stream.name, 2, count > 0 ? next : 0xfffffffe, stream.data.length);
    for (let k = 0; k < count; k++) {
      fat(next + k, k === count - 1 ? 0xfffffffe : next + k + 1);
      Buffer.from(stream.data.subarray(k * sector, (k + 1) * sector)).copy(file, (next + k + 1) * sector);
    }
    next += count;
  });
  return new Uint8Array(file);
}
