/**
 * What a file really is, from its first bytes (its "magic number"), so a workbook or a picture renamed `.csv` is
 * named for what it is instead of getting advice about text encodings.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface RealFormat {
  /** what the file is, in words */
  what: string;
  /** what to do about it */
  advice: string;
}

const startsWith = (head: Buffer, bytes: number[] | string, at = 0): boolean => {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + b.length && head.subarray(at, at + b.length).equals(b);
};

/** The first `n` bytes of a file. */
export function fileHead(path: string, n = 4096): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** The binary format `head` starts like, or undefined (text, or unknown). */
export function binaryFormat(head: Buffer): RealFormat | undefined {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    const s = head.toString('latin1');
    if (s.includes('xl/') || s.includes('[Content_Types].xml')) {
      return { what: 'an Excel workbook (.xlsx, a ZIP archive)', advice: 'rename it to .xlsx, or open it in Excel and save it as CSV UTF-8' };
    }
    if (s.includes('content.xml') || s.includes('mimetypeapplication/vnd.oasis')) {
      return { what: 'an OpenDocument file (a ZIP archive)', advice: 'open it and save it as .xlsx or CSV UTF-8' };
    }
    return { what: 'a ZIP archive', advice: 'unpack it and put the file inside in the input folder' };
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { what: 'an old Excel 97-2003 file or a password-protected workbook', advice: 'open it in Excel, remove any password and save it as .xlsx or CSV UTF-8' };
  }
  if (startsWith(head, [0x1f, 0x8b])) return { what: 'a gzip-compressed file', advice: 'decompress it (gunzip or 7-Zip) first' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { what: 'a PNG image', advice: 'put the exported data file here, not a picture of it' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { what: 'a JPEG image', advice: 'put the exported data file here, not a picture of it' };
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return { what: 'a GIF image', advice: 'put the exported data file here, not a picture of it' };
  if (startsWith(head, '%PDF-')) return { what: 'a PDF document', advice: 'export the data from the source system as CSV or XLSX; a PDF report cannot be read' };
  if (startsWith(head, 'PAR1')) return { what: 'a Parquet file', advice: 'rename it to .parquet' };
  if (startsWith(head, 'SQLite format 3\u0000')) return { what: 'a SQLite database', advice: 'export the tables as CSV' };
  if (startsWith(head, 'DUCK', 8)) return { what: 'a DuckDB database', advice: 'export the tables as CSV or Parquet' };
  if (startsWith(head, '7z\xbc\xaf\x27\x1c')) return { what: 'a 7-Zip archive', advice: 'unpack it first' };
  if (startsWith(head, 'Rar!\x1a\x07')) return { what: 'a RAR archive', advice: 'unpack it first' };
  if (startsWith(head, 'BZh')) return { what: 'a bzip2-compressed file', advice: 'decompress it first' };
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return { what: 'an xz-compressed file', advice: 'decompress it first' };
  return undefined;
}
