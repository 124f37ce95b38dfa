/**
 * Same seed + scale ⇒ byte-identical files (XLSX included: workbook dates and zip entry times are fixed);
 * another seed ⇒ other data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../tools/sample/generate.ts';
import { hashTree } from './sample-helpers.ts';

let root = '';
let a: Record<string, string> = {};
let b: Record<string, string> = {};
let c: Record<string, string> = {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'seimbang-sample-det-'));
  await generateSample({ out: join(root, 'a'), scale: 'city', seed: 42 });
  await generateSample({ out: join(root, 'b'), scale: 'city', seed: 42 });
  await generateSample({ out: join(root, 'c'), scale: 'city', seed: 7 });
  a = hashTree(join(root, 'a'));
  b = hashTree(join(root, 'b'));
  c = hashTree(join(root, 'c'));
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('sample determinism (city scale)', () => {
  it('writes the expected files', () => {
    expect(Object.keys(a).sort()).toEqual([
      '_truth/max_tenure.csv', '_truth/panel_unit_month.csv', '_truth/truth.json', '_truth/unit_design.csv',
      'abk.csv', 'beban_kerja.csv', 'jabatan.csv', 'kinerja.csv', 'mutasi.xlsx', 'pegawai.csv', 'settings.yaml', 'units.xlsx',
    ]);
  });

  it('gives byte-identical files for the same seed, XLSX included', () => {
    expect(b).toEqual(a);
  });

  it('gives different data for another seed', () => {
    for (const f of ['pegawai.csv', 'kinerja.csv', 'beban_kerja.csv', 'mutasi.xlsx', 'units.xlsx']) expect(c[f]).not.toBe(a[f]);
  });
});
