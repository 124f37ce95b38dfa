/**
 * `generateSample`: writes a complete, deterministic input folder for `seimbang build` plus its answer key
 * (`_truth/`). Region by region: org chart → roster → careers → window transfers (waves, scattered, planted
 * breaks) → self-check → rows to every file. Big files are streamed, so memory holds one region at a time
 * (plus the unit list and the NIP registry).
 *
 * Files (see README.md in this folder for what each one exercises):
 *   units.xlsx · jabatan.csv · abk.csv · pegawai.csv · beban_kerja.csv · kinerja.csv · mutasi.xlsx|mutasi.csv ·
 *   settings.yaml · _truth/truth.json · _truth/panel_unit_month.csv · _truth/max_tenure.csv · _truth/unit_design.csv
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayDate, dayNumber, firstDay, isoDate, mi, monthStr } from './calendar.ts';
import { buildHistories, DecreeBook, WINDOW_START } from './careers.ts';
import { eduRank } from './catalog.ts';
import { dateText, golonganText, idDecimal, idThousands, nipText } from './formats.ts';
import { NipRegistry } from './nip.ts';
import { buildOrg, buildTasks, designLoads } from './org.ts';
import type { Org } from './org.ts';
import { monthEffects, SCORE_MODEL, writePerformance } from './performance.ts';
import { scaleSpec } from './regions.ts';
import type { Scale } from './regions.ts';
import { Rng } from './rng.ts';
import { createRoster, PNS_GOLONGAN } from './staff.ts';
import type { Employee } from './staff.ts';
import { BAN, MIN_TENURE_MONTHS, PLANTED, selfCheck, simulateWindow, WAVES, WINDOW_END } from './transfers.ts';
import { aggregate, attTable } from './truth.ts';
import type { CohortAccumulator } from './truth.ts';
import { SEASONALITY, writeWorkload } from './workload.ts';
import { CsvWriter, ensureDir, writeXlsx } from './writers.ts';
import type { Cell } from './writers.ts';
import { DEFAULT_SETTINGS } from '#domain/settings.ts';

export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  out: string;
  scale: Scale;
  seed: number;
  /** progress events (the CLI prints them on stderr) */
  onEvent?: (ev: GenerateEvent) => void;
}

export type GenerateEvent =
  | { type: 'start'; scale: Scale; seed: number; regions: number; staff: number; months: number; out: string }
  | { type: 'step'; name: string; rows: number; ms: number }
  | { type: 'region'; done: number; total: number; name: string; elapsedMs: number; rows: Record<string, number> };

export interface FileSummary {
  file: string;
  rows: number;
  bytes: number;
}

export interface GenerateResult {
  out: string;
  scale: Scale;
  seed: number;
  files: FileSummary[];
  durationMs: number;
  /** phase → total milliseconds */
  phases: Record<string, number>;
  summary: {
    regions: number;
    units: number;
    positions: number;
    tasks: number;
    employees: number;
    transfers: number;
    wave_movers: number[];
    planted: Record<string, number>;
    max_tenure: number;
    bad_rows: number;
    att_simple: number | null;
  };
}

const AS_OF = dayNumber(2025, 12, 31);
const AS_OF_TEXT = '2025-12-31';

/** years in the current position at the as-of date */
const yearsInPost = (e: Employee): number => (AS_OF - firstDay(e.start[e.start.length - 1])) / 365.25;

const PEGAWAI_HEADER = [
  'NIP', 'Nama', 'Status Kepegawaian', 'Gol', 'Tanggal Lahir', 'Jenis Kelamin', 'Pendidikan', 'Jurusan', 'Kompetensi', 'Jabatan',
  'TMT Jabatan', 'TMT CPNS', 'Bersedia Mutasi', 'Alasan Tidak Bersedia',
];
const PEGAWAI_CANONICAL = [
  'nip', 'name', 'status', 'golongan', 'birth_date', 'sex', 'education_level', 'education_major', 'competencies', 'position_id',
  'position_since', 'appointment_date', 'willing_to_move', 'unwilling_reason',
];
const MUTASI_XLSX_HEADER = ['NIP', 'TMT Mutasi', 'Jabatan Lama', 'Jabatan Baru', 'Nomor SK', 'Tanggal SK', 'Alasan', 'Nomor Persetujuan'];
const MUTASI_CSV_HEADER = ['nip', 'effective_date', 'from_position_id', 'to_position_id', 'decree_number', 'decree_date', 'reason_category', 'approval_ref'];

interface BreakEntry {
  rule: string;
  nip: string;
  effective_date: string;
  from_position_id: string;
  to_position_id: string;
  region_code: string;
  detail: string;
}

interface BadRow {
  file: string;
  row: number;
  column: string;
  header: string;
  value: string;
  reason: string;
}

function willingText(w: Employee['willing']): string {
  return w === 'yes' ? 'Ya' : w === 'no' ? 'Tidak' : '';
}

function pegawaiRow(rng: Rng, e: Employee, positionId: string): string[] {
  return [
    nipText(rng, e.nip),
    e.name,
    e.status,
    golonganText(rng, e.golongan),
    dateText(rng, e.birth),
    e.sex === 1 ? 'L' : 'P',
    e.edu,
    e.major,
    e.comps,
    positionId,
    dateText(rng, firstDay(e.start[e.start.length - 1])),
    dateText(rng, firstDay(e.appt)),
    willingText(e.willing),
    e.unwillingReason,
  ];
}

export async function generateSample(opts: GenerateOptions): Promise<GenerateResult> {
  const t0 = performance.now();
  const { out, scale, seed } = opts;
  const emit = opts.onEvent ?? (() => {});
  const spec = scaleSpec(scale, seed);
  const nMonths = spec.lastMonth - spec.firstMonth + 1;
  const totalStaff = spec.regions.reduce((s, r) => s + r.staff, 0);
  emit({ type: 'start', scale, seed, regions: spec.regions.length, staff: totalStaff, months: nMonths, out });

  ensureDir(out);
  // a previous sample in the same folder: remove the files this generator writes (other files are left alone)
  for (const f of ['units.xlsx', 'jabatan.csv', 'abk.csv', 'pegawai.csv', 'beban_kerja.csv', 'kinerja.csv', 'mutasi.xlsx', 'mutasi.csv', 'settings.yaml', '_truth']) {
    rmSync(join(out, f), { recursive: true, force: true });
  }
  ensureDir(join(out, '_truth'));

  const jabatan = new CsvWriter(join(out, 'jabatan.csv'), ['position_id', 'unit_id', 'title', 'position_kind', 'class', 'required_education', 'required_major', 'required_competencies']);
  const abk = new CsvWriter(join(out, 'abk.csv'), ['ID Jabatan', 'Kode Tugas', 'Uraian Tugas', 'Satuan Hasil', 'Volume', 'Norma Waktu'], { delimiter: ';', bom: true });
  const pegawai = new CsvWriter(join(out, 'pegawai.csv'), PEGAWAI_HEADER, { delimiter: ';' });
  const beban = new CsvWriter(join(out, 'beban_kerja.csv'), ['position_id', 'task_id', 'month', 'volume']);
  const kinerja = new CsvWriter(join(out, 'kinerja.csv'), ['nip', 'periode', 'predikat', 'hasil_kerja', 'perilaku_kerja', 'nilai']);
  const mutasiCsv = spec.transfersXlsx ? null : new CsvWriter(join(out, 'mutasi.csv'), MUTASI_CSV_HEADER);
  const panel = new CsvWriter(join(out, '_truth', 'panel_unit_month.csv'), ['unit_id', 'region_code', 'period', 'month', 'cohort', 'n_staff', 'mean_score', 'true_effect']);
  const maxTenure = new CsvWriter(join(out, '_truth', 'max_tenure.csv'), ['nip', 'position_id', 'position_since', 'years_in_position']);
  const unitDesign = new CsvWriter(join(out, '_truth', 'unit_design.csv'), ['unit_id', 'region_code', 'load_class', 'design_ej', 'receiver_wave', 'sender', 'unit_effect_gamma', 'staff_start', 'staff_end', 'annual_workload_minutes']);

  const nips = new NipRegistry();
  const delta = monthEffects(seed);
  const unitRows: Cell[][] = [];
  const mutasiRows: Cell[][] = [];
  const breaks: BreakEntry[] = [];
  const approved: BreakEntry[] = [];
  const maxTenureInline: string[] = [];
  const cohorts: CohortAccumulator[] = WAVES.filter((w) => w.month > spec.firstMonth && w.month <= spec.lastMonth).map((w) => ({
    g: w.month, units: 0, sum: new Float64Array(nMonths),
  }));
  const cohortUnits = new Map<number, string[]>(cohorts.map((c) => [c.g, []]));
  const alwaysTreated: string[] = [];
  const phases: Record<string, number> = {};
  const counts = { units: 0, positions: 0, tasks: 0, employees: 0, transfers: 0, waveMovers: [0, 0, 0], scattered: 0 };
  let lastOrg: Org | null = null;
  const single = spec.regions.length === 1;

  const phase = <T>(name: string, fn: () => T, rows?: (r: T) => number): T => {
    const s = performance.now();
    const r = fn();
    const ms = performance.now() - s;
    phases[name] = (phases[name] ?? 0) + ms;
    if (single) emit({ type: 'step', name, rows: rows ? rows(r) : 0, ms });
    return r;
  };

  for (const region of spec.regions) {
    const decrees = new DecreeBook(new Rng(seed, 'decrees', region.code), region.agency);
    const org = phase('org chart (units, positions, ABK tasks)', () => {
      const o = buildOrg(region, seed);
      designLoads(o, seed);
      buildTasks(o, seed);
      return o;
    }, (o) => o.positions.length);
    const employees = phase('staff roster and career histories', () => {
      const emps = createRoster(org, seed, nips);
      buildHistories(org, emps, seed, decrees);
      return emps;
    }, (e) => e.length);
    const win = phase('transfers 2023–2025 (waves, individual, planted breaks)', () => {
      const w = simulateWindow(org, employees, seed, decrees);
      selfCheck(org, employees);
      return w;
    }, (w) => w.waveMovers.reduce((a, b) => a + b, 0) + w.scattered + w.planted.length);
    counts.units += org.units.length;
    counts.positions += org.positions.length;
    counts.employees += employees.length;
    win.waveMovers.forEach((n, i) => (counts.waveMovers[i] += n));
    counts.scattered += win.scattered;

    // positions, ABK, employees, transfers
    phase('jabatan, abk, pegawai, mutasi rows', () => {
      const positions = org.positions;
      for (const p of positions) {
        jabatan.row([p.id, org.units[p.unit].id, p.title, p.arch.kind, String(p.cls), p.reqEdu, p.arch.majors.join(';'), p.arch.comps.join(';')]);
        for (const t of p.tasks) abk.row([p.id, t.id, t.name, t.outputUnit, idThousands(t.annualVolume), idDecimal(t.norm)]);
        counts.tasks += p.tasks.length;
      }
      const fmt = new Rng(seed, 'format', region.code);
      for (const e of employees) {
        const cur = positions[e.pos[e.pos.length - 1]];
        pegawai.row(pegawaiRow(fmt, e, cur.id));
        const years = yearsInPost(e);
        if (years > DEFAULT_SETTINGS.tenure.max_years) {
          maxTenure.row([e.nip, cur.id, isoDate(firstDay(e.start[e.start.length - 1])), years.toFixed(2)]);
          if (single) maxTenureInline.push(e.nip);
        }
      }
      const all: { e: Employee; k: number }[] = [];
      for (const e of employees) e.transfers.forEach((_, k) => all.push({ e, k }));
      all.sort((a, b) => a.e.transfers[a.k].month - b.e.transfers[b.k].month || (a.e.nip < b.e.nip ? -1 : a.e.nip > b.e.nip ? 1 : 0));
      for (const { e, k } of all) {
        const t = e.transfers[k];
        if (mutasiCsv) {
          mutasiCsv.row([e.nip, isoDate(firstDay(t.month)), positions[t.from].id, positions[t.to].id, t.decree, t.decreeDay === null ? '' : isoDate(t.decreeDay), t.reason, t.approval]);
        } else {
          mutasiRows.push([
            fmt.chance(0.5) ? nipText(fmt, e.nip) : e.nip,
            dayDate(firstDay(t.month)),
            positions[t.from].id,
            positions[t.to].id,
            t.decree || null,
            t.decreeDay === null ? null : dayDate(t.decreeDay),
            t.reason || null,
            t.approval || null,
          ]);
        }
      }
      counts.transfers += all.length;
      for (const r of win.planted) {
        const entry: BreakEntry = {
          rule: r.rule,
          nip: r.emp.nip,
          effective_date: isoDate(firstDay(r.transfer.month)),
          from_position_id: positions[r.transfer.from].id,
          to_position_id: positions[r.transfer.to].id,
          region_code: region.code,
          detail: r.detail,
        };
        (r.rule === 'election_approved' ? approved : breaks).push(entry);
      }
      for (const u of org.units) unitRows.push([u.id, u.name, u.parent >= 0 ? org.units[u.parent].id : null, u.kind, u.regionCode, region.name]);
    });

    phase('beban_kerja rows (monthly task volumes)', () => writeWorkload(org, seed, spec.firstMonth, spec.lastMonth, beban), (n) => n);

    const stats = phase('kinerja rows (monthly performance)', () => writePerformance(org, employees, seed, spec.firstMonth, spec.lastMonth, delta, kinerja), () => employees.length * nMonths);

    // panel, true effects, unit design
    const staffEnd = new Int32Array(org.units.length);
    const staffStart = new Int32Array(org.units.length);
    const minutes = new Float64Array(org.units.length);
    for (const p of org.positions) minutes[p.unit] += p.annualMinutes;
    for (const e of employees) {
      staffStart[org.positions[startPosition(e)].unit]++;
      staffEnd[org.positions[e.pos[e.pos.length - 1]].unit]++;
    }
    for (const u of org.units) {
      const wave = u.receiverWave >= 0 ? WAVES[u.receiverWave] : null;
      const cohort = wave ? cohorts.find((c) => c.g === wave.month) : undefined;
      if (wave && !cohort) alwaysTreated.push(u.id);
      if (cohort) {
        cohort.units++;
        cohortUnits.get(cohort.g)!.push(u.id);
      }
      const cohortPeriod = wave ? Math.max(1, wave.month - spec.firstMonth + 1) : 0;
      let panelChunk = '';
      for (let i = 0; i < nMonths; i++) {
        const t = spec.firstMonth + i;
        const k = u.idx * nMonths + i;
        const n = stats.n[k];
        let te = 0;
        if (wave && t >= wave.month && n > 0) te = SCORE_MODEL.unit_effect + stats.waveRampSum[k] / n;
        if (cohort) cohort.sum[i] += te;
        const mean = n > 0 ? (stats.scoreSum[k] / n).toFixed(4) : '';
        panelChunk += `${u.id},${u.regionCode},${i + 1},${monthStr(t)},${cohortPeriod},${n},${mean},${te.toFixed(6)}\n`;
      }
      panel.lines(panelChunk, nMonths);
      unitDesign.row([u.id, u.regionCode, u.load, u.ej.toFixed(3), u.receiverWave >= 0 ? monthStr(WAVES[u.receiverWave].month) : '', u.sender ? '1' : '0', u.gamma.toFixed(3), String(staffStart[u.idx]), String(staffEnd[u.idx]), String(Math.round(minutes[u.idx]))]);
    }
    lastOrg = org;
    emit({
      type: 'region',
      done: region.index + 1,
      total: spec.regions.length,
      name: region.name,
      elapsedMs: performance.now() - t0,
      rows: { pegawai: pegawai.rows, beban_kerja: beban.rows, kinerja: kinerja.rows, mutasi: counts.transfers },
    });
  }

  // ---- bad input rows (not part of the simulation) ------------------------------------------------------------
  const badRows = phase('bad rows for the quarantine', () => appendBadRows(lastOrg!, seed, nips, pegawai, beban), (b) => b.length);

  // ---- small files -------------------------------------------------------------------------------------------
  await phaseAsync('units.xlsx', phases, single, emit, unitRows.length, () =>
    writeXlsx(join(out, 'units.xlsx'), {
      name: 'Unit Kerja',
      above: [[`Daftar Unit Kerja — ${spec.regions.length === 1 ? `Pemerintah ${spec.regions[0].name}` : `sampel ${scale} (${spec.regions.length} pemerintah daerah)`}, keadaan ${AS_OF_TEXT}`], []],
      header: ['Kode Unit', 'Nama Unit', 'Induk', 'Jenis Unit', 'Kode Wilayah', 'Nama Wilayah'],
      rows: unitRows,
      widths: [22, 60, 18, 14, 14, 30],
    }),
  );
  if (spec.transfersXlsx) {
    await phaseAsync('mutasi.xlsx', phases, single, emit, mutasiRows.length, () =>
      writeXlsx(join(out, 'mutasi.xlsx'), {
        name: 'Mutasi',
        header: MUTASI_XLSX_HEADER,
        rows: mutasiRows,
        widths: [24, 14, 20, 20, 28, 14, 24, 24],
        formats: [undefined, 'dd/mm/yyyy', undefined, undefined, undefined, 'dd/mm/yyyy', undefined, undefined],
      }),
    );
  }
  writeFileSync(
    join(out, 'settings.yaml'),
    [
      '# Pengaturan data contoh Seimbang (dibuat oleh `seimbang sample`).',
      '# Nilai yang tidak disebut memakai bawaan: pipeline/domain/settings.ts',
      'region:',
      `  code: "${spec.settingsRegion.code}"`,
      `  name: ${spec.settingsRegion.name}`,
      '  time_zone: WIB',
      '',
    ].join('\n'),
  );

  // ---- close the streams -------------------------------------------------------------------------------------
  const files: FileSummary[] = [];
  const closeCsv = (w: CsvWriter, name: string): void => {
    files.push({ file: name, rows: w.rows, bytes: w.close() });
  };
  files.push({ file: 'units.xlsx', rows: unitRows.length, bytes: statSync(join(out, 'units.xlsx')).size });
  closeCsv(jabatan, 'jabatan.csv');
  closeCsv(abk, 'abk.csv');
  closeCsv(pegawai, 'pegawai.csv');
  closeCsv(beban, 'beban_kerja.csv');
  closeCsv(kinerja, 'kinerja.csv');
  if (mutasiCsv) closeCsv(mutasiCsv, 'mutasi.csv');
  else files.push({ file: 'mutasi.xlsx', rows: mutasiRows.length, bytes: statSync(join(out, 'mutasi.xlsx')).size });
  files.push({ file: 'settings.yaml', rows: 0, bytes: statSync(join(out, 'settings.yaml')).size });
  closeCsv(panel, '_truth/panel_unit_month.csv');
  closeCsv(maxTenure, '_truth/max_tenure.csv');
  closeCsv(unitDesign, '_truth/unit_design.csv');

  // ---- the answer key ----------------------------------------------------------------------------------------
  const att = attTable(cohorts, spec.firstMonth, nMonths);
  const agg = att.length ? aggregate(att) : null;
  const plantedCounts: Record<string, number> = {};
  for (const b of breaks) plantedCounts[b.rule] = (plantedCounts[b.rule] ?? 0) + 1;
  plantedCounts.election_approved = approved.length;
  const truth = {
    generator: { name: 'seimbang sample', version: GENERATOR_VERSION, seed, scale },
    as_of: AS_OF_TEXT,
    window: { first_month: monthStr(spec.firstMonth), last_month: monthStr(spec.lastMonth), months: nMonths, transfer_simulation: [monthStr(WINDOW_START), monthStr(WINDOW_END)] },
    regions: spec.regions.map((r) => ({ code: r.code, name: r.name, kind: r.kind, staff: r.staff })),
    files: Object.fromEntries(files.map((f) => [f.file, { rows: f.rows, bytes: f.bytes }])),
    header_rows: { 'units.xlsx': 3, 'jabatan.csv': 1, 'abk.csv': 1, 'pegawai.csv': 1, 'beban_kerja.csv': 1, 'kinerja.csv': 1, [spec.transfersXlsx ? 'mutasi.xlsx' : 'mutasi.csv']: 1 },
    counts: {
      units: counts.units, positions: counts.positions, tasks: counts.tasks, employees: counts.employees,
      transfers: counts.transfers, wave_movers: counts.waveMovers, scattered_transfers: counts.scattered,
    },
    workload: {
      effective_minutes_per_year: DEFAULT_SETTINGS.workload.effective_minutes_per_year,
      design: 'ABK workload of a position = staff at 2023-01 (or ~1 if vacant) × WKE × unit design EJ × U(0.85,1.15); see _truth/unit_design.csv',
      design_ej: { over: [1.25, 1.5], slack: [0.5, 0.68], normal: [0.8, 1.05] },
      seasonality: SEASONALITY,
    },
    waves: WAVES.map((w) => ({ effective_date: isoDate(firstDay(w.month)), reason_category: 'rotasi_berkala', movers: counts.waveMovers[w.index], direction: 'from slack (sender) units to overloaded (receiver) units' })),
    effects: {
      outcome: 'unit mean of kinerja.nilai per unit_id and month; staff attributed to the unit of the position held on the 1st of the month',
      score_model: { ...SCORE_MODEL, month_effects: Object.fromEntries([...delta].map(([m, v]) => [monthStr(m), v])) },
      employee_event_time_effects: SCORE_MODEL.ramp.map((v, e) => ({ event_time: e, effect: v })),
      unit_effect: SCORE_MODEL.unit_effect,
      cohorts: cohorts.map((c) => ({ cohort: monthStr(c.g), group: c.g - spec.firstMonth + 1, n_units: c.units, units: cohortUnits.get(c.g) })),
      always_treated_units: alwaysTreated,
      panel_file: '_truth/panel_unit_month.csv (period 1 = first month; cohort = first treated period, 0 never, 1 = treated before the window)',
      att_gt: att,
      aggregations: agg,
    },
    transfer_audit: {
      rules: {
        election_ban: `effective between ${isoDate(BAN.from)} and ${isoDate(BAN.to)} without approval_ref (UU 10/2016 Pasal 71 ayat 2)`,
        min_tenure: `less than ${MIN_TENURE_MONTHS / 12} years in the previous position, counted from the previous transfer or the appointment (PP 11/2017 Pasal 190)`,
        competency: 'education_level below the target position\'s required_education',
        documentation: 'no decree_number or no reason_category',
        max_tenure: `more than ${DEFAULT_SETTINGS.tenure.max_years} years in the current position at ${AS_OF_TEXT} (informational)`,
      },
      planted_per_region: PLANTED,
      counts: plantedCounts,
      breaks,
      must_pass: approved,
      max_tenure: {
        as_of: AS_OF_TEXT,
        count: maxTenure.rows,
        file: '_truth/max_tenure.csv',
        nips: single ? maxTenureInline : undefined,
      },
    },
    bad_rows: badRows,
  };
  writeFileSync(join(out, '_truth', 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`);
  files.push({ file: '_truth/truth.json', rows: 0, bytes: statSync(join(out, '_truth', 'truth.json')).size });

  return {
    out,
    scale,
    seed,
    files,
    durationMs: performance.now() - t0,
    phases,
    summary: {
      regions: spec.regions.length,
      units: counts.units,
      positions: counts.positions,
      tasks: counts.tasks,
      employees: counts.employees,
      transfers: counts.transfers,
      wave_movers: counts.waveMovers,
      planted: plantedCounts,
      max_tenure: maxTenure.rows,
      bad_rows: badRows.length,
      att_simple: agg ? agg.simple : null,
    },
  };
}

/** the position held on the 1st of January 2023 */
function startPosition(e: Employee): number {
  let s = 0;
  while (s + 1 < e.start.length && e.start[s + 1] <= WINDOW_START) s++;
  return e.pos[s];
}

async function phaseAsync(
  name: string,
  phases: Record<string, number>,
  single: boolean,
  emit: (ev: GenerateEvent) => void,
  rows: number,
  fn: () => Promise<unknown>,
): Promise<void> {
  const s = performance.now();
  await fn();
  const ms = performance.now() - s;
  phases[name] = (phases[name] ?? 0) + ms;
  emit({ type: 'step', name, rows, ms });
}

/**
 * Extra rows appended after the simulation, each with exactly one fault for the quarantine. Nothing else
 * refers to them. A clean extra employee is the target of the duplicate-NIP row.
 */
function appendBadRows(org: Org, seed: number, nips: NipRegistry, pegawai: CsvWriter, beban: CsvWriter): BadRow[] {
  const rng = new Rng(seed, 'bad-rows');
  const units = org.units;
  const host =
    org.positions.find((p) => p.arch.key === 'pengadm_umum' && units[p.unit].receiverWave < 0 && !units[p.unit].sender && !units[p.unit].education) ??
    org.positions.find((p) => p.arch.key === 'pengadm_umum')!;
  const other = org.positions.find((p) => p.arch.key === 'pengadm_umum' && p.idx !== host.idx) ?? host;
  const out: BadRow[] = [];
  const appt = mi(2022, 3);
  const person = (sex: 1 | 2, name: string): string[] => {
    const birth = dayNumber(1995 + rng.int(0, 3), rng.int(1, 12), rng.int(1, 28));
    const nip = nips.pns(birth, 2022, 3, sex);
    return [
      nip.slice(0, 8) + ' ' + nip.slice(8, 14) + ' ' + nip[14] + ' ' + nip.slice(15),
      name,
      'PNS',
      PNS_GOLONGAN[4],
      isoDate(birth),
      sex === 1 ? 'L' : 'P',
      'SMA',
      'IPS',
      'administrasi-perkantoran',
      host.id,
      isoDate(firstDay(appt)),
      isoDate(firstDay(appt)),
      'Ya',
      '',
    ];
  };
  const col = (c: string): number => PEGAWAI_CANONICAL.indexOf(c);
  const add = (row: string[], column: string, reason: string): void => {
    const i = col(column);
    out.push({ file: 'pegawai.csv', row: pegawai.nextRowNumber(), column, header: PEGAWAI_HEADER[i], value: row[i], reason });
    pegawai.row(row);
  };
  // a clean extra employee (not a bad row; the duplicate below repeats its NIP)
  const clean = person(2, 'Rika Andriani');
  const cleanRow = pegawai.nextRowNumber();
  pegawai.row(clean);

  const malformed = person(1, 'Yoga Pratama');
  malformed[0] = malformed[0].slice(0, -1); // 17 digits
  add(malformed, 'nip', 'malformed NIP: 17 digits instead of 18');

  const badDate = person(2, 'Lusi Marlina');
  badDate[col('position_since')] = '31-02-2023';
  add(badDate, 'position_since', 'impossible date: 31 February 2023');

  const ghost = person(1, 'Hendrik Wattimena');
  ghost[col('position_id')] = `${units[host.unit].id}-99`;
  add(ghost, 'position_id', 'position does not exist in jabatan.csv');

  const dup = clean.slice();
  dup[col('position_id')] = other.id;
  add(dup, 'nip', `duplicate NIP: same NIP as row ${cleanRow} (an extra, otherwise valid employee), with another position`);

  const badGol = person(1, 'Fikri Maulana');
  badGol[col('golongan')] = 'III/f';
  add(badGol, 'golongan', 'golongan III/f does not exist (III/a–III/d)');

  // a negative monthly volume
  const task = host.tasks[0];
  const row = beban.nextRowNumber();
  beban.line(`${host.id},${task.id},2022-12,-12\n`);
  out.push({ file: 'beban_kerja.csv', row, column: 'volume', header: 'volume', value: '-12', reason: 'negative volume' });

  // the clean extra employee must satisfy the roster's own rules too
  if (eduRank('SMA') < eduRank(host.reqEdu)) throw new Error('bad-row host position needs more than SMA');
  return out;
}
