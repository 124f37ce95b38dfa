// Parquet reader (pipeline/ingest/parquet.ts via loadRaw): read_parquet, every column cast to VARCHAR,
// aliases applied; _row = record index + 2 (the column names count as row 1, like a header).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { IngestError, loadRaw } from '../../pipeline/ingest/index.ts';
import { columns, openDb, rows, tempDir, thrown } from './ingest-fixtures.ts';

let conn: DuckDBConnection;
let close: () => void;
const tmp = tempDir();
beforeAll(async () => ({ conn, close } = await openDb()));
afterAll(() => {
  close();
  tmp.remove();
});

describe('a Parquet file written by DuckDB', () => {
  it('reads typed columns as text under canonical names', async () => {
    const path = `${tmp.dir}/mutasi.parquet`;
    await conn.run(`COPY (
      SELECT * FROM (VALUES
        (196608011988031001::BIGINT, DATE '2024-03-01', 'J1', 'J2', '800/12/2024', TIMESTAMP '2024-02-20 10:00:00', 'rotasi_berkala', 1.5::DOUBLE, true),
        (198507142023212012::BIGINT, DATE '2024-07-01', NULL, '  J3 ', '', NULL, NULL, 2::DOUBLE, false)
      ) t("NIP", "TMT Mutasi", "Jabatan Lama", "Jabatan Baru", "Nomor SK", "Tanggal SK", "Alasan", "Bobot", "Aktif")
    ) TO '${path}' (FORMAT parquet)`);
    const raw = await loadRaw(conn, 'transfers', path);
    expect(raw).toMatchObject({ format: 'parquet', headerRow: 1, idNumberStyle: false, rows: 2, unusedColumns: ['Bobot', 'Aktif'] });
    expect(raw.sha256).toMatch(/^[0-9a-f]{64}$/);
    const cols = await columns(conn, 'raw_transfers');
    expect(cols.map((c) => c.name)).toEqual([
      'nip', 'effective_date', 'from_position_id', 'to_position_id', 'decree_number', 'decree_date', 'reason_category', 'approval_ref',
      'bobot', 'aktif', '_file', '_row', '_id_style',
    ]);
    expect(cols.filter((c) => !c.name.startsWith('_')).every((c) => c.type === 'VARCHAR')).toBe(true);
    expect(await rows(conn, 'SELECT * FROM raw_transfers ORDER BY _row')).toEqual([
      { nip: '196608011988031001', effective_date: '2024-03-01', from_position_id: 'J1', to_position_id: 'J2', decree_number: '800/12/2024',
        decree_date: '2024-02-20 10:00:00', reason_category: 'rotasi_berkala', approval_ref: null, bobot: '1.5', aktif: 'true',
        _file: 'mutasi.parquet', _row: 2, _id_style: false },
      { nip: '198507142023212012', effective_date: '2024-07-01', from_position_id: null, to_position_id: 'J3', decree_number: null,
        decree_date: null, reason_category: null, approval_ref: null, bobot: '2.0', aktif: 'false',
        _file: 'mutasi.parquet', _row: 3, _id_style: false },
    ]);
  });

  it('keeps record order across row groups', async () => {
    const path = `${tmp.dir}/activity_log.parquet`;
    await conn.run(`COPY (SELECT '196608011988031001' AS nip, i AS tanggal, 30 AS menit FROM range(300000) t(i))
                    TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 10000)`);
    expect((await loadRaw(conn, 'activity_log', path)).rows).toBe(300_000);
    expect(await rows(conn, 'SELECT count(*)::INTEGER AS bad FROM raw_activity_log WHERE CAST("date" AS INTEGER) + 2 <> _row')).toEqual([{ bad: 0 }]);
  });

  it('drops trailing empty records', async () => {
    const path = `${tmp.dir}/unit.parquet`;
    await conn.run(`COPY (SELECT * FROM (VALUES ('U1', 'Dinas', 'dinas'), (NULL, NULL, NULL), ('U2', 'Badan', 'badan'), (NULL, '', ' '), (NULL, NULL, NULL))
                    t(kode_unit, nama_unit, jenis_unit)) TO '${path}' (FORMAT parquet)`);
    expect((await loadRaw(conn, 'units', path)).rows).toBe(3);
    expect(await rows(conn, 'SELECT unit_id, _row FROM raw_units ORDER BY _row')).toEqual([
      { unit_id: 'U1', _row: 2 }, { unit_id: null, _row: 3 }, { unit_id: 'U2', _row: 4 },
    ]);
  });
});

describe('errors', () => {
  it('a missing required column', async () => {
    const path = `${tmp.dir}/positions.parquet`;
    await conn.run(`COPY (SELECT 'J1' AS id_jabatan, 'U1' AS kode_unit, 'Analis' AS nama_jabatan) TO '${path}' (FORMAT parquet)`);
    const err = await thrown(() => loadRaw(conn, 'positions', path));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.file).toBe('positions.parquet');
    expect(err.column).toBe('position_kind');
    expect(err.message).toContain('id_jabatan, kode_unit, nama_jabatan');
  });

  it('a file that is not Parquet', async () => {
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('units.parquet', 'kode_unit,nama_unit\nU1,A\n')));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toMatch(/cannot read the Parquet file/);
  });
});

describe('options', () => {
  it('temporary: raw_<kind> is a TEMP table', async () => {
    const path = `${tmp.dir}/units-temp.parquet`;
    await conn.run(`COPY (SELECT 'U1' AS kode_unit, 'Dinas' AS nama_unit, 'dinas' AS jenis_unit) TO '${path}' (FORMAT parquet)`);
    await loadRaw(conn, 'units', path, { temporary: true });
    expect(await rows(conn, `SELECT table_name FROM duckdb_tables() WHERE database_name = 'temp'`)).toEqual([{ table_name: 'raw_units' }]);
    expect(await rows(conn, 'SELECT unit_id, _file, _row FROM raw_units')).toEqual([{ unit_id: 'U1', _file: 'units-temp.parquet', _row: 2 }]);
  });
});
