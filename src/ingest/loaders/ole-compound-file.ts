/**
 * Reads the directory of an OLE2 compound file (the container of .doc, .xls and of password-protected
 * Office Open XML files). Enough to tell a Word 97–2003 document from an encrypted DOCX, and to read
 * the Word header (FIB) to see whether the document itself is encrypted — word-extractor would
 * otherwise return garbage for it.
 */

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface OleStream {
  name: string;
  size: number;
  startSector: number;
}

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const MAX_REGULAR_SECTOR = 0xfffffffa;

export class OleFormatError extends Error {}

export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((value, index) => bytes[index] === value);
}

export class OleCompoundFile {
  readonly streams: OleStream[];
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly fat: Uint32Array;

  constructor(private readonly bytes: Uint8Array) {
    if (!isOleCompoundFile(bytes) || bytes.length < 512) throw new OleFormatError('not an OLE compound file');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sectorShift = this.view.getUint16(0x1e, true);
    if (sectorShift !== 9 && sectorShift !== 12) throw new OleFormatError(`unexpected sector shift ${sectorShift}`);
    this.sectorSize = 1 << sectorShift;
    this.fat = this.readFat();
    this.streams = this.readDirectory(this.view.getUint32(0x30, true));
  }

  find(name: string): OleStream | undefined {
    return this.streams.find((stream) => stream.name === name);
  }

  /** Start of a stream stored in regular sectors (streams ≥ 4 096 bytes, such as WordDocument). */
  readStreamStart(stream: OleStream, length: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let collected = 0;
    for (const sector of this.chain(stream.startSector)) {
      if (collected >= length) break;
      chunks.push(this.sector(sector));
      collected += this.sectorSize;
    }
    const output = new Uint8Array(Math.min(length, collected));
    let offset = 0;
    for (const chunk of chunks) {
      output.set(chunk.subarray(0, output.length - offset), offset);
      offset += chunk.length;
      if (offset >= output.length) break;
    }
    return output;
  }

  private sector(index: number): Uint8Array {
    const start = (index + 1) * this.sectorSize;
    if (start + this.sectorSize > this.bytes.length) throw new OleFormatError(`sector ${index} beyond end of file`);
    return this.bytes.subarray(start, start + this.sectorSize);
  }

  private *chain(start: number): Generator<number> {
    const seen = new Set<number>();
    for (let sector = start; sector <= MAX_REGULAR_SECTOR; sector = this.fat[sector] ?? END_OF_CHAIN) {
      if (seen.has(sector) || sector >= this.fat.length) throw new OleFormatError('broken sector chain');
      seen.add(sector);
      yield sector;
    }
  }

  private readFat(): Uint32Array {
    const fatSectors: number[] = [];
    for (let index = 0; index < 109; index++) {
      const sector = this.view.getUint32(0x4c + index * 4, true);
      if (sector <= MAX_REGULAR_SECTOR) fatSectors.push(sector);
    }
    // Large files continue the FAT sector list in DIFAT sectors.
    const perSector = this.sectorSize / 4;
    const seen = new Set<number>();
    for (let difat = this.view.getUint32(0x44, true); difat <= MAX_REGULAR_SECTOR; ) {
      if (seen.has(difat)) throw new OleFormatError('DIFAT loop');
      seen.add(difat);
      const data = this.sector(difat);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (let index = 0; index < perSector - 1; index++) {
        const sector = view.getUint32(index * 4, true);
        if (sector <= MAX_REGULAR_SECTOR) fatSectors.push(sector);
      }
      difat = view.getUint32((perSector - 1) * 4, true);
    }
    const fat = new Uint32Array(fatSectors.length * perSector).fill(FREE_SECTOR);
    fatSectors.forEach((sector, index) => {
      const data = this.sector(sector);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (let entry = 0; entry < perSector; entry++) fat[index * perSector + entry] = view.getUint32(entry * 4, true);
    });
    return fat;
  }

  private readDirectory(start: number): OleStream[] {
    const streams: OleStream[] = [];
    const decoder = new TextDecoder('utf-16le');
    for (const sector of this.chain(start)) {
      const data = this.sector(sector);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (let offset = 0; offset + 128 <= data.length; offset += 128) {
        const type = view.getUint8(offset + 66);
        if (type !== 2 && type !== 1) continue; // 1 storage, 2 stream; 0 unused, 5 root
        const nameLength = Math.min(64, view.getUint16(offset + 64, true));
        const name = decoder.decode(data.subarray(offset, offset + Math.max(0, nameLength - 2)));
        streams.push({ name, startSector: view.getUint32(offset + 116, true), size: view.getUint32(offset + 120, true) });
      }
    }
    return streams;
  }
}

/** Word FIB flags: fEncrypted (0x0100) covers both RC4/CryptoAPI encryption and XOR obfuscation. */
export function isWordDocumentEncrypted(file: OleCompoundFile): boolean {
  const stream = file.find('WordDocument');
  if (!stream || stream.size < 0x20) return false;
  const header = file.readStreamStart(stream, 0x20);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (view.getUint16(0, true) !== 0xa5ec) return false;
  return (view.getUint16(0x0a, true) & 0x0100) !== 0;
}

/**
 * Title and author from the `\u0005SummaryInformation` property set (MS-OLEPS). Strings are stored in
 * the set's code page (PID 1); Vietnamese Word files use 1258, 1252 or 65001 (UTF-8).
 */
export function readSummaryInformation(file: OleCompoundFile): { title?: string; author?: string } {
  const stream = file.find('\u0005SummaryInformation');
  if (!stream || stream.size < 48 || stream.size < 4096) return {}; // small streams live in the mini stream; skip
  const data = file.readStreamStart(stream, Math.min(stream.size, 64 * 1024));
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  try {
    const sectionOffset = view.getUint32(44, true);
    const count = view.getUint32(sectionOffset + 4, true);
    const properties = new Map<number, number>();
    for (let index = 0; index < Math.min(count, 256); index++) {
      properties.set(view.getUint32(sectionOffset + 8 + index * 8, true), sectionOffset + view.getUint32(sectionOffset + 12 + index * 8, true));
    }
    const codePageOffset = properties.get(1);
    const codePage = codePageOffset !== undefined && view.getUint16(codePageOffset, true) === 2 ? view.getUint16(codePageOffset + 4, true) : 1252;
    const label = codePage === 65001 ? 'utf-8' : codePage === 1200 ? 'utf-16le' : `windows-${codePage}`;
    const readString = (id: number): string | undefined => {
      const offset = properties.get(id);
      if (offset === undefined || view.getUint16(offset, true) !== 0x1e) return undefined;
      const length = view.getUint32(offset + 4, true);
      const raw = data.subarray(offset + 8, offset + 8 + Math.min(length, 4096));
      let text: string;
      try {
        // Some writers declare a Windows code page but store UTF-8 ("Má»¤C Lá»¤C"); valid UTF-8 wins.
        text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        try {
          text = new TextDecoder(label).decode(raw);
        } catch {
          text = new TextDecoder('windows-1252').decode(raw);
        }
      }
      return text.replace(/\0+$/g, '').normalize('NFC').trim() || undefined;
    };
    const title = readString(2);
    const author = readString(4);
    return { ...(title ? { title } : {}), ...(author ? { author } : {}) };
  } catch {
    return {}; // metadata is best effort; a broken property set must not block the text
  }
}
