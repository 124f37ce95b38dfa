// Plan files: CSV and JSON into the plan format; errors name the row and the column.
import { describe, expect, it } from 'vitest';
import { parsePlanCsv, parsePlanJson, PlanFileError } from '../../pipeline/simulate/plan-file.ts';

const HEADER = 'type,nip,position,unit,month,until,factor,workload,title,name,reason';

describe('plan CSV', () => {
  it('reads every change type', () => {
    const plan = parsePlanCsv([
      HEADER,
      'move,196706131998011001,DINKES-01,,2026-02,,,,,,',
      'demand,,,DISDIK,2026-06,2026-07,"1,4",,,,',
      'add_position,,NEW-1,DISDIK,2026-03,,,6250,Guru baru,,',
      'remove_position,,OLD-1,,2026-04,,,,,,',
      'leave,196706131998011001,,,2026-09,,,,,,retirement',
      'hire,BARU-1,NEW-1,,2026-05,,,,,Calon,',
    ].join('\n'));
    expect(plan).toEqual([
      { type: 'move', nip: '196706131998011001', to: 'DINKES-01', month: '2026-02' },
      { type: 'demand', target: 'unit', id: 'DISDIK', factor: 1.4, from: '2026-06', to: '2026-07' },
      { type: 'add_position', id: 'NEW-1', unit: 'DISDIK', title: 'Guru baru', workload: 6250, month: '2026-03' },
      { type: 'remove_position', id: 'OLD-1', month: '2026-04' },
      { type: 'leave', nip: '196706131998011001', month: '2026-09', reason: 'retirement' },
      { type: 'hire', nip: 'BARU-1', to: 'NEW-1', month: '2026-05', name: 'Calon' },
    ]);
  });
  it.each([
    ['move,1,P1,,2026-13,,,,,,', 2, 'month'],
    ['demand,,,U1,2026-06,,-1,,,,', 2, 'factor'],
    ['demand,,,U1,2026-06,,x,,,,', 2, 'factor'],
    ['shift,1,P1,,2026-02,,,,,,', 2, 'type'],
    ['move,,P1,,2026-02,,,,,,', 2, 'nip'],
  ])('%s → row %s, column %s', (line, row, column) => {
    try {
      parsePlanCsv(`${HEADER}\n${line}`);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanFileError);
      expect((e as PlanFileError).row).toBe(row);
      expect((e as PlanFileError).column).toBe(column);
    }
  });
  it('an unknown column is named', () => {
    expect(() => parsePlanCsv('type,nip,pos\nmove,1,P1')).toThrow(/row 1, column pos/);
  });
});

describe('plan JSON', () => {
  it('a list or {changes}', () => {
    const c = { type: 'move', nip: '1', to: 'P1', month: '2026-02' };
    expect(parsePlanJson(JSON.stringify([c]))).toEqual([c]);
    expect(parsePlanJson(JSON.stringify({ changes: [c] }))).toEqual([c]);
  });
  it('names the change and the field', () => {
    expect(() => parsePlanJson(JSON.stringify([{ type: 'move', nip: '1', to: 'P1', month: '2026-02' }, { type: 'demand', target: 'unit', id: 'U', factor: 1, from: '2026', to: '2026-02' }]))).toThrow(/row 2, column from/);
  });
});
