// Axis labels of unit names: cut to the width budget; in a warehouse of several regions the region (which tells
// the many "Dinas Pendidikan" apart) is kept, shortened, and the name is cut instead.
import { describe, expect, it } from 'vitest';
import { truncate } from '../../dashboard/src/lib/charts/labels.ts';

describe('truncate', () => {
  it('leaves a short label alone and cuts a long one with an ellipsis', () => {
    expect(truncate('Dinas Pendidikan', 38)).toBe('Dinas Pendidikan');
    expect(truncate('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 16)).toBe('Badan Kepegawai…');
  });

  it('keeps the region of a multi-region label, abbreviated, and cuts the name', () => {
    const label = 'Badan Pengelolaan Keuangan dan Aset Daerah · Kabupaten Padang Mukti';
    expect(truncate(label, 38)).toBe('Badan Pengelolaan… · Kab. Padang Mukti');
    expect(truncate(label, 38)).toHaveLength(38);
    expect(truncate('Dinas Pendidikan · Provinsi Nusa Contoh', 38)).toBe('Dinas Pendidikan · Prov. Nusa Contoh');
    expect(truncate('Dinas Sosial · Kota Ujung Utara', 38)).toBe('Dinas Sosial · Kota Ujung Utara');
  });

  it('falls back to a plain cut when the region leaves too little room for the name', () => {
    expect(truncate('Dinas Pendidikan · Kabupaten Padang Mukti', 16)).toBe('Dinas Pendidika…');
  });
});
