// The streaming pass of the CSV reader (pipeline/ingest/scan.ts): sha256, blank lines (which DuckDB skips, so
// row numbers need them) and their line numbers, checked against a naive implementation across the 4 MiB
// chunk boundaries, for UTF-8 and UTF-16LE.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { recordLinesAt, scanTextFile, sha256File, trailingBlankLines } from '../../pipeline/ingest/scan.ts';
import { tempDir } from './ingest-fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());
const CHUNK = 4 << 20;

/** Naive: blank-line start offsets (in bytes) and their 1-based line numbers. */
function naive(text: string, unit: 1 | 2): { offsets: number[]; lines: number[] } {
  const offsets: number[] = [];
  const lines: number[] = [];
  let line = 1;
  let byte = 0;
  const size = (s: string) => (unit === 1 ? Buffer.byteLength(s) : s.length * 2);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      const next = text[i + 1] === '\n' ? 1 : text[i + 1] === '\r' && text[i + 2] === '\n' ? 2 : 0;
      if (next) {
        offsets.push(byte + size('\n'));
        lines.push(line + 1);
      }
      line++;
    }
    byte += size(text[i]!);
  }
  return { offsets, lines };
}

function fixture(unit: 1 | 2): string {
  // lines of varied length so that blank lines fall on and around the chunk boundaries
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  const target = CHUNK * 2 + 5000;
  while (size < target) {
    const line = n % 97 === 0 ? '' : n % 89 === 0 ? '\r' : `baris ${n};${'x'.repeat(n % 53)};é`;
    parts.push(line);
    size += (unit === 1 ? Buffer.byteLength(line) : line.length * 2) + unit;
    n++;
  }
  return parts.join('\n') + '\n\n';
}

describe('scanTextFile / recordLinesAt', () => {
  for (const unit of [1, 2] as const) {
    it(`finds every blank line and its line number (${unit === 1 ? 'UTF-8' : 'UTF-16LE'})`, async () => {
      const text = fixture(unit);
      const buf = unit === 1 ? Buffer.from(text) : Buffer.from(text, 'utf16le');
      const path = tmp.file(`scan-${unit}.txt`, buf);
      const scan = await scanTextFile(path, unit);
      const want = naive(text, unit);
      expect(scan.sha256).toBe(createHash('sha256').update(buf).digest('hex'));
      expect(scan.blankLineOffsets).toEqual(want.offsets);
      // no quotes in this file: the record lines are the physical lines
      expect(await recordLinesAt(path, scan.blankLineOffsets, unit)).toEqual(want.lines);
      expect(scan.lastContentOffset).toBeLessThan(buf.length - 2 * unit);
    });
  }

  it('a blank line exactly on a chunk boundary', async () => {
    const head = 'a'.repeat(CHUNK - 1);
    const text = `${head}\n\nb\n`;
    const path = tmp.file('edge.txt', text);
    const scan = await scanTextFile(path);
    expect(scan.blankLineOffsets).toEqual([CHUNK]);
    expect(await recordLinesAt(path, scan.blankLineOffsets)).toEqual([2]);
    expect(await sha256File(path)).toBe(scan.sha256);
  });
});

/** Naive record lines: for each blank-line offset, its line counting only line feeds outside quotes, or null inside. */
function naiveRecordLines(text: string, unit: 1 | 2, offsets: readonly number[]): (number | null)[] {
  const size = (c: string) => (unit === 1 ? Buffer.byteLength(c) : c.length * 2);
  const want = new Set(offsets);
  const at = new Map<number, { quoted: boolean; line: number }>();
  let byte = 0;
  let quoted = false;
  let line = 1;
  for (const c of text) {
    if (want.has(byte)) at.set(byte, { quoted, line });
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) line++;
    byte += size(c);
  }
  return offsets.map((o) => {
    const s = at.get(o)!;
    return s.quoted ? null : s.line;
  });
}

describe('recordLinesAt: blank lines of a CSV whose quoted values hold line breaks', () => {
  it('counts a quoted value with line breaks as one line, and an empty line inside a value is no blank line', async () => {
    const text = 'a,b\n1,"x\ny"\n\n2,"p\n\nq"\n3,"say ""hi""\n"\n\n4,z\n';
    const path = tmp.file('quoted.csv', text);
    const scan = await scanTextFile(path);
    // blank lines after record 1, inside the value of record 2, after record 3
    expect(scan.blankLineOffsets.length).toBe(3);
    expect(await recordLinesAt(path, scan.blankLineOffsets)).toEqual([3, null, 6]);
  });

  for (const unit of [1, 2] as const) {
    it(`agrees with a naive count across the chunk boundaries (${unit === 1 ? 'UTF-8' : 'UTF-16LE'})`, async () => {
      // records with quoted values (some with line breaks, some with "" and some with an empty line), blank lines
      const parts: string[] = [];
      let size = 0;
      for (let n = 0; size < CHUNK * 2 + 7000; n++) {
        const v = n % 7 === 0 ? `"v ${n}\nline two"` : n % 11 === 0 ? `"q ""${n}"" \n\n end"` : `plain ${n} ${'x'.repeat(n % 37)}`;
        const line = `${n},${v}${n % 13 === 0 ? '\n' : ''}`;
        parts.push(line);
        size += (unit === 1 ? Buffer.byteLength(line) : line.length * 2) + unit;
      }
      const text = `id,v\n${parts.join('\n')}\n`;
      const buf = unit === 1 ? Buffer.from(text) : Buffer.from(text, 'utf16le');
      const path = tmp.file(`quoted-${unit}.csv`, buf);
      const scan = await scanTextFile(path, unit);
      expect(scan.blankLineOffsets.length).toBeGreaterThan(100);
      const got = await recordLinesAt(path, scan.blankLineOffsets, unit);
      expect(got).toEqual(naiveRecordLines(text, unit, scan.blankLineOffsets));
      expect(got.some((l) => l === null)).toBe(true);
    });
  }
});

describe('trailingBlankLines: the blank lines after the last content, where appended rows go below', () => {
  const cases: [string, number][] = [
    ['a;b\n1;2', 0],
    ['a;b\n1;2\n', 0],
    ['a;b\n1;2\n\n', 1],
    ['a;b\n1;2\r\n\r\n\r\n', 2],
    ['a;b\n1;2 \t\n\n\n', 2],
    ['a;b\n"x\n\ny"\n', 0],
  ];
  for (const unit of [1, 2] as const) {
    it.each(cases)(`%j → %i (${unit === 1 ? 'UTF-8' : 'UTF-16LE'})`, async (text, want) => {
      const buf = unit === 1 ? Buffer.from(text, 'utf8') : Buffer.from(text, 'utf16le');
      const path = tmp.file(`trailing-${unit}.csv`, buf);
      const { lastContentOffset } = await scanTextFile(path, unit);
      expect(await trailingBlankLines(path, lastContentOffset, unit)).toBe(want);
    });
  }
});
