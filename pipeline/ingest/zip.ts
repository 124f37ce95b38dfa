/**
 * A minimal ZIP directory reader (APPNOTE 6.3: end of central directory, central directory, local headers), used to
 * check an .xlsx before streaming it: exceljs waits forever on a truncated workbook (its unzip stream never ends), so
 * the structure is checked first, and a cell's exact digits can be read from the sheet XML afterwards.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Why a file is not a complete ZIP archive (thrown by readZipDirectory). */
export class ZipStructureError extends Error {}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

function readAt(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  const n = readSync(fd, buf, 0, len, pos);
  return buf.subarray(0, n);
}

/**
 * The entries of a ZIP file, after checking that the end-of-central-directory record is there (a cut file lacks
 * it), that the central directory is whole, and that every entry's local header and data lie inside the file.
 */
export function readZipDirectory(path: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    // the EOCD is 22 bytes plus a comment of at most 65,535 bytes, at the very end
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLen, tailLen);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipStructureError('the end of the archive is missing: the file is truncated (an incomplete download or copy?)');
    const count = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    if (cdOffset === 0xffffffff || count === 0xffff) {
      // ZIP64: sizes are elsewhere; exceljs cannot read those workbooks anyway (they exceed 4 GB)
      throw new ZipStructureError('the archive is in ZIP64 form (over 4 GB), which is not read');
    }
    if (cdOffset + cdSize > size) throw new ZipStructureError('the archive directory points past the end of the file: the file is truncated or damaged');
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CEN_SIG) throw new ZipStructureError('the archive directory is damaged');
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const e: ZipEntry = {
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        uncompressedSize: cd.readUInt32LE(p + 24),
        localHeaderOffset: cd.readUInt32LE(p + 42),
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      };
      p += 46 + nameLen + extraLen + commentLen;
      const loc = readAt(fd, e.localHeaderOffset, 30);
      if (loc.length < 30 || loc.readUInt32LE(0) !== LOC_SIG) throw new ZipStructureError(`the part ${e.name} is missing or damaged`);
      const dataEnd = e.localHeaderOffset + 30 + loc.readUInt16LE(26) + loc.readUInt16LE(28) + e.compressedSize;
      if (dataEnd > size) throw new ZipStructureError(`the part ${e.name} is cut off: the file is truncated`);
      entries.push(e);
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** The uncompressed bytes of one entry (stored or deflated). */
export function readZipEntry(path: string, e: ZipEntry): Buffer {
  const fd = openSync(path, 'r');
  try {
    const loc = readAt(fd, e.localHeaderOffset, 30);
    const start = e.localHeaderOffset + 30 + loc.readUInt16LE(26) + loc.readUInt16LE(28);
    const data = readAt(fd, start, e.compressedSize);
    if (e.method === 0) return data;
    if (e.method === 8) return inflateRawSync(data);
    throw new ZipStructureError(`the part ${e.name} uses compression method ${e.method}, which is not read`);
  } finally {
    closeSync(fd);
  }
}
