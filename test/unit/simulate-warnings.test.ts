// One constructed case per rule warning of a move (shared/domain.md "Transfer rules"), and a plan with none.
import { describe, expect, it } from 'vitest';
import { Simulator, type Change, type WarningCode } from '../../pipeline/simulate/index.ts';
import { tinyState } from './simulate-helpers.ts';

const s = tinyState();
const nip = (i: number) => s.people.nip[i]!;
const move = (person: number, to: string, month = '2026-02'): Change => ({ type: 'move', nip: nip(person), to, month });

/** the codes of the last change's warnings after applying the plan */
function codes(plan: Change[]): WarningCode[] {
  const sim = new Simulator(tinyState());
  sim.applyPlan(plan);
  return sim.warnings.at(-1)!.map((w) => w.code);
}

describe('rule warnings on a move', () => {
  it.each<[string, Change[], WarningCode]>([
    ['tenure under the minimum (2 years): in post since 2025-11', [move(0, 'P2')], 'min_tenure'],
    ['the person already moved in the plan', [move(5, 'P1'), move(5, 'P2', '2026-04')], 'moved_again'],
    ['education below the target (SMA → S1 required)', [move(2, 'P3')], 'education'],
    ['competencies the target requires are lacking', [move(5, 'P9')], 'competency'],
    ['another kind of position (pelaksana → fungsional)', [move(5, 'P3')], 'position_kind'],
    ['another class (5 → 8)', [move(5, 'P9')], 'position_class'],
    ['the person is unwilling to move', [move(3, 'P1')], 'unwilling'],
    ['effective month inside the pre-election ban (from 2026-03-22)', [move(5, 'P1', '2026-06')], 'election_ban'],
    ['the releasing position left empty (P3 has one person)', [move(4, 'P1')], 'releasing_empty'],
    ['the releasing unit falls below its required staff (U1: 4 of 4)', [move(0, 'P3')], 'releasing_unit_below_need'],
    ['the person leaves within the horizon', [move(5, 'P1'), { type: 'leave', nip: nip(5), month: '2026-08' }], 'leaving'],
    ['positive signal: past the maximum tenure (since 2018)', [move(1, 'P2')], 'overdue_rotation'],
  ])('%s', (_, plan, code) => {
    const sim = new Simulator(tinyState());
    sim.applyPlan(plan);
    const all = sim.warnings.flat();
    const hit = all.find((w) => w.code === code);
    expect(hit, `${code} in ${all.map((w) => w.code).join(', ')}`).toBeDefined();
    expect(hit!.source).toMatch(/\S/);
    if (code === 'overdue_rotation') expect(hit!.kind).toBe('signal');
    else expect(hit!.kind).toBe('warning');
  });

  it('the unwilling warning carries the fact only', () => {
    const w = new Simulator(tinyState());
    w.apply(move(3, 'P1'));
    const u = w.warnings[0]!.find((x) => x.code === 'unwilling')!;
    expect(u.detail).toBeUndefined();
    expect(u.value).toBeUndefined();
  });

  it('a move with none: settled, same kind and class, educated enough, willing, outside the ban, nothing left empty', () => {
    expect(codes([move(10, 'P8')])).toEqual([]);
  });

  it('demand changes, hires and leaves carry no move warnings', () => {
    expect(codes([{ type: 'demand', target: 'unit', id: 'U1', factor: 1.2, from: '2026-02', to: '2026-03' }])).toEqual([]);
  });
});
