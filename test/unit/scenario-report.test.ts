// A saved scenario through the simulator (pipeline/simulate/scenario.ts): before / after / changes per unit on the
// small hand-made state, changes that no longer apply kept and marked, staleness against a changed warehouse, and
// the comparison of scenarios. Numbers checked by hand (WKE 75,000 min/yr → 6,250 min per person-month).
import { describe, expect, it } from 'vitest';
import { compareReports, planOrigins, scenarioReport, staleness } from '../../pipeline/simulate/scenario.ts';
import type { Change } from '../../pipeline/simulate/index.ts';
import { MONTH_MIN, tinyState } from './simulate-helpers.ts';

const s0 = tinyState();
const nip = (i: number) => s0.people.nip[i]!;
// person 7 holds P5 (Dinas C, U3); P4 is in Dinas B (U2); person 12 holds P8 (U4)
const MOVE7: Change = { type: 'move', nip: nip(7), to: 'P4', month: '2026-03' };
const GONE: Change = { type: 'leave', nip: '199901012020011999', month: '2026-02' };
const MOVE12: Change = { type: 'move', nip: nip(12), to: 'P9', month: '2026-04' };

describe('scenarioReport', () => {
  it('before → after per touched unit, staff in and out, the moves with both units’ EJ; a failing change is kept and marked', () => {
    const r = scenarioReport(tinyState(), [MOVE7, GONE, MOVE12]);
    expect(r.applied).toBe(2);
    expect(r.changes.map((c) => [c.applied, c.error?.code ?? null])).toEqual([
      [true, null],
      [false, 'unknown_person'],
      [true, null],
    ]);
    // U2: workload (2 + 2.5) × 6,250, staff 3 → 4: EJ 1.5 → 1.125; U3: 4.5 × 6,250, staff 3 → 2: EJ 1.5 → 2.25
    const byUnit = Object.fromEntries(r.touched.map((u) => [u.unit, u]));
    expect(Object.keys(byUnit).sort()).toEqual(['U2', 'U3', 'U4']);
    expect(byUnit.U2).toMatchObject({ staffBefore: 3, staffAfter: 4, ejBefore: 1.5, ejAfter: 1.125, in: [{ nip: nip(7), name: 'Pegawai 8' }], out: [] });
    expect(byUnit.U3).toMatchObject({ staffBefore: 3, staffAfter: 2, ejBefore: 1.5, ejAfter: 2.25, in: [], out: [{ nip: nip(7), name: 'Pegawai 8' }] });
    expect(byUnit.U3!.bandAfter).toBe('overloaded');
    // U4: a move inside the unit: 3 / 4 = 0.75 before and after, one in and one out
    expect(byUnit.U4).toMatchObject({ ejBefore: 0.75, ejAfter: 0.75, in: [{ nip: nip(12) }], out: [{ nip: nip(12) }] });
    expect(r.moves).toHaveLength(2);
    expect(r.moves[0]).toMatchObject({
      index: 0, nip: nip(7), name: 'Pegawai 8', fromPosition: 'P5', fromUnit: 'U3', fromUnitName: 'Dinas C',
      toPosition: 'P4', toTitle: 'Jabatan 4', toUnit: 'U2', month: '2026-03', fromEj: [1.5, 2.25], toEj: [1.5, 1.125],
    });
    expect(r.moves[1]!.index).toBe(2);
    // unit EJ after: U1 1, U2 1.125, U3 2.25, U4 0.75 → sorted (0.75, 1, 1.125, 2.25), mean 1.28125;
    // Gini = (−3·0.75 − 1 + 1.125 + 3·2.25) / (16 × 1.28125) = 4.625 / 20.5
    expect(r.indices.unit.after.gini).toBeCloseTo(4.625 / 20.5, 12);
    expect(r.indices.unit.before.gini).toBeCloseTo(2.75 / (16 * 1.1875), 12);
    expect(r.timeline[0]!.month).toBe('2026-01');
    expect(r.timeline.at(-1)!.gini).toBeCloseTo(4.625 / 20.5, 12); // past the ramp-up: the full effect
  });
});

describe('warnings per unit', () => {
  it('the releasing side’s warnings at the unit left, the others at the receiving unit', () => {
    // person 9 is the only holder of P6 (struktural, class 9, Dinas C) → P4 (pelaksana, class 5, Dinas B)
    const r = scenarioReport(tinyState(), [{ type: 'move', nip: nip(9), to: 'P4', month: '2026-03' }]);
    expect(r.changes[0]!.warnings.map((w) => w.code)).toEqual(['position_kind', 'position_class', 'releasing_empty']);
    expect(r.touched.map((u) => [u.unit, u.warnings])).toEqual([
      ['U2', ['position_class', 'position_kind']],
      ['U3', ['releasing_empty']],
    ]);
  });
});

describe('staleness against a later warehouse', () => {
  it('marks a person moved or gone, a position gone and a unit whose workload changed; applies what still can', () => {
    const plan = [MOVE7, { type: 'leave', nip: nip(10), month: '2026-02' } as Change, MOVE12];
    const origins = planOrigins(tinyState(), plan);
    expect(origins.people).toEqual({ [nip(7)]: 'P5', [nip(10)]: 'P7', [nip(12)]: 'P8' });
    expect(origins.positions).toEqual(['P4', 'P9']);
    expect(origins.changeUnits).toEqual([['U3', 'U2'], ['U4'], ['U4']]);
    expect(origins.units).toEqual({ U2: 4.5 * MONTH_MIN, U3: 4.5 * MONTH_MIN, U4: 3 * MONTH_MIN });

    // the next build: person 7 moved to P6, person 10 left (removed from the state), P4 renamed away, P5's workload doubled
    const s1 = tinyState();
    s1.people.position[7] = 5;
    s1.positions.id[3] = 'P4-baru';
    s1.positions.workload[4] = 8 * MONTH_MIN;
    s1.people.nip[10] = '200001012022011000';
    expect(staleness(s1, plan, origins)).toEqual([
      [
        { code: 'person_moved', nip: nip(7), then: 'P5', now: 'P6' },
        { code: 'position_gone', id: 'P4' },
        // U3: (8 + 0.5) × 6,250 = 53,125 against 28,125
        { code: 'unit_workload_changed', unit: 'U3', then: 4.5 * MONTH_MIN, now: 8.5 * MONTH_MIN },
      ],
      [{ code: 'person_gone', nip: nip(10) }],
      [],
    ]);
    const r = scenarioReport(s1, plan, origins);
    expect(r.changes.map((c) => [c.applied, c.error?.code ?? null, c.stale.map((x) => x.code)])).toEqual([
      [false, 'unknown_position', ['person_moved', 'position_gone', 'unit_workload_changed']],
      [false, 'unknown_person', ['person_gone']],
      [true, null, []],
    ]);
    // the same warehouse: nothing stale
    expect(staleness(tinyState(), plan, origins)).toEqual([[], [], []]);
  });
});

describe('compareReports', () => {
  it('indices side by side, the units that differ most, the moves one has and another lacks, warning counts', () => {
    const a = scenarioReport(tinyState(), [MOVE7]);
    const b = scenarioReport(tinyState(), [MOVE7, MOVE12]);
    const c = scenarioReport(tinyState(), [{ type: 'move', nip: nip(8), to: 'P4', month: '2026-03' }]);
    const cmp = compareReports([a, b, c]);
    expect(cmp.indices.find((i) => i.key === 'gini')!.after).toEqual([a.indices.unit.after.gini, b.indices.unit.after.gini, c.indices.unit.after.gini]);
    // person 8 also holds P5: c has the same unit numbers as a and b, so no unit differs in EJ
    expect(cmp.units).toEqual([]);
    // sorted by name: 'Pegawai 13' < 'Pegawai 8' < 'Pegawai 9' (text order)
    expect(cmp.onlyIn.map((m) => [m.name, m.to, m.in])).toEqual([
      ['Pegawai 13', 'P9', [false, true, false]],
      ['Pegawai 8', 'P4', [true, true, false]],
      ['Pegawai 9', 'P4', [false, false, true]],
    ]);
    const d = scenarioReport(tinyState(), []);
    const two = compareReports([a, d]);
    // U3: 2.25 against 1.5, U2: 1.125 against 1.5
    expect(two.units.map((u) => [u.unit, u.ejAfter, u.spread])).toEqual([
      ['U3', [2.25, 1.5], 0.75],
      ['U2', [1.125, 1.5], 0.375],
    ]);
  });
});
