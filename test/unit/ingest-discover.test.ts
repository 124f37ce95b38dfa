// Input discovery (pipeline/ingest/discover.ts), header folding and alias mapping (aliases.ts), the header
// search (header.ts) and createEmptyRaw.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  ALL_KINDS, IngestError, REQUIRED_KINDS, createEmptyRaw, discoverInputs, foldHeader, mapHeader, missingRequiredKinds,
} from '../../pipeline/ingest/index.ts';
import { findHeaderRow } from '../../pipeline/ingest/header.ts';
import { columns, openDb, tempDir, thrown } from './ingest-fixtures.ts';

const tmps: ReturnType<typeof tempDir>[] = [];
const folder = (files: string[]): string => {
  const t = tempDir();
  tmps.push(t);
  for (const f of files) {
    if (f.endsWith('/')) mkdirSync(join(t.dir, f), { recursive: true });
    else t.file(f, 'x');
  }
  return t.dir;
};
afterAll(() => tmps.forEach((t) => t.remove()));

describe('discoverInputs', () => {
  it('finds one file per kind by Indonesian or English name, any case, - or _', async () => {
    const dir = folder(['Unit-Kerja.xlsx', 'jabatan.csv', 'ABK.CSV', 'pegawai.txt', 'beban_kerja.parquet', 'e-kinerja.csv', 'SKP.xlsx', 'mutasi.csv', 'pengaturan.yaml']);
    const found = await discoverInputs(dir);
    expect(Object.fromEntries([...found.files].map(([k, p]) => [k, p.slice(dir.length + 1)]))).toEqual({
      units: 'Unit-Kerja.xlsx', positions: 'jabatan.csv', position_tasks: 'ABK.CSV', employees: 'pegawai.txt',
      workload: 'beban_kerja.parquet', activity_log: 'e-kinerja.csv', performance: 'SKP.xlsx', transfers: 'mutasi.csv',
    });
    expect(found.settingsPath).toBe(join(dir, 'pengaturan.yaml'));
    expect(found.warnings).toEqual([]);
    expect(missingRequiredKinds(found.files)).toEqual([]);
  });

  it('lists unknown files and folders, ignores _ and . names and Excel lock files silently', async () => {
    const dir = folder(['units.csv', 'positions.csv', 'readme.md', 'foto.png', 'arsip/', '_truth/', '_catatan.csv', '.DS_Store', '~$pegawai.xlsx', 'pegawai.xls']);
    const found = await discoverInputs(dir);
    expect([...found.files.keys()]).toEqual(['units', 'positions']);
    expect(found.settingsPath).toBeUndefined();
    expect(found.warnings).toHaveLength(4);
    expect(found.warnings.find((w) => w.startsWith('pegawai.xls:'))).toMatch(/looks like the employees file.*save it as \.xlsx/);
    expect(found.warnings.find((w) => w.startsWith('arsip/'))).toMatch(/folder ignored/);
    expect(found.warnings.find((w) => w.startsWith('readme.md'))).toMatch(/not a known input file name/);
    expect(missingRequiredKinds(found.files)).toEqual(['position_tasks', 'employees']);
  });

  it('two files for one kind is an error naming both', async () => {
    const dir = folder(['pegawai.csv', 'employees.xlsx', 'units.csv']);
    const err = await thrown(() => discoverInputs(dir));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toMatch(/two files for employees: employees\.xlsx and pegawai\.csv/);
  });

  it('two settings files is an error', async () => {
    const err = await thrown(() => discoverInputs(folder(['settings.yaml', 'settings.json'])));
    expect(err).toBeInstanceOf(IngestError);
  });

  it('a missing folder is an IngestError', async () => {
    expect(await thrown(() => discoverInputs('/nonexistent/seimbang-input'))).toBeInstanceOf(IngestError);
  });

  it('exports the kinds for the orchestrator', () => {
    expect(ALL_KINDS).toEqual(['units', 'positions', 'position_tasks', 'employees', 'workload', 'activity_log', 'performance', 'transfers']);
    expect(REQUIRED_KINDS).toEqual(['units', 'positions', 'position_tasks', 'employees']);
  });
});

describe('foldHeader', () => {
  it.each([
    ['NIP', 'nip'], ['  Nama Lengkap ', 'nama_lengkap'], ['\uFEFFkode_unit', 'kode_unit'], ['Tgl. Lahir', 'tgl_lahir'],
    ['Gol/Ruang', 'gol_ruang'], ['TMT-Jabatan', 'tmt_jabatan'], ['L/P', 'l_p'], ['NIP*', 'nip'], ['Tanggal Lahir (dd-mm-yyyy)', 'tanggal_lahir'],
    ['Norma Waktu [menit]', 'norma_waktu'], ['Tanggal\nLahir', 'tanggal_lahir'], ['No.', 'no'], ['', ''],
  ])('foldHeader(%j) = %j', (h, f) => expect(foldHeader(h)).toBe(f));
});

describe('mapHeader', () => {
  it('takes the canonical name first, then aliases in order; leftover headers are unused', () => {
    const m = mapHeader('employees', ['Jabatan', 'ID Jabatan', 'NIP', 'Nama', 'Status', 'TMT Jabatan', 'Keterangan', '']);
    expect(m.canonical.get('position_id')).toBe(1);
    expect(m.canonical.get('nip')).toBe(2);
    expect(m.unused.map((u) => [u.header, u.column])).toEqual([['Jabatan', 'jabatan'], ['Keterangan', 'keterangan'], ['', null]]);
    expect(m.missingRequired).toEqual([]);
  });
  it('performance: the predicate may be replaced by both sub-ratings', () => {
    expect(mapHeader('performance', ['nip', 'periode', 'hasil_kerja', 'perilaku_kerja']).missingRequired).toEqual([]);
    expect(mapHeader('performance', ['nip', 'periode', 'hasil_kerja']).missingRequired).toEqual(['rating']);
  });
  it('unknown kind', () => {
    expect(() => mapHeader('gaji', ['a'])).toThrow(/unknown record kind/);
  });
});

describe('findHeaderRow', () => {
  it('the first of rows 1–30 naming two known columns', () => {
    const rows = [
      { row: 1, cells: ['Daftar Unit', 'NIP'] },
      { row: 2, cells: ['Kode Unit', 'x'] },
      { row: 3, cells: ['Kode Unit', 'Nama Unit', 'Jenis'] },
      { row: 4, cells: ['kode_unit', 'nama_unit'] },
    ];
    expect(findHeaderRow('units', rows)?.row).toBe(3);
    expect(findHeaderRow('units', [{ row: 31, cells: ['kode_unit', 'nama_unit'] }])).toBeUndefined();
  });
});

describe('createEmptyRaw', () => {
  let conn: DuckDBConnection;
  let close: () => void;
  beforeAll(async () => ({ conn, close } = await openDb()));
  afterAll(() => close());
  it('makes raw_<kind> with every canonical column and no rows', async () => {
    await createEmptyRaw(conn, 'workload');
    expect(await columns(conn, 'raw_workload')).toEqual([
      { name: 'position_id', type: 'VARCHAR' }, { name: 'task_id', type: 'VARCHAR' }, { name: 'month', type: 'VARCHAR' },
      { name: 'volume', type: 'VARCHAR' }, { name: '_file', type: 'VARCHAR' }, { name: '_row', type: 'INTEGER' }, { name: '_id_style', type: 'BOOLEAN' },
    ]);
  });
});
