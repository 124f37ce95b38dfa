import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Read size of the streaming passes; one buffer is reused (fresh buffers per chunk cost more than the hash). */
const CHUNK = 4 << 20;

/** Call `each` with consecutive chunks of a file (the same buffer, refilled) and their file offsets. */
async function eachChunk(path: string, each: (chunk: Buffer, offset: number) => void): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let pos = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
      if (bytesRead === 0) break;
      each(buf.subarray(0, bytesRead), pos);
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

/** sha256 (hex) of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await eachChunk(path, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

export interface TextScan {
  sha256: string;
  /** byte offsets where a blank line starts (`\n\n` or `\n\r\n`: the offset after the first `\n`) */
  blankLineOffsets: number[];
  /** offset of the last byte that is not a space, tab, CR, LF or NUL (−1 for an empty file) */
  lastContentOffset: number;
}

/**
 * One streaming pass over a text file: its sha256, and where blank lines are. DuckDB's CSV reader skips
 * blank lines, so the reader needs them to number rows as a spreadsheet does. `unit` is the code unit
 * width: 1 for UTF-8, 2 for UTF-16LE (newline = 0A 00).
 */
export async function scanTextFile(path: string, unit: 1 | 2 = 1): Promise<TextScan> {
  const hash = createHash('sha256');
  const nl = unit === 1 ? Buffer.from('\n') : Buffer.from('\n\0');
  const cr = unit === 1 ? Buffer.from('\r') : Buffer.from('\r\0');
  const patterns = [Buffer.concat([nl, nl]), Buffer.concat([nl, cr, nl])];
  const keep = Math.max(...patterns.map((p) => p.length)) - 1;
  const blanks = new Set<number>();
  let lastContent = -1;
  let tail = Buffer.alloc(0);
  const search = (buf: Buffer, base: number, from = 0): void => {
    for (const p of patterns) {
      let i = buf.indexOf(p, from);
      while (i >= 0) {
        if ((base + i) % unit === 0) blanks.add(base + i + nl.length);
        i = buf.indexOf(p, i + unit);
      }
    }
  };
  await eachChunk(path, (chunk, offset) => {
    hash.update(chunk);
    // patterns that straddle the previous chunk: search tail + head of this chunk
    if (tail.length) search(Buffer.concat([tail, chunk.subarray(0, keep)]), offset - tail.length);
    search(chunk, offset);
    for (let j = chunk.length - 1; j >= 0; j--) {
      const b = chunk[j]!;
      if (b !== 0x0a && b !== 0x0d && b !== 0x20 && b !== 0x09 && b !== 0x00) {
        lastContent = offset + j;
        break;
      }
    }
    tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - keep)));
  });
  return { sha256: hash.digest('hex'), blankLineOffsets: [...blanks].sort((a, b) => a - b), lastContentOffset: lastContent };
}

/**
 * For each (sorted) offset of a blank line of a CSV (scanTextFile), the 1-based number of its line, counting only
 * the line breaks outside quoted values (a value with line breaks is one record, as DuckDB and a spreadsheet read
 * it), or null when the offset is inside a quoted value (an empty line of the value, which DuckDB keeps, not a
 * blank line it skips). Quotes are `"`, doubled inside a value, as readCsvSql reads them; `unit` as in scanTextFile.
 */
export async function recordLinesAt(path: string, offsets: readonly number[], unit: 1 | 2 = 1): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  if (offsets.length === 0) return out;
  let lines = 0;
  let k = 0;
  let quoted = false;
  // UTF-16: a 22 or 0A byte at the very end of the previous chunk, at an even offset
  let carry = -1;
  let carryAt = -1;
  const settle = (upTo: number, inclusive: boolean) => {
    while (k < offsets.length && (inclusive ? offsets[k]! <= upTo : offsets[k]! < upTo)) out.push(quoted ? null : lines + 1), k++;
  };
  const event = (b: number, at: number) => {
    if (b === 0x22) {
      quoted = !quoted;
      return;
    }
    settle(at, true);
    if (!quoted) lines++;
  };
  await eachChunk(path, (chunk, pos) => {
    if (k >= offsets.length) return;
    if (carry >= 0) {
      if (chunk[0] === 0x00) event(carry, carryAt);
      carry = -1;
    }
    // every " and line feed of the chunk, in order (UTF-16: at an even offset, followed by 00)
    let iq = chunk.indexOf(0x22);
    let il = chunk.indexOf(0x0a);
    while (iq >= 0 || il >= 0) {
      const i = il < 0 || (iq >= 0 && iq < il) ? iq : il;
      const at = pos + i;
      if (unit === 1 || (at % 2 === 0 && i + 1 < chunk.length && chunk[i + 1] === 0x00)) event(chunk[i]!, at);
      else if (at % 2 === 0 && i + 1 === chunk.length) {
        carry = chunk[i]!;
        carryAt = at;
      }
      if (i === iq) iq = chunk.indexOf(0x22, i + 1);
      else il = chunk.indexOf(0x0a, i + 1);
    }
    // a blank line starting after the chunk's last line feed holds no quote: its state is the chunk's last
    settle(pos + chunk.length, false);
  });
  settle(Infinity, false);
  return out;
}

/**
 * The blank lines after a text file's last content (scanTextFile's lastContentOffset): the line breaks after it, but
 * the one that ends its line. Rows appended to the file come after them, so a spreadsheet (and a full build of the
 * longer file) numbers those rows below them. `unit` as in scanTextFile.
 */
export async function trailingBlankLines(path: string, lastContentOffset: number, unit: 1 | 2 = 1): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const from = lastContentOffset + 1;
    if (size <= from) return 0;
    const buf = Buffer.alloc(size - from);
    await fh.read(buf, 0, buf.length, from);
    let breaks = 0;
    for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) {
      if (unit === 1 || ((from + i) % 2 === 0 && buf[i + 1] === 0x00)) breaks++;
    }
    return Math.max(0, breaks - 1);
  } finally {
    await fh.close();
  }
}
