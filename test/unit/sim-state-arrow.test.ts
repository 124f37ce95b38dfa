// The simulator's state over the wire (pipeline/sim-state/arrow.ts): what the endpoint encodes, the browser decodes
// to the same values — numbers with and without nulls, booleans across byte boundaries, repeated text
// (dictionary-encoded) with nulls, unique text with non-ASCII characters — and the state built from the decoded
// columns equals the state built from the plain columns (the CLI's path).
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../pipeline/sim-state/arrow.ts';
import { stateFromColumns, type StateColumns } from '../../pipeline/sim-state/columns.ts';

const N = 21; // more than two bytes of a bitmap
const people = {
  nip: Array.from({ length: N }, (_, i) => `1980010120050110${String(i).padStart(2, '0')}`),
  name: Array.from({ length: N }, (_, i) => (i === 3 ? 'Ñoman Śetiawan' : `Pegawai ${i}`)),
  position_index: Array.from({ length: N }, (_, i) => i % 3),
  since_day: Array.from({ length: N }, (_, i) => (i % 4 === 0 ? null : 19000 + i)),
  spell_start_day: Array.from({ length: N }, (_, i) => 18000 + i),
  first_recorded: Array.from({ length: N }, (_, i) => (i === 5 ? null : i % 3 === 0)),
  appointment_day: Array.from({ length: N }, (_, i) => (i === 7 ? null : 12000 + i)),
  status: Array.from({ length: N }, (_, i) => (i % 5 === 0 ? 'cuti' : 'aktif')),
  education_level: Array.from({ length: N }, (_, i) => (i % 6 === 0 ? null : ['S1', 'D3'][i % 2]!)),
  education_major: Array.from({ length: N }, () => null),
  competencies: Array.from({ length: N }, (_, i) => (i % 2 ? 'pengadaan|keuangan' : i % 3 ? '' : 'kepemimpinan')),
  willing_to_move: Array.from({ length: N }, (_, i) => (i % 7 === 0 ? 'no' : i % 7 === 1 ? null : 'yes')),
};
const columns: StateColumns = {
  meta: { month: ['2025-12'], rows_in_month: [3], settings: [null] },
  units: { unit_id: ['U1', 'U2'], unit_name: ['Dinas Satu', 'Dinas Dua'], region_code: ['3999', null] },
  positions: {
    position_id: ['P1', 'P2', 'P3'],
    unit_id: ['U1', 'U1', 'U2'],
    title: ['Analis', 'Guru', 'Kepala'],
    kind: ['fungsional', 'fungsional', 'struktural'],
    class: [7, 8, null],
    required_education: ['S1', null, 'S2'],
    required_major: [null, null, 'Manajemen'],
    required_competencies: ['pengadaan|keuangan', '', 'kepemimpinan'],
    workload_minutes: [12000.5, 0, null],
    abk_monthly_minutes: [11000, 5000.25, 7000],
  },
  people,
  rampup: { months_since_transfer: [0, 1, 2], share_of_full_productivity: [0.5, 0.8, 1] },
} as unknown as StateColumns;

describe('the state as Arrow', () => {
  it('decodes to the values encoded, column by column', () => {
    const back = decodeState(encodeState(columns));
    for (const [part, cols] of Object.entries(columns)) {
      for (const [name, values] of Object.entries(cols)) {
        expect(Array.from(back[part as keyof StateColumns][name] as ArrayLike<unknown>), `${part}.${name}`).toEqual(
          Array.from(values as ArrayLike<unknown>, (v) => (v === undefined ? null : v)),
        );
      }
    }
  });

  it('builds the same state from the decoded columns as from the plain ones', () => {
    const viaArrow = stateFromColumns(decodeState(encodeState(columns)));
    const direct = stateFromColumns(columns);
    expect(viaArrow).toEqual(direct);
    // hand-checked: booleans across the byte boundary, a null first_recorded reads as not first, shared lists
    expect(Array.from(viaArrow.people.firstRecorded)).toEqual(people.first_recorded.map((v) => (v ? 1 : 0)));
    expect(viaArrow.people.competencies[1]).toEqual(['pengadaan', 'keuangan']);
    expect(viaArrow.people.competencies[2]).toEqual([]);
    expect(viaArrow.people.since[0]).toBeNull();
    expect(viaArrow.people.since[1]).toBe('2022-01-09'); // day 19001 since 1970-01-01
    expect(viaArrow.units.region[1]).toBe(viaArrow.regions.indexOf(viaArrow.settings.region.code));
  });
});
