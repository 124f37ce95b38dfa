/**
 * Column names of every record kind: canonical column → aliases, and which columns are required
 * (docs/data-contract.md). Headers are compared after `foldHeader`; within a column the aliases are in
 * priority order: when a file has two headers that both name one column, the earlier alias wins and the
 * other header is kept as an unused column.
 */

export interface ColumnSpec {
  /** canonical name: the raw table's column name */
  name: string;
  /** folded alternative header names, most specific first */
  aliases: string[];
  required: boolean;
}

export interface KindSpec {
  kind: string;
  /** file names (without extension, folded) that hold this kind; also matched against XLSX sheet names */
  fileNames: string[];
  /** the build fails when the input folder has no file of this kind */
  required: boolean;
  columns: ColumnSpec[];
  /**
   * a required column may be replaced by a set of other columns: `performance.rating` is derived from the
   * two sub-ratings when absent (PermenPANRB 6/2022 matrix, shared/domain.md)
   */
  requiredUnless?: Record<string, string[]>;
}

const col = (name: string, required: boolean, aliases: string[]): ColumnSpec => ({ name, required, aliases });

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'units',
    fileNames: ['units', 'unit', 'unit_kerja', 'opd'],
    required: true,
    columns: [
      col('unit_id', true, ['id_unit', 'kode_unit', 'kode_opd', 'kode_unit_kerja', 'id_unit_kerja', 'unit_code', 'kode', 'id']),
      col('unit_name', true, ['nama_unit', 'unit_kerja', 'nama_opd', 'nama_unit_kerja', 'nama', 'name', 'opd']),
      col('parent_id', false, ['induk', 'id_induk', 'parent', 'kode_induk', 'parent_unit_id', 'kode_unit_induk', 'id_unit_induk']),
      col('unit_kind', true, ['jenis_unit', 'kind', 'jenis_unit_kerja', 'tipe_unit', 'jenis', 'type']),
      col('region_code', false, ['kode_wilayah', 'region', 'kode_daerah', 'region_id', 'kode_pemda']),
      col('region_name', false, ['nama_wilayah', 'wilayah', 'nama_daerah', 'nama_pemda', 'pemerintah_daerah', 'pemda']),
    ],
  },
  {
    kind: 'positions',
    fileNames: ['positions', 'position', 'jabatan'],
    required: true,
    columns: [
      col('position_id', true, ['id_jabatan', 'kode_jabatan', 'kode', 'id']),
      col('unit_id', true, ['kode_unit', 'id_unit', 'unit_kerja', 'kode_unit_kerja', 'kode_opd']),
      col('title', true, ['nama_jabatan', 'jabatan', 'nama', 'judul']),
      col('position_kind', true, ['jenis_jabatan', 'kategori_jabatan', 'jenis', 'kind']),
      col('class', false, ['kelas_jabatan', 'kelas', 'job_class', 'grade']),
      col('required_education', false, ['pendidikan_minimal', 'syarat_pendidikan', 'kualifikasi_pendidikan', 'pendidikan']),
      col('required_major', false, ['syarat_jurusan', 'jurusan', 'kualifikasi_jurusan', 'major']),
      col('required_competencies', false, ['syarat_kompetensi', 'kompetensi', 'competencies']),
    ],
  },
  {
    kind: 'position_tasks',
    fileNames: ['position_tasks', 'tasks', 'abk', 'uraian_tugas', 'position_task', 'tugas_jabatan'],
    required: true,
    columns: [
      col('position_id', true, ['id_jabatan', 'kode_jabatan']),
      col('task_id', true, ['kode_tugas', 'no_tugas', 'id_tugas', 'nomor_tugas']),
      col('task_name', true, ['uraian_tugas', 'tugas', 'nama_tugas', 'uraian', 'task']),
      col('annual_volume', true, ['volume', 'beban_kerja_setahun', 'volume_setahun', 'beban_kerja', 'volume_beban_kerja']),
      col('time_norm_minutes', true, ['norma_waktu', 'waktu_penyelesaian', 'norma_waktu_menit', 'waktu_penyelesaian_menit', 'time_norm']),
      col('output_unit', false, ['satuan_hasil', 'satuan']),
    ],
  },
  {
    kind: 'employees',
    fileNames: ['employees', 'employee', 'pegawai', 'asn'],
    required: true,
    columns: [
      col('nip', true, ['nip_baru', 'nomor_induk_pegawai', 'nip18']),
      col('name', true, ['nama', 'nama_lengkap', 'nama_pegawai']),
      col('status', true, ['status_kepegawaian', 'jenis_asn', 'status_pegawai', 'jenis_pegawai', 'status_asn']),
      col('golongan', false, ['gol', 'pangkat_golongan', 'gol_ruang', 'golongan_ruang', 'pangkat_gol', 'pangkat', 'rank_grade', 'grade', 'rank']),
      col('birth_date', false, ['tanggal_lahir', 'tgl_lahir', 'date_of_birth', 'tanggal_kelahiran']),
      col('sex', false, ['jenis_kelamin', 'jk', 'gender', 'l_p']),
      col('education_level', false, ['pendidikan', 'tingkat_pendidikan', 'pendidikan_terakhir', 'jenjang_pendidikan']),
      col('education_major', false, ['jurusan', 'program_studi', 'prodi', 'major']),
      col('competencies', false, ['kompetensi']),
      col('position_id', true, ['id_jabatan', 'kode_jabatan', 'jabatan']),
      col('position_since', true, ['tmt_jabatan', 'tanggal_mulai_jabatan']),
      col('appointment_date', false, ['tmt_cpns', 'tmt_pengangkatan', 'tmt_pns']),
      col('willing_to_move', false, ['bersedia_mutasi', 'kesediaan_mutasi', 'bersedia_dimutasi', 'willing_to_transfer', 'willing']),
      col('unwilling_reason', false, ['alasan_tidak_bersedia', 'alasan_tidak_bersedia_mutasi', 'reason_not_willing', 'reason_unwilling']),
    ],
  },
  {
    kind: 'workload',
    fileNames: ['workload', 'workload_monthly', 'beban_kerja'],
    required: false,
    columns: [
      col('position_id', true, ['id_jabatan', 'kode_jabatan']),
      col('task_id', true, ['kode_tugas', 'id_tugas', 'no_tugas']),
      col('month', true, ['bulan', 'periode', 'period']),
      col('volume', true, ['jumlah', 'realisasi', 'volume_realisasi']),
    ],
  },
  {
    kind: 'activity_log',
    fileNames: ['activity_log', 'activities', 'ekinerja', 'e_kinerja', 'aktivitas'],
    required: false,
    columns: [
      col('nip', true, ['nip_baru']),
      col('date', true, ['tanggal', 'tgl', 'tanggal_aktivitas']),
      col('minutes', true, ['durasi', 'menit', 'durasi_menit', 'waktu_menit']),
      col('activity', false, ['aktivitas', 'uraian', 'uraian_aktivitas', 'kegiatan', 'uraian_kegiatan']),
    ],
  },
  {
    kind: 'performance',
    fileNames: ['performance', 'kinerja', 'skp'],
    required: false,
    columns: [
      col('nip', true, ['nip_baru']),
      col('period', true, ['periode', 'tahun', 'bulan']),
      col('rating', true, ['predikat', 'predikat_kinerja', 'predikat_skp']),
      col('results_rating', false, ['hasil_kerja', 'rating_hasil_kerja']),
      col('behaviour_rating', false, ['perilaku_kerja', 'rating_perilaku', 'rating_perilaku_kerja', 'behavior_rating']),
      col('score', false, ['nilai', 'nilai_skp', 'nilai_kinerja']),
    ],
    requiredUnless: { rating: ['results_rating', 'behaviour_rating'] },
  },
  {
    kind: 'transfers',
    fileNames: ['transfers', 'transfer', 'mutasi'],
    required: false,
    columns: [
      col('nip', true, ['nip_baru']),
      col('effective_date', true, ['tmt_mutasi', 'tanggal_efektif', 'tmt']),
      col('from_position_id', false, ['jabatan_lama', 'dari_jabatan', 'id_jabatan_lama', 'kode_jabatan_lama']),
      col('to_position_id', true, ['jabatan_baru', 'ke_jabatan', 'id_jabatan_baru', 'kode_jabatan_baru']),
      col('decree_number', false, ['nomor_sk', 'no_sk']),
      col('decree_date', false, ['tanggal_sk', 'tgl_sk']),
      col('reason_category', false, ['alasan', 'kategori_alasan', 'alasan_mutasi']),
      col('approval_ref', false, ['persetujuan', 'izin_mendagri', 'nomor_persetujuan']),
    ],
  },
];

export const KIND_NAMES: readonly string[] = KINDS.map((k) => k.kind);

export function kindSpec(kind: string): KindSpec {
  const spec = KINDS.find((k) => k.kind === kind);
  if (!spec) throw new Error(`unknown record kind '${kind}' (known: ${KIND_NAMES.join(', ')})`);
  return spec;
}

/**
 * Fold a header (or a file or sheet name) for matching: strip a BOM, drop text in brackets
 * (`Tanggal Lahir (dd-mm-yyyy)`) and required-markers (`NIP*`), lowercase, and fold every run of other
 * characters than letters and digits (spaces, dots, slashes, dashes, line breaks …) to one `_`.
 */
export function foldHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** folded name → canonical column, for one kind (canonical names first, then aliases in order) */
function lookupTable(spec: KindSpec): Map<string, { column: string; priority: number }[]> {
  const table = new Map<string, { column: string; priority: number }[]>();
  for (const c of spec.columns) {
    [c.name, ...c.aliases].forEach((name, priority) => {
      const list = table.get(name) ?? [];
      list.push({ column: c.name, priority });
      table.set(name, list);
    });
  }
  return table;
}

/** How many distinct canonical columns of `kind` a row of header candidates names. */
export function countKnownColumns(kind: string, cells: readonly string[]): number {
  const table = lookupTable(kindSpec(kind));
  const seen = new Set<string>();
  for (const cell of cells) for (const hit of table.get(foldHeader(cell)) ?? []) seen.add(hit.column);
  return seen.size;
}

export interface HeaderMapping {
  /** canonical column → index of the header cell that supplies it */
  canonical: Map<string, number>;
  /** header cells not used for a canonical column: index, original text and the raw-table column name */
  unused: { index: number; header: string; column: string | null }[];
  /** required canonical columns the header lacks */
  missingRequired: string[];
  /**
   * a period given as two columns, year and month (`TAHUN`, `BULAN`): canonical column → index of the month
   * cell; `canonical` then points at the year cell, and the readers write `<year>-<month>`
   */
  combined: Map<string, number>;
}

/**
 * Period columns that exports split into a year and a month column (an SKP export's `TAHUN` and `BULAN`): when a
 * header has both, and no column that holds the whole period, they are combined (docs/data-contract.md).
 */
export const YEAR_MONTH_COLUMNS: Readonly<Record<string, { column: string; year: string[]; month: string[] }>> = {
  performance: { column: 'period', year: ['tahun', 'year', 'tahun_penilaian'], month: ['bulan', 'month', 'bulan_penilaian'] },
  workload: { column: 'month', year: ['tahun', 'year'], month: ['bulan', 'month'] },
};

/**
 * Map a header row to canonical columns. Each canonical column takes the header cell whose folded name is
 * its canonical name, else the earliest alias; one cell serves one column. Unused named cells are kept
 * under their folded name (made unique); cells with an empty header are dropped (`column: null`).
 */
export function mapHeader(kind: string, header: readonly string[]): HeaderMapping {
  const spec = kindSpec(kind);
  const folded = header.map((h) => foldHeader(h));
  const canonical = new Map<string, number>();
  const taken = new Set<number>();
  for (const c of spec.columns) {
    for (const name of [c.name, ...c.aliases]) {
      const idx = folded.findIndex((f, i) => f === name && !taken.has(i));
      if (idx >= 0) {
        canonical.set(c.name, idx);
        taken.add(idx);
        break;
      }
    }
  }
  const combined = new Map<string, number>();
  const ym = YEAR_MONTH_COLUMNS[kind];
  if (ym) {
    const at = canonical.get(ym.column);
    const yearIdx = folded.findIndex((f, i) => ym.year.includes(f) && (!taken.has(i) || i === at));
    const monthIdx = folded.findIndex((f, i) => ym.month.includes(f) && (!taken.has(i) || i === at));
    // only when the column found so far is the year or the month itself (a `periode` column wins)
    if (yearIdx >= 0 && monthIdx >= 0 && (at === undefined || at === yearIdx || at === monthIdx)) {
      canonical.set(ym.column, yearIdx);
      combined.set(ym.column, monthIdx);
      taken.add(yearIdx);
      taken.add(monthIdx);
    }
  }
  const used = new Set<string>([...spec.columns.map((c) => c.name), '_file', '_row', '_id_style']);
  const unused: HeaderMapping['unused'] = [];
  folded.forEach((f, index) => {
    if (taken.has(index)) return;
    if (f === '') {
      unused.push({ index, header: header[index] ?? '', column: null });
      return;
    }
    let name = /^[a-z_]/.test(f) ? f : `c_${f}`;
    if (used.has(name)) {
      let n = 2;
      while (used.has(`${name}_${n}`)) n++;
      name = `${name}_${n}`;
    }
    used.add(name);
    unused.push({ index, header: header[index] ?? '', column: name });
  });
  const missingRequired = spec.columns
    .filter((c) => c.required && !canonical.has(c.name))
    .filter((c) => {
      const alt = spec.requiredUnless?.[c.name];
      return !(alt && alt.every((a) => canonical.has(a)));
    })
    .map((c) => c.name);
  return { canonical, unused, missingRequired, combined };
}

/** Fold a file or sheet name and return the kind it names, if any. */
export function kindOfName(name: string): string | undefined {
  const f = foldHeader(name);
  return KINDS.find((k) => k.kind === f || k.fileNames.includes(f))?.kind;
}
