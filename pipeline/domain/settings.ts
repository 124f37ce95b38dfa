/**
 * Settings: every number that comes from a regulation or a regional choice lives here, once, with its source.
 * An input folder may carry `settings.yaml` / `settings.json` that overrides any of these (deep merge);
 * the build stores the settings it used in `build_info` and in the `setting` table, and the SQL models read
 * them from there, so SQL and TypeScript use the same values.
 */

export interface EjGrade {
  /** lower bound of EJ for this grade (inclusive unless `exclusive`) */
  min: number;
  /** true: EJ must be strictly greater than `min` (the "> 1.00" row of the table) */
  exclusive?: boolean;
  grade: string;
  label_id: string;
  label_en: string;
}

export interface ElectionWindow {
  region_code: string;
  /** penetapan pasangan calon (candidate pairs determined) */
  candidate_determination: string;
  /** end of the ban: end of the incumbent's term / inauguration of the elected head */
  ban_end: string;
}

/** A retirement-age rule: the first rule whose conditions all hold for a position gives its age. */
export interface RetirementRule {
  position_kind?: 'struktural' | 'fungsional' | 'pelaksana';
  /** kelas jabatan at least this (e.g. JPT: the region's classes of Pimpinan Tinggi) */
  min_class?: number;
  /** the title contains this text (case-insensitive), e.g. "Ahli Madya" */
  title_contains?: string;
  /** the title starts with this text (case-insensitive), e.g. "Guru" */
  title_starts_with?: string;
  age: number;
  /** the regulation the age comes from, shown with it */
  source: string;
}

export interface Settings {
  region: { code: string; name: string; time_zone: 'WIB' | 'WITA' | 'WIT' };
  workload: {
    /** Waktu kerja efektif, minutes per person per year. PermenPANRB 1/2020: 1,250 hours = 75,000 minutes. */
    effective_minutes_per_year: number;
    /** how the displayed required head-count is rounded; the unrounded value is always kept */
    rounding: 'half_up' | 'ceil' | 'floor';
    /** EJ grade table (PermenPANRB 1/2020 practice; sources conflict, so it is a setting), highest first */
    ej_grades: EjGrade[];
    /** plain-language bands: EJ above `overloaded_above` is "kekurangan pegawai", below `slack_below` "kelebihan pegawai",
     *  between them (inclusive) "seimbang". A tolerance around 1 (default 0.90–1.10), not a cut at exactly 1: an EJ of
     *  1.03 is a full workload, not a shortage (issue 16). Source: no regulation fixes it; 0.90 is the lower edge of
     *  grade B "Baik" in the common ABK grade table (Kepmenpan KEP/75/M.PAN/7/2004 practice) and 1.10 its mirror
     *  above 1 (±10 %). A setting: a region may choose another band. */
    overloaded_above: number;
    slack_below: number;
  };
  tenure: {
    /** PP 11/2017 Pasal 190 (amended by PP 17/2020): at least 2 and at most 5 years in a position */
    min_years: number;
    max_years: number;
    /** PermenPANRB 6/2024 Pasal 59: no transfer request for this many years after appointment (a regional setting) */
    new_appointee_years: number;
  };
  /** UU 10/2016 Pasal 71 ayat (2): no replacement of officials from `ban_months_before` months before the
   *  candidate pairs are determined until the end of the term, unless the Minister of Home Affairs approves in writing. */
  election: {
    ban_months_before: number;
    windows: ElectionWindow[];
    /** The period for which `windows` lists every election ban of the regions: a transfer dated outside it cannot
     *  be checked against the ban (rule code no_dates_for_period), it is never counted as met. null = from the
     *  earliest ban start / to the latest ban end of the region's windows (only what the windows themselves show). */
    checked_from: string | null;
    checked_until: string | null;
  };
  performance: {
    /** Peraturan BKN 5/2019: performance at least Baik for the last 2 years for a transfer */
    min_rating_for_transfer: string;
    min_rating_years: number;
  };
  /** Past-transfer effects (marts/effect_panel_*, build/steps/transfer-effects.ts, docs/method-effects.md) */
  effects: {
    /** a rotation wave is a collective decree (SK mutasi kolektif) with reason rotasi_berkala moving at least this many people */
    wave_min_transfers: number;
    /** the employee-level panel keeps at most this many people (a deterministic hash sample, moved and not moved
     *  sampled separately), so the estimation stays fast at province and national scale */
    max_employees: number;
  };
  /** Batas usia pensiun (BUP) by position (pipeline/domain/retirement.ts); PPPK are planned with the same ages, as
   *  their contracts end at the position's age limit at the latest */
  retirement: { default_age: number; default_source: string; rules: RetirementRule[] };
  /** How input files are read where a file does not decide by itself (docs/data-contract.md "Values") */
  input: {
    /** a lone dot followed by three digits (`3.600`) in a column whose other values do not decide: `id` thousands
     *  separator (Indonesian usage), `en` decimal point, `auto` neither (such values are quarantined as ambiguous) */
    number_locale: 'auto' | 'id' | 'en';
    /** order of `04/01/2003` in a date column whose other values do not decide (no day above 12 in either place):
     *  `dmy` (Indonesian usage) or `mdy` */
    date_order: 'dmy' | 'mdy';
    /** the date the data are as of (YYYY-MM-DD): transfers, ratings, workload and other dates after it are
     *  quarantined; null = the day of the build */
    data_date: string | null;
    /** a file reader (CSV, Parquet, XLSX) that runs longer than this is stopped */
    reader_time_limit_seconds: number;
    /** an XLSX reader that delivers no row for this long is stopped (a damaged workbook may stall the unzipper) */
    reader_stall_seconds: number;
  };
  /** When a finished build is published over the previous warehouse (pipeline/warehouse/publish-guard.ts) */
  publish: {
    /** a record kind whose loaded rows are fewer than this share of its input rows stops the build */
    min_loaded_share: number;
    /** a record kind whose loaded rows are fewer than this share of those in the previous warehouse stops the build */
    min_share_of_previous: number;
  };
  /** What-if simulator (pipeline/simulate) */
  simulation: {
    /** share of a full FTE a transferred person counts for, by months since the move (index 0 = the month of the
     *  move), used when the warehouse's own estimate (transfer_rampup) has fewer than `rampup_min_months` months */
    rampup_fallback: number[];
    rampup_min_months: number;
    /** months the transition timeline covers after the state month */
    horizon_months: number;
  };
  /** UU 27/2022 (Pelindungan Data Pribadi): what is published without sign-in (the public report, its downloads,
   *  anonymous endpoints) never shows a count of 1 … min_cell_size − 1 people (pipeline/domain/disclosure.ts) */
  disclosure: { min_cell_size: number };
}

export const DEFAULT_SETTINGS: Settings = {
  region: { code: '3999', name: 'Kota Contoh', time_zone: 'WIB' },
  workload: {
    effective_minutes_per_year: 75_000,
    rounding: 'half_up',
    ej_grades: [
      { min: 1.0, exclusive: true, grade: 'A', label_id: 'Sangat baik', label_en: 'Very good' },
      { min: 0.9, grade: 'B', label_id: 'Baik', label_en: 'Good' },
      { min: 0.7, grade: 'C', label_id: 'Cukup', label_en: 'Fair' },
      { min: 0.5, grade: 'D', label_id: 'Sedang', label_en: 'Moderate' },
      { min: -Infinity, grade: 'E', label_id: 'Kurang', label_en: 'Poor' },
    ],
    // the balanced band 0.90–1.10 (see Settings.workload above for the source)
    overloaded_above: 1.1,
    slack_below: 0.9,
  },
  tenure: { min_years: 2, max_years: 5, new_appointee_years: 2 },
  election: {
    ban_months_before: 6,
    // Pilkada serentak 2024: candidate pairs determined 22 September 2024 (ban from 22 March 2024);
    // elected heads inaugurated 20 February 2025.
    windows: [{ region_code: '*', candidate_determination: '2024-09-22', ban_end: '2025-02-20' }],
    // No regional election ban was in force from 2022 until 22 March 2024: heads whose terms ended in 2022 and 2023
    // were replaced by acting heads until the 2024 simultaneous elections (UU 10/2016 Pasal 201 ayat (9)), and the
    // heads elected in 2020 had taken office in 2021. The heads inaugurated in 2025 serve five years (UU 23/2014
    // Pasal 60), so the next ban cannot begin before 2029. Outside 2022–2028 the dates are not configured: a
    // region with a re-run election (pilkada ulang) needs its own window rows.
    checked_from: '2022-01-01',
    checked_until: '2028-12-31',
  },
  performance: { min_rating_for_transfer: 'Baik', min_rating_years: 2 },
  effects: { wave_min_transfers: 5, max_employees: 10_000 },
  // PP 11/2017 Pasal 239 ayat (2) (Manajemen PNS): 58 for administrative posts (administrator, pengawas, pelaksana)
  // and functional Ahli Pertama / Ahli Muda / Keterampilan; 60 for Pimpinan Tinggi (JPT) and functional Ahli Madya;
  // 65 for functional Ahli Utama. Teachers: 60 (UU 14/2005 Pasal 30 ayat (4)). Which kelas jabatan are JPT is
  // regional (here: Sekretaris Daerah 15, Kepala Dinas/Badan 14, Asisten 13), so it is part of the setting.
  retirement: {
    default_age: 58,
    default_source: 'PP 11/2017 Pasal 239 ayat (2) huruf a',
    rules: [
      { title_contains: 'Ahli Utama', age: 65, source: 'PP 11/2017 Pasal 239 ayat (2) huruf c' },
      { title_contains: 'Ahli Madya', age: 60, source: 'PP 11/2017 Pasal 239 ayat (2) huruf b' },
      { title_starts_with: 'Guru', age: 60, source: 'UU 14/2005 Pasal 30 ayat (4)' },
      { position_kind: 'struktural', min_class: 13, age: 60, source: 'PP 11/2017 Pasal 239 ayat (2) huruf b (JPT)' },
    ],
  },
  input: { number_locale: 'auto', date_order: 'dmy', data_date: null, reader_time_limit_seconds: 1800, reader_stall_seconds: 120 },
  publish: { min_loaded_share: 0.5, min_share_of_previous: 0.5 },
  // Fallback curve: the shape Seimbang's own estimate (transfer_rampup, employee-level event study on SKP scores)
  // finds on the bundled sample — about 93 % in the first quarter after a move, 97 % in the second, full after.
  simulation: { rampup_fallback: [0.93, 0.93, 0.93, 0.97, 0.97, 0.97], rampup_min_months: 6, horizon_months: 12 },
  disclosure: { min_cell_size: 5 },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type SettingsOverride = DeepPartial<Settings>;

/** Deep-merge an override into the defaults; arrays replace, objects merge. */
export function mergeSettings(base: Settings, override: SettingsOverride | undefined): Settings {
  const merge = (a: unknown, b: unknown): unknown => {
    if (b === undefined) return a;
    if (Array.isArray(b) || typeof b !== 'object' || b === null) return b;
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
    return out;
  };
  return merge(base, override) as Settings;
}

/**
 * Settings as stored by a build (build_info.settings, JSON): JSON has no -Infinity, so the open lower bound of the
 * last EJ grade is written as null; this restores it. The dashboard and the parity tests read the settings in force
 * this way, never the defaults.
 */
export function parseStoredSettings(json: string | object): Settings {
  const s = (typeof json === 'string' ? JSON.parse(json) : structuredClone(json)) as Settings;
  for (const g of s.workload.ej_grades) if (g.min === null) g.min = -Infinity;
  return s;
}
