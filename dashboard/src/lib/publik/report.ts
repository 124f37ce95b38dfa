/**
 * The public transparency report as data: the rows of the publik queries (dashboard/src/lib/server/queries/publik.ts)
 * turned into what /publik and `seimbang export-public` show and offer for download, with every count of people
 * passed through the disclosure control of pipeline/domain/disclosure.ts (UU 27/2022) ONCE, for the whole report,
 * so that numbers repeated across its tables (the staff of a month, the transfers of a quarter or a year) are
 * protected together. Pure: no server, DOM or Node imports (the page, the export and the tests share it).
 */
import { suppressCounts, type CountTable, type DisclosedCell, type DisclosedTable, type Link } from '#domain/disclosure.ts';
import { fairnessRows, fairnessTables, type FairnessDimension, type FairnessRaw, type FairnessRow } from '../fairness';

export type Row = Record<string, unknown>;

export interface RawPublik {
  settings: Row;
  balance: Row[];
  units: Row[];
  seasonal: Row[];
  transfers: Row[];
  compliance: Row[];
  effects: Row[];
  /** who is moved (lib/fairness.ts); absent in a report built without it */
  fairness?: Row[];
}

/** the legal merit rules, in the order of docs/data-contract.md, and the regulation each comes from */
export const RULES = ['min_tenure', 'election_ban', 'competency', 'documentation'] as const;
export type Rule = (typeof RULES)[number];
export const REASONS = ['rotasi_berkala', 'kebutuhan_organisasi', 'permintaan_sendiri', 'promosi', 'pengembangan_karier', 'lainnya', 'tidak_tercatat'] as const;
export const KINDS = ['antar_opd', 'dalam_opd', 'dalam_unit', 'dari_luar'] as const;
export const STAFF_BANDS = ['short', 'balanced', 'slack'] as const;
export const COMPLIANCE_COLS = ['passed', 'failed', 'unknown'] as const;
/** the fairness breakdowns of the report (the reasons are already the transfers-by-reason table) */
export const PUBLIK_FAIRNESS: readonly FairnessDimension[] = ['golongan', 'sex', 'age_band', 'repeat'];

export interface BalancePoint {
  month: string;
  gini: number | null;
  cv: number | null;
  theil: number | null;
  max_mean: number | null;
  mean_ej: number | null;
  staffing_gap: number | null;
  units: number;
}

export interface UnitRow {
  unit_name: string;
  staff: DisclosedCell;
  /** null when the staff count is hidden (they would reveal it: staff = required ÷ EJ) */
  required_staff: number | null;
  /** required − current (FTE, unrounded): > 0 short, < 0 surplus — the shortfall, signed (not the unsigned staffing gap) */
  shortfall: number | null;
  ej: number | null;
  band: string;
}

/** at most this many units in the report's unit chart and table; the open-data file has every unit */
export const PUBLIK_MAX_UNITS = 60;

/**
 * The units the report shows: all of them up to `max`, else the half most short of staff and the half with the
 * most surplus (rows come sorted by shortfall, largest first; units without a shortfall are left out then), as the
 * dashboard's EJ chart does (charts/ejByUnit.ts). A province of 900 units drawn as 900 bars is unreadable and made
 * /publik 800 KB of HTML (issue 16); every unit stays in the download `kebutuhan-pegawai-per-unit`.
 */
export function publikUnitsShown<T extends { shortfall: number | null }>(units: T[], max = PUBLIK_MAX_UNITS): { top: T[]; bottom: T[]; hidden: number } {
  if (units.length <= max) return { top: units, bottom: [], hidden: 0 };
  const known = units.filter((u) => u.shortfall != null);
  const half = Math.floor(max / 2);
  const top = known.slice(0, half);
  const bottom = known.length > half ? known.slice(Math.max(half, known.length - half)) : [];
  return { top, bottom, hidden: units.length - top.length - bottom.length };
}

export interface ComplianceYear {
  year: number;
  /** 'not_checkable': no transfer of that year could be checked against the rule (e.g. no election dates configured) */
  state: 'checked' | 'not_checkable' | 'no_transfers';
  /** share met of those checked, when both counts are shown */
  rate: number | null;
  /** when a count is hidden: the lowest share met consistent with what is shown (never the hidden count itself) */
  rate_at_least: number | null;
}

export interface EffectSeries {
  outcome: 'ej' | 'mean_score';
  overall: { att: number; ci_low: number; ci_high: number } | null;
  dynamic: Array<{ event_time: number; att: number; ci_low: number; ci_high: number }>;
  n_units: number;
  n_treated: number;
  cohorts: number;
  control: string;
}

/** A downloadable table: long format, one value per row, suppressed counts empty with the reason in `suppression`. */
export interface OpenColumn {
  name: string;
  type: 'text' | 'integer' | 'number';
  unit: string;
  meaning: { id: string; en: string };
  source: string;
}
export interface OpenTable {
  id: string;
  title: { id: string; en: string };
  columns: OpenColumn[];
  rows: Array<Array<string | number | null>>;
}

export interface PublikReport {
  k: number;
  regionName: string;
  builtAt: string;
  firstMonth: string;
  lastMonth: string;
  electionConfigured: boolean;
  /** the EJ band thresholds and effective working time in force (build_info settings; null when absent) */
  limits: { overloadedAbove: number | null; slackBelow: number | null; hoursPerYear: number | null };
  balance: BalancePoint[];
  /** months × staff in units short of staff / balanced / with slack, with the month's staff as row total */
  staffByBand: DisclosedTable;
  units: UnitRow[];
  unitsStaffTotal: DisclosedCell;
  /** calendar month (1–12) × mean units short of staff and mean EJ over the window */
  seasonal: Array<{ month: number; units_short: number; units: number; mean_ej: number | null }>;
  transfersByReason: DisclosedTable;
  transfersByKind: DisclosedTable;
  compliance: Array<{ rule: Rule; table: DisclosedTable; years: ComplianceYear[] }>;
  effects: EffectSeries[];
  /** who is moved: by golongan, sex, age band and number of moves (the reasons are transfersByReason) */
  fairness: FairnessRow[];
  downloads: OpenTable[];
}

// ------------------------------------------------------------------ helpers

const num = (v: unknown): number | null => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : Number(v));
const int = (v: unknown): number => num(v) ?? 0;
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
/** `YYYY-MM` of a DATE value (a Date at UTC midnight, or an ISO text) */
export function monthText(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 7);
  return text(v).slice(0, 7);
}

const cellOf = (t: DisclosedTable, r: number, c: number | 'total'): DisclosedCell =>
  c === 'total' ? t.rowTotals![r]! : t.cells[r]![c]!;

// ------------------------------------------------------------------ the report

export function buildPublikReport(raw: RawPublik): PublikReport {
  const k = int(raw.settings.min_cell_size) || 5;
  const months = raw.balance.map((r) => monthText(r.month));
  const lastMonth = monthText(raw.settings.last_month);
  const latestIndex = months.indexOf(lastMonth);

  // --- count tables of the whole report, suppressed together
  const staffCounts = raw.balance.map((r) => {
    const short = int(r.staff_overloaded);
    const slack = int(r.staff_slack);
    return [short, int(r.staff) - short - slack, slack];
  });
  const units: Array<Row & { staff: number }> = raw.units.map((r) => ({ ...r, staff: int(r.staff) }));

  const quarters = [...new Set(raw.transfers.map((r) => text(r.quarter)))].sort();
  const byQuarter = (dim: 'reason' | 'kind', keys: readonly string[]) =>
    quarters.map((q) => keys.map((key) => raw.transfers.filter((r) => r.quarter === q && r[dim] === key).reduce((a, r) => a + int(r.transfers), 0)));
  const reasonCounts = byQuarter('reason', REASONS);
  const kindCounts = byQuarter('kind', KINDS);
  const reasonsUnknown = raw.transfers.filter((r) => !(REASONS as readonly string[]).includes(text(r.reason)));
  if (reasonsUnknown.length) throw new Error(`publik: a reason outside the data contract: ${text(reasonsUnknown[0]!.reason)}`);

  const years = [...new Set(raw.compliance.map((r) => int(r.year)))].sort((a, b) => a - b);
  const complianceCounts = RULES.map((rule) =>
    years.map((y) => {
      const r = raw.compliance.find((x) => x.rule === rule && int(x.year) === y);
      return r ? [int(r.passed), int(r.failed), int(r.unknown)] : [0, 0, 0];
    }),
  );

  const tables: CountTable[] = [
    { id: 'staff', rows: months, cols: [...STAFF_BANDS], counts: staffCounts, margins: { rows: true, cols: false } },
    { id: 'units', rows: units.map((u) => text(u.unit_id)), cols: ['staff'], counts: units.map((u) => [u.staff]), margins: { rows: false, cols: true } },
    { id: 'reason', rows: quarters, cols: [...REASONS], counts: reasonCounts },
    { id: 'kind', rows: quarters, cols: [...KINDS], counts: kindCounts },
    ...RULES.map((rule, i) => ({ id: `rule:${rule}`, rows: years.map(String), cols: [...COMPLIANCE_COLS], counts: complianceCounts[i]! })),
  ];

  // --- relations between the tables (each holds only when the numbers are the same, which the link checks)
  const links: Link[] = [];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (latestIndex >= 0 && units.length) {
    // the latest month's staff is the sum of the units' staff, and by band (each unit's band is shown)
    const unitsIn = (pred: (band: string) => boolean) =>
      units.map((u, i) => ({ u, i })).filter(({ u }) => pred(text(u.band))).map(({ i }) => ({ table: 'units', row: i, col: 0 }) as const);
    const candidate: Link[] = [
      { total: { table: 'staff', row: latestIndex, col: 'total' }, parts: units.map((_, i) => ({ table: 'units', row: i, col: 0 })) },
      { total: { table: 'staff', row: latestIndex, col: 0 }, parts: unitsIn((b) => b === 'overloaded') },
      { total: { table: 'staff', row: latestIndex, col: 2 }, parts: unitsIn((b) => b === 'slack') },
    ];
    const value = (ref: Link['total']) =>
      ref.table === 'units' ? units[ref.row as number]!.staff : ref.col === 'total' ? sum(staffCounts[ref.row as number]!) : staffCounts[ref.row as number]![ref.col as number]!;
    for (const l of candidate) if (l.parts.length && value(l.total) === sum(l.parts.map(value))) links.push(l);
  }
  quarters.forEach((_, r) => {
    if (sum(reasonCounts[r]!) === sum(kindCounts[r]!)) links.push({ total: { table: 'kind', row: r, col: 'total' }, parts: [{ table: 'reason', row: r, col: 'total' }] });
  });
  years.forEach((y, r) => {
    const qs = quarters.map((q, i) => ({ q, i })).filter(({ q }) => q.startsWith(`${y}-`));
    const transfersOfYear = sum(qs.map(({ i }) => sum(reasonCounts[i]!)));
    RULES.forEach((rule, ri) => {
      if (sum(complianceCounts[ri]![r]!) === transfersOfYear && qs.length) {
        links.push({ total: { table: `rule:${rule}`, row: r, col: 'total' }, parts: qs.map(({ i }) => ({ table: 'reason', row: i, col: 'total' })) });
      }
    });
  });
  // who is moved: suppressed with the rest, its transfers total linked to the transfers by reason when they agree
  const fairRaw: FairnessRaw[] = (raw.fairness ?? []).map((r) => ({
    dimension: text(r.dimension) as FairnessDimension, group_key: text(r.group_key), ord: int(r.ord),
    staff: num(r.staff), moved: num(r.moved), transfers: int(r.transfers),
  }));
  const fair = fairnessTables(fairRaw, 'fair:', PUBLIK_FAIRNESS);
  links.push(...fair.links);
  if (fair.transfersTotal && quarters.length && fair.transfersTotal.value === sum(reasonCounts.map(sum))) {
    links.push({ total: fair.transfersTotal.ref, parts: quarters.map((_, i) => ({ table: 'reason', row: i, col: 'total' as const })) });
  }
  const ruleCount = RULES.length;
  const disclosed = suppressCounts([...tables, ...fair.tables], { minCellSize: k, links });
  const fairness = fairnessRows(fair, disclosed.slice(4 + ruleCount), k);
  const [staffByBand, unitsT, reasonT, kindT, ...ruleTs] = disclosed.slice(0, 4 + ruleCount) as [DisclosedTable, DisclosedTable, DisclosedTable, DisclosedTable, ...DisclosedTable[]];

  // --- the rest of the report
  const balance: BalancePoint[] = raw.balance.map((r) => ({
    month: monthText(r.month),
    gini: num(r.gini),
    cv: num(r.cv),
    theil: num(r.theil),
    max_mean: num(r.max_mean),
    mean_ej: num(r.mean_ej),
    staffing_gap: num(r.staffing_gap),
    units: int(r.units),
  }));
  const unitRows: UnitRow[] = units.map((u, i) => {
    const staff = unitsT.cells[i]![0]!;
    const shown = staff.status === 'published';
    const required = num(u.required_staff);
    return {
      unit_name: text(u.unit_name),
      staff,
      required_staff: shown ? required : null,
      shortfall: shown && required !== null ? required - u.staff : null,
      ej: shown ? num(u.ej) : null,
      band: text(u.band),
    };
  });
  const seasonal = Array.from({ length: 12 }, (_, m) => {
    const rows = raw.seasonal.filter((r) => Number(monthText(r.month).slice(5, 7)) === m + 1);
    const avg = (f: (r: Row) => number | null) => {
      const xs = rows.map(f).filter((x): x is number => x !== null);
      return xs.length ? sum(xs) / xs.length : null;
    };
    return { month: m + 1, units_short: avg((r) => num(r.units_short)) ?? 0, units: avg((r) => num(r.units)) ?? 0, mean_ej: avg((r) => num(r.mean_ej)) };
  });
  const compliance = RULES.map((rule, ri) => {
    const table = ruleTs[ri]!;
    const yearsOut: ComplianceYear[] = years.map((y, r) => {
      const [p, f, u] = complianceCounts[ri]![r]!;
      if (p! + f! + u! === 0) return { year: y, state: 'no_transfers', rate: null, rate_at_least: null };
      // "tidak dapat diperiksa": nothing of that year could be checked — never reported as met
      if (p! + f! === 0) return { year: y, state: 'not_checkable', rate: null, rate_at_least: null };
      const pc = table.cells[r]![0]!;
      const fc = table.cells[r]![1]!;
      if (pc.status === 'published' && fc.status === 'published') return { year: y, state: 'checked', rate: pc.value! / (pc.value! + fc.value!), rate_at_least: null };
      // a hidden count: the lowest rate the shown numbers allow (failed at most k − 1), never the true one:
      // with the passed count shown, p ÷ (p + k − 1); else from the shown year total and unknown count, (T − U − (k − 1)) ÷ (T − U)
      const uc = table.cells[r]![2]!;
      const tc = table.rowTotals![r]!;
      let atLeast: number | null = null;
      if (fc.status === 'primary' && pc.status === 'published') atLeast = pc.value! / (pc.value! + k - 1);
      else if (fc.status === 'primary' && tc.status === 'published' && uc.status === 'published' && tc.value! - uc.value! > 0) {
        atLeast = Math.max(0, tc.value! - uc.value! - (k - 1)) / (tc.value! - uc.value!);
      }
      // rounded down (to 0.1%), so that "at least" stays true when printed
      return { year: y, state: 'checked', rate: null, rate_at_least: atLeast === null ? null : Math.floor(atLeast * 1000) / 1000 };
    });
    return { rule, table, years: yearsOut };
  });
  const effects: EffectSeries[] = (['ej', 'mean_score'] as const).flatMap((outcome) => {
    const rows = raw.effects.filter((r) => r.outcome === outcome);
    if (!rows.length) return [];
    const simple = rows.find((r) => r.aggregation === 'simple');
    return [{
      outcome,
      overall: simple ? { att: num(simple.att)!, ci_low: num(simple.ci_low)!, ci_high: num(simple.ci_high)! } : null,
      dynamic: rows.filter((r) => r.aggregation === 'dynamic' && num(r.att) !== null).map((r) => ({
        event_time: int(r.event_time), att: num(r.att)!, ci_low: num(r.ci_low) ?? num(r.att)!, ci_high: num(r.ci_high) ?? num(r.att)!,
      })),
      n_units: int(rows[0]!.n_units),
      n_treated: int(rows[0]!.n_treated),
      cohorts: int(rows[0]!.cohorts),
      control: text(rows[0]!.control),
    }];
  });

  const report: Omit<PublikReport, 'downloads'> = {
    k,
    regionName: text(raw.settings.region_name),
    builtAt: text(raw.settings.built_at),
    firstMonth: monthText(raw.settings.first_month),
    lastMonth,
    electionConfigured: Boolean(raw.settings.election_windows),
    limits: {
      overloadedAbove: num(raw.settings.overloaded_above),
      slackBelow: num(raw.settings.slack_below),
      hoursPerYear: raw.settings.effective_minutes_per_year == null ? null : int(raw.settings.effective_minutes_per_year) / 60,
    },
    balance,
    staffByBand,
    units: unitRows,
    unitsStaffTotal: unitsT.colTotals![0]!,
    seasonal,
    transfersByReason: reasonT,
    transfersByKind: kindT,
    compliance,
    effects,
    fairness,
  };
  return { ...report, downloads: openTables(report) };
}

// ------------------------------------------------------------------ open data

const SRC_LOAD = 'unit_load_monthly (ABK, PermenPANRB 1/2020)';
const SRC_TRANSFER = 'transfer (SK mutasi)';
const SRC_AUDIT = 'transfer_audit (PP 11/2017 Pasal 190, UU 10/2016 Pasal 71 ayat 2, Peraturan BKN 5/2019)';
const SUPPRESSION: OpenColumn = {
  name: 'suppression',
  type: 'text',
  unit: '',
  meaning: {
    id: 'kosong: angka ditampilkan; primary: 1–4 orang, disembunyikan (UU 27/2022); secondary: disembunyikan agar angka kecil tidak dapat dihitung dari total',
    en: 'empty: shown; primary: 1–4 people, hidden (UU 27/2022); secondary: hidden so that a small count cannot be worked out from the totals',
  },
  source: 'pipeline/domain/disclosure.ts',
};

const sup = (c: DisclosedCell) => (c.status === 'published' ? '' : c.status);

/** a threshold or a count of hours as the report's language writes it (1,1 / 1.1; 1.250 / 1,250); – when unknown */
export function limitText(v: number | null, lang: 'id' | 'en', hours = false): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const loc = lang === 'en' ? 'en-GB' : 'id-ID';
  return new Intl.NumberFormat(loc, hours ? { maximumFractionDigits: 1 } : { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(v);
}

function longCounts(t: DisclosedTable): Array<Array<string | number | null>> {
  const out: Array<Array<string | number | null>> = [];
  t.rows.forEach((row, r) => {
    t.cols.forEach((col, c) => out.push([row, col, cellOf(t, r, c).value, sup(cellOf(t, r, c))]));
    if (t.rowTotals) out.push([row, 'total', t.rowTotals[r]!.value, sup(t.rowTotals[r]!)]);
  });
  if (t.colTotals) t.cols.forEach((col, c) => out.push(['total', col, t.colTotals![c]!.value, sup(t.colTotals![c]!)]));
  if (t.total) out.push(['total', 'total', t.total.value, sup(t.total)]);
  return out;
}

function openTables(r: Omit<PublikReport, 'downloads'>): OpenTable[] {
  const col = (name: string, type: OpenColumn['type'], unit: string, id: string, en: string, source: string): OpenColumn => ({ name, type, unit, meaning: { id, en }, source });
  const ratio = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
  return [
    {
      id: 'keseimbangan-bulanan',
      title: { id: 'Keseimbangan beban kerja per bulan', en: 'Workload balance by month' },
      columns: [
        col('month', 'text', 'YYYY-MM', 'bulan', 'month', SRC_LOAD),
        col('gini', 'number', '0–1', 'indeks Gini EJ antar unit (0 = merata)', 'Gini index of unit EJ (0 = even)', 'imbalance_region_monthly'),
        col('cv', 'number', 'ratio', 'koefisien variasi EJ antar unit', 'coefficient of variation of unit EJ', 'imbalance_region_monthly'),
        col('theil', 'number', '≥ 0', 'indeks Theil EJ antar unit', 'Theil index of unit EJ', 'imbalance_region_monthly'),
        col('max_mean', 'number', 'ratio', 'EJ tertinggi ÷ rata-rata', 'highest EJ ÷ mean', 'imbalance_region_monthly'),
        col('mean_ej', 'number', 'ratio', 'rata-rata EJ unit', 'mean unit EJ', 'imbalance_region_monthly'),
        col('staffing_gap', 'number', 'FTE', 'total selisih |kebutuhan − pegawai| antar unit', 'total staffing gap Σ|required − current| across units', 'imbalance_region_monthly'),
        col('units', 'integer', 'units', 'unit dengan data', 'units with data', SRC_LOAD),
      ],
      rows: r.balance.map((b) => [b.month, ratio(b.gini), ratio(b.cv), ratio(b.theil), ratio(b.max_mean), ratio(b.mean_ej), ratio(b.staffing_gap), b.units]),
    },
    {
      id: 'pegawai-per-kategori-beban',
      title: { id: 'Pegawai menurut beban unitnya, per bulan', en: 'Staff by the load of their unit, by month' },
      columns: [
        col('month', 'text', 'YYYY-MM', 'bulan', 'month', SRC_LOAD),
        col('band', 'text', '', `short: unit kekurangan pegawai (EJ > ${limitText(r.limits.overloadedAbove, 'id')}); balanced: seimbang; slack: kelebihan pegawai (EJ < ${limitText(r.limits.slackBelow, 'id')}); total`, `short: unit short of staff (EJ > ${limitText(r.limits.overloadedAbove, 'en')}); balanced; slack: unit with slack (EJ < ${limitText(r.limits.slackBelow, 'en')}); total`, SRC_LOAD),
        col('staff', 'integer', 'people', 'jumlah pegawai', 'number of staff', SRC_LOAD),
        SUPPRESSION,
      ],
      rows: longCounts(r.staffByBand),
    },
    {
      id: 'kebutuhan-pegawai-per-unit',
      title: { id: 'Kebutuhan dan jumlah pegawai per unit (bulan terakhir)', en: 'Required and current staff by unit (latest month)' },
      columns: [
        col('unit', 'text', '', 'unit kerja', 'unit', 'unit'),
        col('staff', 'integer', 'people', 'pegawai sekarang', 'current staff', SRC_LOAD),
        col('required_staff', 'number', 'FTE', 'kebutuhan pegawai menurut ABK', 'required staff from the workload analysis', SRC_LOAD),
        col('shortfall', 'number', 'FTE', 'kebutuhan − pegawai (positif: kurang, negatif: lebih)', 'required − current (positive: short, negative: surplus)', SRC_LOAD),
        col('ej', 'number', 'ratio', 'EJ = beban kerja ÷ (pegawai × waktu kerja efektif)', 'EJ = workload ÷ (staff × effective working time)', SRC_LOAD),
        col('band', 'text', '', 'overloaded / balanced / slack / unstaffed', 'overloaded / balanced / slack / unstaffed', SRC_LOAD),
        SUPPRESSION,
      ],
      rows: [
        ...r.units.map((u) => [u.unit_name, u.staff.value, ratio(u.required_staff), ratio(u.shortfall), ratio(u.ej), u.band, sup(u.staff)]),
        ['total', r.unitsStaffTotal.value, null, null, null, '', sup(r.unitsStaffTotal)],
      ],
    },
    {
      id: 'musim-beban',
      title: { id: 'Lonjakan musiman: unit kekurangan pegawai menurut bulan kalender', en: 'Seasonal surges: units short of staff by calendar month' },
      columns: [
        col('calendar_month', 'integer', '1–12', 'bulan kalender', 'calendar month', SRC_LOAD),
        col('units_short', 'number', 'units', 'rata-rata unit kekurangan pegawai', 'mean units short of staff', SRC_LOAD),
        col('units', 'number', 'units', 'rata-rata unit dengan data', 'mean units with data', SRC_LOAD),
        col('mean_ej', 'number', 'ratio', 'rata-rata EJ unit', 'mean unit EJ', SRC_LOAD),
      ],
      rows: r.seasonal.map((s) => [s.month, ratio(s.units_short), ratio(s.units), ratio(s.mean_ej)]),
    },
    {
      id: 'mutasi-per-alasan',
      title: { id: 'Mutasi per triwulan menurut alasan', en: 'Transfers per quarter by reason' },
      columns: [
        col('quarter', 'text', 'YYYY-Qn', 'triwulan (tanggal efektif)', 'quarter (effective date)', SRC_TRANSFER),
        col('reason', 'text', '', 'alasan mutasi (kontrak data)', 'reason for the transfer (data contract)', SRC_TRANSFER),
        col('transfers', 'integer', 'transfers (one person each)', 'jumlah mutasi', 'number of transfers', SRC_TRANSFER),
        SUPPRESSION,
      ],
      rows: longCounts(r.transfersByReason),
    },
    {
      id: 'mutasi-per-jenis',
      title: { id: 'Mutasi per triwulan menurut jenis', en: 'Transfers per quarter by kind' },
      columns: [
        col('quarter', 'text', 'YYYY-Qn', 'triwulan (tanggal efektif)', 'quarter (effective date)', SRC_TRANSFER),
        col('kind', 'text', '', 'antar_opd: antar perangkat daerah; dalam_opd: antar subunit satu OPD; dalam_unit: jabatan lain di unit yang sama; dari_luar: masuk dari luar', 'antar_opd: between agencies; dalam_opd: between sub-units of one agency; dalam_unit: another position in the same unit; dari_luar: from outside', SRC_TRANSFER),
        col('transfers', 'integer', 'transfers (one person each)', 'jumlah mutasi', 'number of transfers', SRC_TRANSFER),
        SUPPRESSION,
      ],
      rows: longCounts(r.transfersByKind),
    },
    {
      id: 'mutasi-siapa',
      title: { id: 'Siapa yang dimutasi: menurut golongan, jenis kelamin, umur, dan berapa kali', en: 'Who is moved: by golongan, sex, age and how often' },
      columns: [
        col('breakdown', 'text', '', 'golongan; sex (L laki-laki, P perempuan); age_band (umur pada bulan terakhir); repeat (berapa kali dimutasi dalam jendela)', 'golongan; sex (L men, P women); age_band (age at the latest month); repeat (times moved in the window)', 'employee, transfer'),
        col('group', 'text', '', 'kelompok', 'group', 'employee, transfer'),
        col('staff', 'integer', 'people', 'pegawai di kelompok itu sekarang (kosong untuk repeat)', 'people in the group now (empty for repeat)', 'employee'),
        col('moved', 'integer', 'people', 'pegawai yang dimutasi dalam jendela', 'people moved in the window', SRC_TRANSFER),
        col('transfers', 'integer', 'transfers', 'jumlah mutasi', 'number of transfers', SRC_TRANSFER),
        col('moved_rate', 'number', 'ratio', 'bagian yang dimutasi (moved ÷ staff), hanya bila keduanya ditampilkan', 'share moved (moved ÷ staff), only when both are shown', SRC_TRANSFER),
        col('staff_suppression', 'text', '', SUPPRESSION.meaning.id, SUPPRESSION.meaning.en, SUPPRESSION.source),
        col('moved_suppression', 'text', '', SUPPRESSION.meaning.id, SUPPRESSION.meaning.en, SUPPRESSION.source),
        col('transfers_suppression', 'text', '', SUPPRESSION.meaning.id, SUPPRESSION.meaning.en, SUPPRESSION.source),
      ],
      rows: r.fairness.map((f) => [f.dimension, f.group_key, f.staff, f.moved, f.transfers, ratio(f.moved_rate), f.staff_suppression ?? '', f.moved_suppression ?? '', f.transfers_suppression ?? '']),
    },
    {
      id: 'kepatuhan-aturan',
      title: { id: 'Kepatuhan mutasi pada aturan merit, per tahun', en: 'Compliance of transfers with the merit rules, by year' },
      columns: [
        col('rule', 'text', '', 'aturan: min_tenure, election_ban, competency, documentation', 'rule: min_tenure, election_ban, competency, documentation', SRC_AUDIT),
        col('year', 'text', 'YYYY', 'tahun (tanggal efektif)', 'year (effective date)', SRC_AUDIT),
        col('outcome', 'text', '', 'passed: memenuhi; failed: melanggar; unknown: tidak dapat diperiksa; total', 'passed: met; failed: broken; unknown: could not be checked; total', SRC_AUDIT),
        col('transfers', 'integer', 'transfers', 'jumlah mutasi', 'number of transfers', SRC_AUDIT),
        SUPPRESSION,
      ],
      rows: r.compliance.flatMap((c) => longCounts(c.table).map((row) => [c.rule, ...row])),
    },
    {
      id: 'dampak-gelombang-mutasi',
      title: { id: 'Perkiraan dampak gelombang rotasi', en: 'Estimated effects of rotation waves' },
      columns: [
        col('outcome', 'text', '', 'ej: EJ unit; mean_score: rata-rata nilai SKP unit', 'ej: unit EJ; mean_score: mean SKP score of the unit', 'transfer_effect'),
        col('aggregation', 'text', '', 'simple: dampak keseluruhan; dynamic: menurut bulan sejak gelombang', 'simple: overall effect; dynamic: by months since the wave', 'transfer_effect'),
        col('months_since_wave', 'integer', 'months', 'bulan sejak gelombang (kosong untuk keseluruhan)', 'months since the wave (empty for overall)', 'transfer_effect'),
        col('effect', 'number', 'outcome units', 'perkiraan dampak (Callaway & Sant\'Anna 2021)', 'estimated effect (Callaway & Sant\'Anna 2021)', 'transfer_effect'),
        col('ci_low', 'number', 'outcome units', 'batas bawah selang kepercayaan 95%', 'lower end of the 95% interval', 'transfer_effect'),
        col('ci_high', 'number', 'outcome units', 'batas atas selang kepercayaan 95%', 'upper end of the 95% interval', 'transfer_effect'),
      ],
      rows: r.effects.flatMap((e) => [
        ...(e.overall ? [[e.outcome, 'simple', null, ratio(e.overall.att), ratio(e.overall.ci_low), ratio(e.overall.ci_high)]] : []),
        ...e.dynamic.map((d) => [e.outcome, 'dynamic', d.event_time, ratio(d.att), ratio(d.ci_low), ratio(d.ci_high)]),
      ]),
    },
  ];
}

/** The data dictionary of every download: table, column, type, unit, meaning (id, en), source. */
export function dataDictionary(tables: OpenTable[]): OpenTable {
  return {
    id: 'kamus-data',
    title: { id: 'Kamus data', en: 'Data dictionary' },
    columns: [
      { name: 'table', type: 'text', unit: '', meaning: { id: 'berkas', en: 'file' }, source: '' },
      { name: 'column', type: 'text', unit: '', meaning: { id: 'kolom', en: 'column' }, source: '' },
      { name: 'type', type: 'text', unit: '', meaning: { id: 'tipe', en: 'type' }, source: '' },
      { name: 'unit', type: 'text', unit: '', meaning: { id: 'satuan', en: 'unit' }, source: '' },
      { name: 'meaning_id', type: 'text', unit: '', meaning: { id: 'arti (Bahasa Indonesia)', en: 'meaning (Indonesian)' }, source: '' },
      { name: 'meaning_en', type: 'text', unit: '', meaning: { id: 'arti (Inggris)', en: 'meaning (English)' }, source: '' },
      { name: 'source', type: 'text', unit: '', meaning: { id: 'sumber', en: 'source' }, source: '' },
    ],
    rows: tables.flatMap((t) => t.columns.map((c) => [t.id, c.name, c.type, c.unit, c.meaning.id, c.meaning.en, c.source])),
  };
}

/** CSV of an open table (UTF-8 with BOM for spreadsheet programs, comma-separated, CRLF; empty = no value). */
export function openTableCsv(t: OpenTable): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return '\uFEFF' + [t.columns.map((c) => c.name).join(','), ...t.rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}

export const LICENSE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.id' };
