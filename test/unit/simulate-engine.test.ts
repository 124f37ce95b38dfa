// The simulator engine on a small hand-made state: hand-checked numbers, impossible changes, undo/redo, and the
// properties (fast-check): incremental == full recompute after any sequence of changes; apply then undo == before.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulator, fullRecompute, SimulationError, PlanError, timeline, type Change, type Snapshot } from '../../pipeline/simulate/index.ts';
import { MONTH_MIN, tinyState } from './simulate-helpers.ts';

const s0 = tinyState();
const nip = (i: number) => s0.people.nip[i]!;

function expectSame(a: Snapshot, b: Snapshot): void {
  for (const level of ['unit', 'position'] as const) {
    expect(Array.from(a[level].workload)).toEqual(Array.from(b[level].workload));
    expect(Array.from(a[level].staff)).toEqual(Array.from(b[level].staff));
    expect(Array.from(a[level].required)).toEqual(Array.from(b[level].required));
    expect(Array.from(a[level].ej)).toEqual(Array.from(b[level].ej));
    expect(a[level].indices).toEqual(b[level].indices);
  }
}

describe('hand-checked numbers', () => {
  it('unchanged state: unit EJ and indices', () => {
    const sim = new Simulator(tinyState());
    // U1: positions P1 (3 × 6,250 min, 2 people) and P2 (1 ×, 2 people): 25,000 / (4 × 6,250) = 1
    expect(sim.row('unit', 0).ej).toBe(1);
    // U2: P3 (2 ×, 1 person) and P4 (2.5 ×, 2 people): 4.5 / 3 = 1.5
    expect(sim.row('unit', 1).ej).toBe(1.5);
    // U3: P5 (4 ×, 2) and P6 (0.5 ×, 1): 4.5 / 3 = 1.5; U4: P7 (1 ×, 2), P8 (0, 1), P9 (2 ×, 1): 3 / 4 = 0.75
    expect(sim.row('unit', 2).ej).toBe(1.5);
    expect(sim.row('unit', 3).ej).toBe(0.75);
    // Gini of (0.75, 1, 1.5, 1.5): Σ(2i−n−1)x = −3·0.75 −1·1 +1·1.5 +3·1.5 = 2.75; / (16 × 1.1875) = 0.144737
    expect(sim.indices('unit').gini).toBeCloseTo(2.75 / (16 * 1.1875), 14);
    // region 3201 = U1, U2: EJ (1, 1.5): Gini = (−1 + 1.5) / (4 × 1.25) = 0.1
    expect(sim.indices('unit', 0).gini).toBeCloseTo(0.1, 14);
  });

  it('a move updates two positions, two units and the indices', () => {
    const sim = new Simulator(tinyState());
    // person 0 from P1 (U1) to P3 (U2)
    sim.apply({ type: 'move', nip: nip(0), to: 'P3', month: '2026-03' });
    expect(sim.row('position', 0).staff).toBe(1);
    expect(sim.row('position', 0).ej).toBe(3); // 3 × 6,250 / (1 × 6,250)
    expect(sim.row('position', 2).ej).toBe(1); // 2 / 2
    expect(sim.row('unit', 0).ej).toBeCloseTo(4 / 3, 14); // 25,000 / (3 × 6,250)
    expect(sim.row('unit', 1).ej).toBe(4.5 / 4);
    // units (1.3333, 1.125, 1.5, 0.75): sorted 0.75, 1.125, 1.3333, 1.5; mean 1.177083
    const x = [0.75, 1.125, 4 / 3, 1.5];
    const m = x.reduce((a, b) => a + b) / 4;
    const g = (-3 * x[0]! - x[1]! + x[2]! + 3 * x[3]!) / (16 * m);
    expect(sim.indices('unit').gini).toBeCloseTo(g, 14);
    expect(sim.row('unit', 0).band).toBe('overloaded');
    expect(sim.row('unit', 0).wisnDifference).toBe(-1);
  });

  it('a demand change multiplies workload in its months only (view month)', () => {
    const sim = new Simulator(tinyState());
    sim.apply({ type: 'demand', target: 'unit', id: 'U3', factor: 2, from: '2026-06', to: '2026-07' });
    expect(sim.row('unit', 2).ej).toBe(1.5); // the view is the state month 2026-01
    sim.setView(2026 * 12 + 5); // June 2026
    expect(sim.row('unit', 2).ej).toBe(3);
    expect(sim.row('position', 4).workload).toBe(8 * MONTH_MIN);
  });

  it('timeline: ramp-up share after the move, the releasing side at once', () => {
    const sim = new Simulator(tinyState());
    sim.apply({ type: 'move', nip: nip(0), to: 'P3', month: '2026-03' });
    const tl = timeline(sim);
    expect(tl.months[0]).toBe('2026-01');
    expect(tl.months.length).toBe(13);
    const j1 = Array.from(tl.touchedUnits).indexOf(1);
    const n = tl.months.length;
    // U2 staff: 3 until Feb, then 3 + 0.5 (month 0 of the curve), 3.75, 3.9, then 4
    expect(Array.from(tl.unitStaff.subarray(j1 * n, j1 * n + 7))).toEqual([3, 3, 3.5, 3.75, 3.9, 4, 4]);
    const j0 = Array.from(tl.touchedUnits).indexOf(0);
    expect(Array.from(tl.unitStaff.subarray(j0 * n, j0 * n + 4))).toEqual([4, 4, 3, 3]);
    const off = timeline(sim, { rampup: false });
    expect(off.unitStaff[j1 * n + 2]).toBe(4);
    // the last month equals the after view
    expect(tl.unit[12]).toEqual(sim.indices('unit'));
  });
});

describe('impossible changes change nothing', () => {
  const cases: [string, Change, string][] = [
    ['same position', { type: 'move', nip: nip(0), to: 'P1', month: '2026-02' }, 'same_position'],
    ['unknown person', { type: 'move', nip: '000', to: 'P2', month: '2026-02' }, 'unknown_person'],
    ['unknown position', { type: 'move', nip: nip(0), to: 'PX', month: '2026-02' }, 'unknown_position'],
    ['bad month', { type: 'move', nip: nip(0), to: 'P2', month: '2026-13' }, 'bad_month'],
    ['before the state', { type: 'move', nip: nip(0), to: 'P2', month: '2025-12' }, 'month_before_state'],
    ['negative factor', { type: 'demand', target: 'unit', id: 'U1', factor: -0.5, from: '2026-02', to: '2026-03' }, 'bad_factor'],
    ['range backwards', { type: 'demand', target: 'unit', id: 'U1', factor: 1.2, from: '2026-05', to: '2026-03' }, 'bad_range'],
    ['remove a staffed position', { type: 'remove_position', id: 'P1', month: '2026-02' }, 'position_not_empty'],
  ];
  it.each(cases)('%s', (_, change, code) => {
    const sim = new Simulator(tinyState());
    const before = sim.snapshot();
    expect(() => sim.apply(change)).toThrow(SimulationError);
    try {
      sim.apply(change);
    } catch (e) {
      expect((e as SimulationError).code).toBe(code);
    }
    expectSame(sim.snapshot(), before);
    expect(sim.plan).toEqual([]);
  });
  it('a person already gone', () => {
    const sim = new Simulator(tinyState());
    sim.apply({ type: 'leave', nip: nip(1), month: '2026-02' });
    expect(() => sim.apply({ type: 'move', nip: nip(1), to: 'P2', month: '2026-03' })).toThrow(/already left/);
  });
  it('applyPlan is all or nothing and names the change', () => {
    const sim = new Simulator(tinyState());
    const before = sim.snapshot();
    try {
      sim.applyPlan([{ type: 'move', nip: nip(0), to: 'P2', month: '2026-02' }, { type: 'move', nip: nip(2), to: 'NOPE', month: '2026-02' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanError);
      expect((e as PlanError).index).toBe(1);
      expect((e as PlanError).cause.field).toBe('to');
    }
    expectSame(sim.snapshot(), before);
  });
});

describe('undo, redo, remove', () => {
  it('undo and redo walk the plan', () => {
    const sim = new Simulator(tinyState());
    const a = sim.snapshot();
    sim.apply({ type: 'move', nip: nip(0), to: 'P3', month: '2026-03' });
    const b = sim.snapshot();
    sim.apply({ type: 'hire', nip: 'BARU-1', to: 'P8', month: '2026-04' });
    sim.undo();
    expectSame(sim.snapshot(), b);
    sim.undo();
    expectSame(sim.snapshot(), a);
    expect(sim.canUndo).toBe(false);
    sim.redo();
    expectSame(sim.snapshot(), b);
    expect(sim.canRedo).toBe(true);
  });
  it('remove a change from the middle of the plan', () => {
    const sim = new Simulator(tinyState());
    sim.apply({ type: 'move', nip: nip(0), to: 'P3', month: '2026-03' });
    sim.apply({ type: 'demand', target: 'position', id: 'P5', factor: 1.5, from: '2026-01', to: '2026-12' });
    sim.apply({ type: 'move', nip: nip(5), to: 'P8', month: '2026-04' });
    sim.remove(0);
    expect(sim.plan.map((c) => c.type)).toEqual(['demand', 'move']);
    expectSame(sim.snapshot(), fullRecompute(sim.state, sim.plan));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// properties

const positions = s0.positions.id;
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ type: fc.constant('move' as const), nip: fc.constantFrom(...s0.people.nip), to: fc.constantFrom(...positions, 'PN1', 'PN2'), month: fc.constantFrom('2026-01', '2026-03', '2026-06') }),
  fc.record({
    type: fc.constant('demand' as const), target: fc.constantFrom('unit' as const, 'position' as const),
    id: fc.constantFrom('U1', 'U2', 'U3', 'U4', ...positions), factor: fc.constantFrom(0, 0.5, 1.3, 2),
    from: fc.constantFrom('2026-01', '2026-02'), to: fc.constantFrom('2026-01', '2026-06'),
  }).map((d) => ({ ...d, id: d.target === 'unit' ? d.id.replace(/^P(\d)$/, 'U$1').replace(/^U([5-9])$/, 'U4') : d.id.replace(/^U/, 'P') })),
  fc.record({ type: fc.constant('add_position' as const), id: fc.constantFrom('PN1', 'PN2'), unit: fc.constantFrom('U1', 'U3'), title: fc.constant('Baru'), workload: fc.constantFrom(0, 3125, 12500), month: fc.constant('2026-02') }),
  fc.record({ type: fc.constant('remove_position' as const), id: fc.constantFrom(...positions, 'PN1'), month: fc.constant('2026-06') }),
  fc.record({ type: fc.constant('leave' as const), nip: fc.constantFrom(...s0.people.nip), month: fc.constantFrom('2026-06', '2026-09') }),
  fc.record({ type: fc.constant('hire' as const), nip: fc.constantFrom('BARU-1', 'BARU-2'), to: fc.constantFrom(...positions), month: fc.constant('2026-06') }),
);
const ops = fc.array(fc.oneof({ weight: 5, arbitrary: changeArb.map((c) => ({ op: 'apply' as const, c })) }, { weight: 2, arbitrary: fc.constant({ op: 'undo' as const }) }, { weight: 1, arbitrary: fc.constant({ op: 'redo' as const }) }), { maxLength: 40 });

describe('properties (fast-check)', () => {
  it('after any sequence of changes, undos and redos, the incremental state equals a full recompute', () => {
    fc.assert(
      fc.property(ops, fc.integer({ min: 0, max: 12 }), (seq, view) => {
        const sim = new Simulator(tinyState());
        for (const o of seq) {
          if (o.op === 'apply') {
            try {
              sim.apply(o.c);
            } catch (e) {
              if (!(e instanceof SimulationError)) throw e;
            }
          } else if (o.op === 'undo') sim.undo();
          else sim.redo();
        }
        sim.setView(sim.stateMonth + view);
        const m = sim.stateMonth + view;
        const full = fullRecompute(sim.state, sim.plan, `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
        expectSame(sim.snapshot(), full);
      }),
      { numRuns: 300 },
    );
  });

  it('applying a plan then undoing it gives back the identical state', () => {
    fc.assert(
      fc.property(fc.array(changeArb, { maxLength: 30 }), (changes) => {
        const sim = new Simulator(tinyState());
        const before = sim.snapshot();
        let applied = 0;
        for (const c of changes) {
          try {
            sim.apply(c);
            applied++;
          } catch (e) {
            if (!(e instanceof SimulationError)) throw e;
          }
        }
        for (let i = 0; i < applied; i++) sim.undo();
        expectSame(sim.snapshot(), before);
        expect(Array.from(sim.personPos.subarray(0, sim.nPeople))).toEqual(Array.from(tinyState().people.position));
      }),
      { numRuns: 300 },
    );
  });
});
