// CSV reader (pipeline/ingest/csv.ts via loadRaw): DuckDB read_csv with the header found among the first 30
// lines, `;` or `,`, BOM, blank lines, trailing empty rows, encodings, and the errors a user can act on.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { IngestError, loadRaw } from '../../pipeline/ingest/index.ts';
import { EMPLOYEE_COLUMNS, columns, openDb, rows, tempDir, thrown } from './ingest-fixtures.ts';

let conn: DuckDBConnection;
let close: () => void;
const tmp = tempDir();
beforeAll(async () => ({ conn, close } = await openDb()));
afterAll(() => {
  close();
  tmp.remove();
});

const BOM = '\uFEFF';

describe('semicolon CSV with BOM and Indonesian headers (the Excel export)', () => {
  const text =
    BOM +
    'NIP;Nama Lengkap;Status Kepegawaian;Gol/Ruang;Tgl. Lahir;Jenis Kelamin;Jabatan;TMT Jabatan;Bersedia Mutasi;Catatan Khusus\n' +
    '19660801 198803 1 001;Budi Santoso;PNS;III/a;01-08-1966;L;J-001;01-01-2020;ya;pindahan\n' +
    '198507142023212012; Ani Lestari ;PPPK;IX;14-07-1985;P;J-002;01.02.2023;;\n' +
    '197001011995031002;"Siti; S.Pd";PNS;IV/b;1.234,5;P;J-003;2021-03-01;tidak;"kata ""kutip"""\n';
  let path: string;
  beforeAll(() => {
    path = tmp.file('pegawai.csv', text);
  });

  it('reads every row as text under canonical names, with _file, _row and _id_style', async () => {
    const raw = await loadRaw(conn, 'employees', path);
    expect(raw).toMatchObject({
      kind: 'employees', file: 'pegawai.csv', format: 'csv', headerRow: 1, delimiter: ';', idNumberStyle: true, rows: 3,
      unusedColumns: ['Catatan Khusus'],
    });
    expect(raw.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    const cols = await columns(conn, 'raw_employees');
    expect(cols.map((c) => c.name)).toEqual([...EMPLOYEE_COLUMNS, 'catatan_khusus', '_file', '_row', '_id_style']);
    expect(cols.find((c) => c.name === '_row')?.type).toBe('INTEGER');
    expect(cols.find((c) => c.name === '_id_style')?.type).toBe('BOOLEAN');
    expect(cols.filter((c) => !c.name.startsWith('_')).every((c) => c.type === 'VARCHAR')).toBe(true);
    const r = await rows(conn, 'SELECT nip, name, golongan, birth_date, position_since, willing_to_move, education_level, catatan_khusus, _file, _row, _id_style FROM raw_employees ORDER BY _row');
    expect(r).toEqual([
      { nip: '19660801 198803 1 001', name: 'Budi Santoso', golongan: 'III/a', birth_date: '01-08-1966', position_since: '01-01-2020', willing_to_move: 'ya', education_level: null, catatan_khusus: 'pindahan', _file: 'pegawai.csv', _row: 2, _id_style: true },
      { nip: '198507142023212012', name: 'Ani Lestari', golongan: 'IX', birth_date: '14-07-1985', position_since: '01.02.2023', willing_to_move: null, education_level: null, catatan_khusus: null, _file: 'pegawai.csv', _row: 3, _id_style: true },
      { nip: '197001011995031002', name: 'Siti; S.Pd', golongan: 'IV/b', birth_date: '1.234,5', position_since: '2021-03-01', willing_to_move: 'tidak', education_level: null, catatan_khusus: 'kata "kutip"', _file: 'pegawai.csv', _row: 4, _id_style: true },
    ]);
  });
});

describe('title rows, blank lines and trailing empty rows', () => {
  it('finds the header below title rows and numbers rows as a spreadsheet does', async () => {
    const path = tmp.file(
      'units.csv',
      'Daftar Unit Kerja\nPemerintah Kota Contoh, 2024\n\nKode Unit,Nama Unit,Induk,Jenis Unit\n' +
        'U1,Sekretariat Daerah,,sekretariat\nU2,"Bagian Umum, Setda",U1,bagian\n\nU3,Dinas Pendidikan,,dinas\n,,,\nU4,Kecamatan A,,kecamatan\n,,,\n\n,,,\n\n',
    );
    const raw = await loadRaw(conn, 'units', path);
    expect(raw).toMatchObject({ headerRow: 4, delimiter: ',', idNumberStyle: false, rows: 5, unusedColumns: [] });
    const r = await rows(conn, 'SELECT unit_id, unit_name, parent_id, unit_kind, region_code, _row FROM raw_units ORDER BY _row');
    expect(r).toEqual([
      { unit_id: 'U1', unit_name: 'Sekretariat Daerah', parent_id: null, unit_kind: 'sekretariat', region_code: null, _row: 5 },
      { unit_id: 'U2', unit_name: 'Bagian Umum, Setda', parent_id: 'U1', unit_kind: 'bagian', region_code: null, _row: 6 },
      { unit_id: 'U3', unit_name: 'Dinas Pendidikan', parent_id: null, unit_kind: 'dinas', region_code: null, _row: 8 },
      // an empty row between data rows is kept (staging decides); only trailing empty rows are dropped
      { unit_id: null, unit_name: null, parent_id: null, unit_kind: null, region_code: null, _row: 9 },
      { unit_id: 'U4', unit_name: 'Kecamatan A', parent_id: null, unit_kind: 'kecamatan', region_code: null, _row: 10 },
    ]);
  });

  it('handles CRLF line endings and many blank lines', async () => {
    const lines = ['Judul', '', 'id_jabatan;kode_tugas;bulan;jumlah', 'J1;T1;2024-01;10', '', '', 'J1;T1;2024-02;1.234', '', 'J1;T2;2024-03;5,5', ''];
    const path = tmp.file('workload.csv', lines.join('\r\n'));
    const raw = await loadRaw(conn, 'workload', path);
    expect(raw).toMatchObject({ headerRow: 3, delimiter: ';', idNumberStyle: true, rows: 3 });
    const r = await rows(conn, 'SELECT position_id, task_id, "month", volume, _row FROM raw_workload ORDER BY _row');
    expect(r).toEqual([
      { position_id: 'J1', task_id: 'T1', month: '2024-01', volume: '10', _row: 4 },
      { position_id: 'J1', task_id: 'T1', month: '2024-02', volume: '1.234', _row: 7 },
      { position_id: 'J1', task_id: 'T2', month: '2024-03', volume: '5,5', _row: 9 },
    ]);
  });

  it('trims spaces, tabs and no-break spaces and makes empty values NULL', async () => {
    const path = tmp.file('jabatan.csv', 'id_jabatan,kode_unit,nama_jabatan,jenis_jabatan,kelas\n  J1\t, U1 ,\u00a0Analis Data\u00a0,fungsional,   \n"  ",U1,Pengadministrasi,pelaksana,""\n');
    await loadRaw(conn, 'positions', path);
    const r = await rows(conn, 'SELECT position_id, unit_id, title, class, _row FROM raw_positions ORDER BY _row');
    expect(r).toEqual([
      { position_id: 'J1', unit_id: 'U1', title: 'Analis Data', class: null, _row: 2 },
      { position_id: null, unit_id: 'U1', title: 'Pengadministrasi', class: null, _row: 3 },
    ]);
  });

  it('a header-only file loads zero rows', async () => {
    const raw = await loadRaw(conn, 'transfers', tmp.file('mutasi.csv', 'nip;tmt_mutasi;jabatan_baru\n'));
    expect(raw.rows).toBe(0);
    expect(await rows(conn, 'SELECT count(*)::INTEGER AS n FROM raw_transfers')).toEqual([{ n: 0 }]);
  });

  it('pads short rows with NULL (a missing trailing value) and keeps row numbers', async () => {
    const path = tmp.file('abk.csv', 'id_jabatan,kode_tugas,uraian_tugas,volume,norma_waktu,satuan_hasil\nJ1,T1,Menyusun laporan,12,120,laporan\nJ1,T2,Mengarsip,200,15\nJ1,T3,"Rapat,\nkoordinasi",24,60,kali\n');
    const raw = await loadRaw(conn, 'position_tasks', path);
    expect(raw.rows).toBe(3);
    const r = await rows(conn, 'SELECT task_id, task_name, output_unit, _row FROM raw_position_tasks ORDER BY _row');
    expect(r).toEqual([
      { task_id: 'T1', task_name: 'Menyusun laporan', output_unit: 'laporan', _row: 2 },
      { task_id: 'T2', task_name: 'Mengarsip', output_unit: null, _row: 3 },
      { task_id: 'T3', task_name: 'Rapat,\nkoordinasi', output_unit: 'kali', _row: 4 },
    ]);
  });
});

describe('other encodings and layouts', () => {
  it("reads Excel's 'Unicode Text' (UTF-16LE, tab-delimited)", async () => {
    const text = '\uFEFFNIP\tTanggal\tDurasi\tAktivitas\n196608011988031001\t2024-01-02\t90\tRapat koordinasi ✓\n196608011988031001\t2024-01-03\t30\tSurat-menyurat\n';
    const raw = await loadRaw(conn, 'activity_log', tmp.file('aktivitas.txt', Buffer.from(text, 'utf16le')));
    expect(raw).toMatchObject({ delimiter: '\t', idNumberStyle: false, rows: 2, headerRow: 1 });
    expect(await rows(conn, 'SELECT nip, "date", minutes, activity, _row FROM raw_activity_log ORDER BY _row')).toEqual([
      { nip: '196608011988031001', date: '2024-01-02', minutes: '90', activity: 'Rapat koordinasi ✓', _row: 2 },
      { nip: '196608011988031001', date: '2024-01-03', minutes: '30', activity: 'Surat-menyurat', _row: 3 },
    ]);
  });

  it('keeps unknown columns under folded names and lists them', async () => {
    const path = tmp.file('skp.csv', 'NIP,Periode,Predikat,Keterangan (opsional),Keterangan,2024\n196608011988031001,2024,Baik,a,b,c\n');
    const raw = await loadRaw(conn, 'performance', path);
    expect(raw.unusedColumns).toEqual(['Keterangan (opsional)', 'Keterangan', '2024']);
    const cols = (await columns(conn, 'raw_performance')).map((c) => c.name);
    expect(cols).toEqual(['nip', 'period', 'rating', 'results_rating', 'behaviour_rating', 'score', 'keterangan', 'keterangan_2', 'c_2024', '_file', '_row', '_id_style']);
  });

  it('accepts a performance file without a predicate when both sub-ratings are there', async () => {
    const path = tmp.file('kinerja.csv', 'nip;tahun;hasil_kerja;perilaku_kerja\n196608011988031001;2024;sesuai ekspektasi;di atas ekspektasi\n');
    expect((await loadRaw(conn, 'performance', path)).rows).toBe(1);
    expect(await rows(conn, 'SELECT rating, results_rating, behaviour_rating FROM raw_performance')).toEqual([
      { rating: null, results_rating: 'sesuai ekspektasi', behaviour_rating: 'di atas ekspektasi' },
    ]);
  });
});

describe('errors the user can act on', () => {
  it('a missing required column names the file, the column and the header found', async () => {
    const path = tmp.file('pegawai-kurang.csv', 'Judul\nNIP;Nama;Status;Jabatan\n196608011988031001;Budi;PNS;J1\n');
    const err = await thrown(() => loadRaw(conn, 'employees', path));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.file).toBe('pegawai-kurang.csv');
    expect(err.column).toBe('position_since');
    expect(err.row).toBe(2);
    expect(err.message).toContain('pegawai-kurang.csv');
    expect(err.message).toContain('position_since');
    expect(err.message).toContain('NIP, Nama, Status, Jabatan');
  });

  it('a Latin-1 file is reported as not UTF-8, with the fix', async () => {
    const path = tmp.file('unit-latin1.csv', Buffer.from('kode_unit;nama_unit;jenis_unit\nU1;Dinas Pariwisata & Budaya Caf\xe9;dinas\n', 'latin1'));
    const err = await thrown(() => loadRaw(conn, 'units', path));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toMatch(/not UTF-8/);
    expect(err.message).toMatch(/CSV UTF-8/);
    expect(err.row).toBe(2);
  });

  it('a Latin-1 byte far into the file (past the header sniff) is caught from DuckDB and mapped', async () => {
    const good = 'U1;Dinas;dinas\n'.repeat(90_000);
    const buf = Buffer.concat([Buffer.from('kode_unit;nama_unit;jenis_unit\n' + good), Buffer.from('U2;Caf\xe9;dinas\n', 'latin1')]);
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('unit-deep.csv', buf)));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toMatch(/not UTF-8/);
    expect(err.row).toBe(90_002);
  });

  it('a row with more values than the header names the row', async () => {
    const path = tmp.file('unit-lebar.csv', 'kode_unit,nama_unit,jenis_unit\nU1,Dinas,dinas\nU2,Bagian Umum, Setda,bagian\n');
    const err = await thrown(() => loadRaw(conn, 'units', path));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.row).toBe(3);
    expect(err.message).toMatch(/4 values but the header \(row 1\) has 3 columns/);
  });

  it('no header among the first 30 rows', async () => {
    const path = tmp.file('opd.csv', 'a,b,c\n1,2,3\n');
    const err = await thrown(() => loadRaw(conn, 'units', path));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toMatch(/no header row found for units/);
  });

  it('a binary file renamed to .csv', async () => {
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('unit-bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x6b, 0x6f, 0x64, 0x65]))));
    expect(err).toBeInstanceOf(IngestError);
  });
});

describe('row order on a file large enough for the parallel reader', () => {
  it('_row follows the file for 2.5M rows (rowid of the CTAS keeps insertion order)', async () => {
    const path = `${tmp.dir}/activities.csv`;
    await conn.run(`COPY (SELECT '1966080119880310' || lpad(CAST(i % 100 AS VARCHAR), 2, '0') AS nip, i AS tanggal, 30 AS menit
                         FROM range(2500000) t(i)) TO '${path}' (HEADER, DELIMITER ',')`);
    const raw = await loadRaw(conn, 'activity_log', path);
    expect(raw.rows).toBe(2_500_000);
    expect(await rows(conn, `SELECT count(*)::INTEGER AS bad FROM raw_activity_log WHERE CAST("date" AS INTEGER) + 2 <> _row`)).toEqual([{ bad: 0 }]);
  }, 60_000);

  it.each([
    ['quoted values with a comma and a line break', 997, 0],
    ['blank lines', 0, 5000],
    ['both', 997, 5000],
  ])('a file of a few MB is read in small buffers by both threads (%s): rows, values, row numbers as in the file', async (_, quoted, blankEvery) => {
    // 150,000 records (~6 MB: read_csv gets 2 MiB buffers, csv.ts); a quoted name with a comma and a line break
    // every `quoted` records (some cross a buffer's end), or a blank line after every `blankEvery`-th record
    const n = 150_000;
    const parts = ['Kode Unit,Nama Unit,Induk,Jenis Unit\n'];
    for (let i = 0; i < n; i++) {
      const name = quoted && i % quoted === 0 ? `"Unit ${i}, baris\nkedua"` : `Unit nomor ${i} di kota contoh`;
      parts.push(`U${i},${name},U0,dinas\n`);
      if (blankEvery && i % blankEvery === blankEvery - 1) parts.push('\n');
    }
    const path = tmp.file('units_big.csv', parts.join(''));
    expect(readFileSync(path).length).toBeGreaterThan(4 << 20);
    const raw = await loadRaw(conn, 'units', path);
    expect(raw.rows).toBe(n);
    const i = 'CAST(substr(unit_id, 2) AS INTEGER)';
    const check = await rows(conn, `
      SELECT count(*)::INTEGER AS n,
             count(*) FILTER (WHERE _row <> ${i} + 2 + ${blankEvery ? `${i} // ${blankEvery}` : '0'})::INTEGER AS bad_row,
             count(*) FILTER (WHERE unit_name <> CASE WHEN ${quoted ? `${i} % ${quoted} = 0` : 'false'}
                                                     THEN 'Unit ' || ${i} || ', baris' || chr(10) || 'kedua'
                                                     ELSE 'Unit nomor ' || ${i} || ' di kota contoh' END)::INTEGER AS bad_name,
             count(*) FILTER (WHERE rowid <> ${i})::INTEGER AS out_of_order
      FROM raw_units`);
    expect(check).toEqual([{ n, bad_row: 0, bad_name: 0, out_of_order: 0 }]);
  }, 60_000);
});

describe('options', () => {
  it('temporary: the raw data stays in TEMP storage and raw_<kind> is a temp view with _row from the rowid', async () => {
    const path = tmp.file('unit-temp.csv', 'kode_unit;nama_unit;jenis_unit;\nU1;Dinas;dinas;\nU2;Badan;badan;\n;;;\n');
    const raw = await loadRaw(conn, 'units', path, { temporary: true });
    expect(raw.rows).toBe(2);
    expect(raw.unusedColumns).toEqual([]); // the empty column after the trailing ';' is dropped, not listed
    expect(await rows(conn, `SELECT view_name FROM duckdb_views() WHERE database_name = 'temp'`)).toEqual([{ view_name: 'raw_units' }]);
    expect(await rows(conn, `SELECT table_name FROM duckdb_tables() WHERE database_name = 'temp'`)).toEqual([{ table_name: 'raw_units__data' }]);
    expect((await rows(conn, 'DESCRIBE raw_units')).map((c) => `${c.column_name} ${c.column_type}`)).toEqual([
      'unit_id VARCHAR', 'unit_name VARCHAR', 'parent_id VARCHAR', 'unit_kind VARCHAR', 'region_code VARCHAR', 'region_name VARCHAR', '_file VARCHAR', '_row INTEGER', '_id_style BOOLEAN',
    ]);
    expect(await rows(conn, 'SELECT unit_id, _file, _row, _id_style FROM raw_units ORDER BY _row')).toEqual([
      { unit_id: 'U1', _file: 'unit-temp.csv', _row: 2, _id_style: true },
      { unit_id: 'U2', _file: 'unit-temp.csv', _row: 3, _id_style: true },
    ]);
  });

  it('temporary with blank lines: _row is stored; a later normal load is not shadowed by the temp objects', async () => {
    const path = tmp.file('unit-temp2.csv', 'kode_unit;nama_unit;jenis_unit\n\nU1;Dinas;dinas\n\nU2;Badan;badan\n');
    await loadRaw(conn, 'units', path, { temporary: true });
    expect(await rows(conn, 'SELECT unit_id, _row FROM raw_units ORDER BY _row')).toEqual([{ unit_id: 'U1', _row: 3 }, { unit_id: 'U2', _row: 5 }]);
    await loadRaw(conn, 'units', tmp.file('unit-main.csv', 'kode_unit;nama_unit;jenis_unit\nU9;X;dinas\n'));
    expect(await rows(conn, `SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE database_name = 'temp' AND view_name = 'raw_units'`)).toEqual([{ n: 0 }]);
    expect(await rows(conn, 'SELECT unit_id, _row FROM raw_units')).toEqual([{ unit_id: 'U9', _row: 2 }]);
  });
});
