// The streaming pass of the CSV reader (pipeline/ingest/scan.ts): sha256, blank lines (which DuckDB skips, so
// row numbers need them) and their line numbers, checked against a naive implementation across the 4 MiB
// chunk boundaries, for UTF-8 and UTF-16LE.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { lineNumbersAt, scanTextFile, sha256File } from '../../pipeline/ingest/scan.ts';
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

describe('scanTextFile / lineNumbersAt', () => {
  for (const unit of [1, 2] as const) {
    it(`finds every blank line and its line number (${unit === 1 ? 'UTF-8' : 'UTF-16LE'})`, async () => {
      const text = fixture(unit);
      const buf = unit === 1 ? Buffer.from(text) : Buffer.from(text, 'utf16le');
      const path = tmp.file(`scan-${unit}.txt`, buf);
      const scan = await scanTextFile(path, unit);
      const want = naive(text, unit);
      expect(scan.sha256).toBe(createHash('sha256').update(buf).digest('hex'));
      expect(scan.blankLineOffsets).toEqual(want.offsets);
      expect(await lineNumbersAt(path, scan.blankLineOffsets, unit)).toEqual(want.lines);
      expect(scan.lastContentOffset).toBeLessThan(buf.length - 2 * unit);
    });
  }

  it('a blank line exactly on a chunk boundary', async () => {
    const head = 'a'.repeat(CHUNK - 1);
    const text = `${head}\n\nb\n`;
    const path = tmp.file('edge.txt', text);
    const scan = await scanTextFile(path);
    expect(scan.blankLineOffsets).toEqual([CHUNK]);
    expect(await lineNumbersAt(path, scan.blankLineOffsets)).toEqual([2]);
    expect(await sha256File(path)).toBe(scan.sha256);
  });
});
