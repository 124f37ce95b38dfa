// A small hand-made simulator state: 2 regions, 4 units, 9 positions, 14 people.
import { DEFAULT_SETTINGS, mergeSettings } from '../../pipeline/domain/settings.ts';
import { WILLING, type SimState } from '../../pipeline/simulate/index.ts';

/** WKE 75,000 min/yr → 6,250 min per person-month: a workload of 6,250 × k needs k people. */
export const MONTH_MIN = 6_250;

export function tinyState(): SimState {
  const settings = mergeSettings(DEFAULT_SETTINGS, {
    election: { ban_months_before: 6, windows: [{ region_code: '*', candidate_determination: '2026-09-22', ban_end: '2027-02-20' }] },
  });
  // unit: 0,1 in region 0 ('3201'), 2,3 in region 1 ('3202')
  const units = { id: ['U1', 'U2', 'U3', 'U4'], name: ['Dinas A', 'Dinas B', 'Dinas C', 'Dinas D'], region: Int32Array.from([0, 0, 1, 1]) };
  const pu = [0, 0, 1, 1, 2, 2, 3, 3, 3];
  const wl = [3, 1, 2, 2.5, 4, 0.5, 1, 0, 2].map((k) => k * MONTH_MIN);
  const positions = {
    id: pu.map((_, i) => `P${i + 1}`),
    title: pu.map((_, i) => `Jabatan ${i + 1}`),
    unit: Int32Array.from(pu),
    kind: ['pelaksana', 'pelaksana', 'fungsional', 'pelaksana', 'pelaksana', 'struktural', 'pelaksana', 'pelaksana', 'fungsional'],
    class: Int32Array.from([5, 5, 8, 5, 6, 9, 5, 5, 8]),
    requiredEducation: ['SMA', 'SMA', 'S1', 'D3', 'SMA', 'S1', null, 'SMA', 'S2'],
    requiredMajor: pu.map(() => null),
    requiredCompetencies: [[], [], ['guru'], [], [], ['manajemen'], [], [], ['guru', 'konseling']],
    workload: Float64Array.from(wl),
    abkMonthly: Float64Array.from(wl),
  };
  // people per position: P1 2, P2 2, P3 1, P4 2, P5 2, P6 1, P7 2, P8 1, P9 1
  const pp = [0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 6, 6, 7, 8];
  const n = pp.length;
  const people = {
    nip: pp.map((_, i) => `1980010120100110${String(i + 10).padStart(2, '0')}`),
    name: pp.map((_, i) => `Pegawai ${i + 1}`),
    position: Int32Array.from(pp),
    since: pp.map((_, i) => (i === 0 ? '2025-11-01' : i === 1 ? '2018-03-01' : '2022-01-01')),
    spellStart: pp.map((_, i) => (i === 0 ? '2025-11-01' : i === 1 ? '2018-03-01' : '2022-01-01')),
    firstRecorded: new Uint8Array(n),
    appointment: pp.map(() => '2010-01-01'),
    status: pp.map(() => 'PNS'),
    educationLevel: pp.map((_, i) => (i === 2 ? 'SMA' : 'S1')),
    educationMajor: pp.map(() => null),
    competencies: pp.map((_, i) => (i === 4 ? ['guru'] : [])),
    willing: Uint8Array.from(pp.map((_, i) => (i === 3 ? WILLING.no : WILLING.yes))),
  };
  return {
    month: '2026-01', settings, regions: ['3201', '3202'], units, positions, people,
    rampup: Float64Array.from([0.5, 0.75, 0.9]), rampupSource: 'setting',
  };
}
