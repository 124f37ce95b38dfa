/**
 * Output writers: a buffered, synchronous CSV writer (rows go straight to disk in ~1 MB chunks, so the big files
 * never sit in memory) and an XLSX writer on exceljs whose output is byte-for-byte reproducible.
 *
 * exceljs stamps the workbook's created/modified dates and JSZip stamps every zip entry with the current time;
 * `writeXlsx` fixes the former and `fixZipTimestamps` rewrites the latter, so the same rows give the same bytes.
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const BUFFER_BYTES = 4 << 20;

/**
 * `mkdir -p` one level at a time (Node's own `recursive: true` spins forever on some pseudo file systems such
 * as /proc; this fails with the first level's error instead).
 */
export function ensureDir(path: string): void {
  const full = resolve(path);
  const missing: string[] = [];
  let p = full;
  while (!existsSync(p)) {
    missing.push(p);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const dir of missing.reverse()) mkdirSync(dir);
  if (!statSync(full).isDirectory()) {
    const err = new Error(`not a directory: ${path}`) as NodeJS.ErrnoException;
    err.code = 'ENOTDIR';
    throw err;
  }
}

export interface CsvOptions {
  delimiter?: ',' | ';';
  /** write a UTF-8 byte-order mark first (what Excel does on "CSV UTF-8") */
  bom?: boolean;
}

export class CsvWriter {
  readonly delimiter: string;
  /** data rows written (the header not counted) */
  rows = 0;
  private fd: number;
  /** encoded bytes waiting to be written: strings are encoded once, straight into this buffer */
  private readonly buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private readonly quoteRe: RegExp;

  constructor(readonly path: string, header: readonly string[], opts: CsvOptions = {}) {
    this.delimiter = opts.delimiter ?? ',';
    this.quoteRe = this.delimiter === ';' ? /[;"\r\n]/ : /[,"\r\n]/;
    ensureDir(dirname(path));
    this.fd = openSync(path, 'w');
    this.put(`${opts.bom ? '\uFEFF' : ''}${header.map((h) => this.field(h)).join(this.delimiter)}\n`);
  }

  private put(text: string): void {
    // a UTF-8 code unit takes at most 3 bytes
    if (this.used + text.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (text.length * 3 > BUFFER_BYTES) {
        writeSync(this.fd, text, null, 'utf8');
        return;
      }
    }
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  /** quote a field when it holds the delimiter, a quote or a line break (RFC 4180) */
  field(v: string): string {
    return this.quoteRe.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }

  /** one row of fields (quoted as needed) */
  row(fields: readonly string[]): void {
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i ? this.delimiter : '') + this.field(fields[i]);
    this.put(`${line}\n`);
    this.rows++;
  }

  /** a pre-built line whose fields need no quoting (hot loops); must end with '\n' */
  line(text: string): void {
    this.put(text);
    this.rows++;
  }

  /** `n` pre-built lines at once */
  lines(text: string, n: number): void {
    this.put(text);
    this.rows += n;
  }

  /** spreadsheet row number of the next data row (header is row 1) */
  nextRowNumber(): number {
    return this.rows + 2;
  }

  flush(): void {
    let off = 0;
    while (off < this.used) off += writeSync(this.fd, this.buf, off, this.used - off);
    this.used = 0;
  }

  close(): number {
    this.flush();
    closeSync(this.fd);
    return statSync(this.path).size;
  }
}

export type Cell = string | number | Date | null;

export interface XlsxSheet {
  name: string;
  /** rows written above the header (titles, notes; an empty array = an empty row) */
  above?: Cell[][];
  header: string[];
  rows: Cell[][];
  /** column widths in characters */
  widths?: number[];
  /** number format per column (e.g. 'dd/mm/yyyy' for dates) */
  formats?: (string | undefined)[];
}

/** the fixed creation date of every workbook (and of its zip entries): the sample's as-of date */
export const FIXED_DATE = new Date(Date.UTC(2025, 11, 31, 0, 0, 0));

/** Write a one-sheet workbook; returns the file size. */
export async function writeXlsx(path: string, sheet: XlsxSheet): Promise<number> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Seimbang sample generator';
  wb.lastModifiedBy = 'Seimbang sample generator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(sheet.name);
  for (const r of sheet.above ?? []) ws.addRow(r);
  const headerRow = ws.addRow(sheet.header);
  headerRow.font = { bold: true };
  const title = sheet.above?.[0]?.[0];
  if (title) ws.getRow(1).font = { bold: true, size: 13 };
  ws.addRows(sheet.rows);
  sheet.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  sheet.formats?.forEach((f, i) => {
    if (f) ws.getColumn(i + 1).numFmt = f;
  });
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  fixZipTimestamps(buf, FIXED_DATE);
  ensureDir(dirname(path));
  writeFileSync(path, buf);
  return buf.length;
}

/**
 * Set the DOS modification time/date of every entry of a zip file (in place), in the central directory and
 * in each local header. CRCs cover only the data, so they stay valid.
 */
export function fixZipTimestamps(buf: Buffer, when: Date): void {
  const dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const dosDate = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('corrupt zip local header');
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
}
