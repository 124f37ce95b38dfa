// The notebook format: which fences are cells, their line numbers, and how module lines map back to the notebook.
import { describe, expect, it } from 'vitest';
import { cellsOf, NotebookSyntaxError, parseNotebook } from '../../notebooks/runner/parse.ts';
import { compileCells, lineMap } from '../../notebooks/runner/compile.ts';
import { table } from '../../notebooks/runner/output.ts';

const NB = [
  '# Judul', //           1
  '', //                  2
  'Prosa.', //            3
  '', //                  4
  '```sql units', //      5
  'SELECT 1 AS x', //     6
  '```', //               7
  '', //                  8
  '```text', //           9  not a cell: shown as code
  'just text', //         10
  '```', //               11
  '', //                  12
  '- a list with a cell inside', // 13
  '', //                  14
  '  ```ts', //           15
  '  const a = units.length;', // 16
  '  const b = a + 1;', // 17
  '  ```', //             18
].join('\n');

describe('parseNotebook', () => {
  it('finds sql and ts fences as cells, with their lines, and keeps the rest as prose', () => {
    const { title, blocks } = parseNotebook(NB);
    expect(title).toBe('Judul');
    const cells = cellsOf(blocks);
    expect(cells.map((c) => [c.index, c.kind, c.name, c.line])).toEqual([
      [1, 'sql', 'units', 5],
      [2, 'ts', null, 15],
    ]);
    expect(cells[1]!.source).toBe('const a = units.length;\nconst b = a + 1;\n');
    const prose = blocks.filter((b) => b.type === 'prose').flatMap((b) => (b.type === 'prose' ? b.tokens : []));
    expect(prose.some((t) => t.type === 'fence' && t.info === 'text')).toBe(true);
  });

  it('a sql cell needs a free name', () => {
    expect(() => parseNotebook('```sql\nSELECT 1\n```\n')).toThrow(NotebookSyntaxError);
    expect(() => parseNotebook('\n```sql display\nSELECT 1\n```\n')).toThrow(/taken by the runner/);
    const err = (() => {
      try {
        parseNotebook('a\n\n```sql 1x\nSELECT 1\n```\n');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(NotebookSyntaxError);
    expect((err as NotebookSyntaxError).line).toBe(3);
  });
});

describe('compileCells and lineMap', () => {
  it('maps every line of the module back to its cell and notebook line', () => {
    const cells = cellsOf(parseNotebook(NB).blocks);
    const c = compileCells(cells, 'nb.md');
    const lines = c.source.split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(lineMap(c, at('const b = a + 1'))).toEqual({ cell: cells[1], line: 17 });
    expect(lineMap(c, at('const a = units.length'))).toEqual({ cell: cells[1], line: 16 });
    expect(lineMap(c, at('nb.sqlCell'))?.cell).toBe(cells[0]);
    expect(lineMap(c, 1)).toBeNull();
  });
});

describe('table', () => {
  it('escapes values, right-aligns numbers in Indonesian format and says how many rows were left out', () => {
    const html = table([{ unit: '<b>Dinas</b>', ej: 1.2345 }, { unit: 'B', ej: 2 }, { unit: 'C', ej: 3 }], { limit: 2 }).html;
    expect(html).toContain('&lt;b&gt;Dinas&lt;/b&gt;');
    expect(html).toContain('<td class="num">1,23</td>');
    expect(html).toContain('… dan 1 baris lain');
  });
});
