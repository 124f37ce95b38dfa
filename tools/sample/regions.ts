/**
 * Scales of the sample: which regional governments (pemerintah daerah) are generated, how many staff each has
 * and which months the monthly files cover.
 *
 * - `city`: one city (Kota Sukamaju, code 3999), ~4,500 staff, 36 months 2023-01 .. 2025-12.
 * - `province`: a fictional province (code 39) — the provincial government and 16 regencies/cities —
 *   ~100,000 staff, 36 months.
 * - `national`: the 38 provinces (real codes and names) with 514 regencies/cities (fictional names), ~4.7 million
 *   staff, 12 months 2025-01 .. 2025-12.
 */
import { mi } from './calendar.ts';
import { placeName } from './names.ts';
import { Rng } from './rng.ts';

export type Scale = 'city' | 'province' | 'national';
export const SCALES: readonly Scale[] = ['city', 'province', 'national'];
export type RegionKind = 'kota' | 'kabupaten' | 'provinsi';

export interface RegionSpec {
  /** 0-based, the order regions are generated and written in */
  index: number;
  /** Kemendagri-style code: 2 digits for a province, 4 for a regency/city */
  code: string;
  name: string;
  kind: RegionKind;
  /** head-count target at the start of the window */
  staff: number;
  /** prefix of every unit id of this region ('' at city scale) */
  prefix: string;
  /** agency in decree numbers: BKPSDM (regency/city) or BKD (province) */
  agency: string;
}

export interface ScaleSpec {
  scale: Scale;
  regions: RegionSpec[];
  /** first and last month (month index) of the monthly files */
  firstMonth: number;
  lastMonth: number;
  /** region written to settings.yaml */
  settingsRegion: { code: string; name: string };
  /** transfers as XLSX (small) or CSV (large) */
  transfersXlsx: boolean;
}

const PROVINCES: [string, string, number][] = [
  ['11', 'Aceh', 23], ['12', 'Sumatera Utara', 33], ['13', 'Sumatera Barat', 19], ['14', 'Riau', 12], ['15', 'Jambi', 11],
  ['16', 'Sumatera Selatan', 17], ['17', 'Bengkulu', 10], ['18', 'Lampung', 15], ['19', 'Kepulauan Bangka Belitung', 7],
  ['21', 'Kepulauan Riau', 7], ['31', 'DKI Jakarta', 6], ['32', 'Jawa Barat', 27], ['33', 'Jawa Tengah', 35],
  ['34', 'DI Yogyakarta', 5], ['35', 'Jawa Timur', 38], ['36', 'Banten', 8], ['51', 'Bali', 9], ['52', 'Nusa Tenggara Barat', 10],
  ['53', 'Nusa Tenggara Timur', 22], ['61', 'Kalimantan Barat', 14], ['62', 'Kalimantan Tengah', 14], ['63', 'Kalimantan Selatan', 13],
  ['64', 'Kalimantan Timur', 10], ['65', 'Kalimantan Utara', 5], ['71', 'Sulawesi Utara', 15], ['72', 'Sulawesi Tengah', 13],
  ['73', 'Sulawesi Selatan', 24], ['74', 'Sulawesi Tenggara', 17], ['75', 'Gorontalo', 6], ['76', 'Sulawesi Barat', 6],
  ['81', 'Maluku', 11], ['82', 'Maluku Utara', 10], ['91', 'Papua', 9], ['92', 'Papua Barat', 7], ['93', 'Papua Selatan', 4],
  ['94', 'Papua Tengah', 8], ['95', 'Papua Pegunungan', 8], ['96', 'Papua Barat Daya', 6],
];

/** scale the staff targets so they sum to `total` (largest remainder) */
function scaleStaff(regions: RegionSpec[], total: number): void {
  const sum = regions.reduce((s, r) => s + r.staff, 0);
  const exact = regions.map((r) => (r.staff * total) / sum);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((s, v) => s + v, 0);
  const order = exact.map((v, i) => [v - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  regions.forEach((r, i) => (r.staff = floors[i]));
}

function kabKota(rng: Rng, provCode: string, nKab: number, nKota: number, used: Set<string>, out: RegionSpec[], big: number): void {
  for (let i = 1; i <= nKab; i++) {
    const code = `${provCode}${String(i).padStart(2, '0')}`;
    out.push({ index: out.length, code, name: `Kabupaten ${placeName(rng, used)}`, kind: 'kabupaten', staff: Math.round(rng.uniform(0.75, 1.3) * big), prefix: `${code}.`, agency: 'BKPSDM' });
  }
  for (let i = 1; i <= nKota; i++) {
    const code = `${provCode}${70 + i}`;
    out.push({ index: out.length, code, name: `Kota ${placeName(rng, used)}`, kind: 'kota', staff: Math.round(rng.uniform(0.55, 1.0) * big), prefix: `${code}.`, agency: 'BKPSDM' });
  }
}

export function scaleSpec(scale: Scale, seed: number): ScaleSpec {
  const rng = new Rng(seed, 'regions', scale);
  const used = new Set<string>(['Sukamaju']);
  if (scale === 'city') {
    return {
      scale,
      regions: [{ index: 0, code: '3999', name: 'Kota Sukamaju', kind: 'kota', staff: 4300, prefix: '', agency: 'BKPSDM' }],
      firstMonth: mi(2023, 1),
      lastMonth: mi(2025, 12),
      settingsRegion: { code: '3999', name: 'Kota Sukamaju' },
      transfersXlsx: true,
    };
  }
  if (scale === 'province') {
    const regions: RegionSpec[] = [
      { index: 0, code: '39', name: 'Provinsi Nusa Contoh', kind: 'provinsi', staff: 14_000, prefix: '39.', agency: 'BKD' },
    ];
    kabKota(rng, '39', 12, 4, used, regions, 5_600);
    scaleStaff(regions, 100_000);
    return {
      scale,
      regions,
      firstMonth: mi(2023, 1),
      lastMonth: mi(2025, 12),
      settingsRegion: { code: '39', name: 'Provinsi Nusa Contoh' },
      transfersXlsx: false,
    };
  }
  const regions: RegionSpec[] = [];
  for (const [code, name, n] of PROVINCES) {
    regions.push({ index: regions.length, code, name: `Provinsi ${name}`, kind: 'provinsi', staff: Math.round(rng.uniform(9_000, 22_000)), prefix: `${code}.`, agency: 'BKD' });
    const nKota = Math.max(1, Math.round(n * 0.19));
    kabKota(rng, code, n - nKota, nKota, used, regions, 8_600);
  }
  scaleStaff(regions, 4_700_000);
  return {
    scale,
    regions,
    firstMonth: mi(2025, 1),
    lastMonth: mi(2025, 12),
    settingsRegion: { code: '00', name: 'Indonesia (sampel nasional)' },
    transfersXlsx: false,
  };
}
