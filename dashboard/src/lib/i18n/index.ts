/**
 * Texts of the dashboard, Bahasa Indonesia first, English second (`?lang=en`), and the number/date formats
 * (Intl, `id-ID` / `en-GB`). Plain-language labels follow shared/domain.md: the EJ grades read as
 * "efficiency" and confuse lay readers, so every grade is shown with a plain label of what it means for staffing.
 *
 * One file per page holds that page's texts (`overview.ts`, `unit.ts`, `jabatan.ts`, `dampak.ts`, `audit.ts`,
 * `audit-transfer.ts`, each `export default { id, en }`); this file keeps the texts shared by every page (navigation,
 * errors, column and axis names, bands), joins the pages' texts under their key, writes the thresholds in force into
 * them (texts()) and holds the formatters.
 */
import { BAND_LABELS, type Band } from '#domain/metrics.ts';
import type { Lang } from '../params';
import overviewTexts from './overview';
import unitTexts from './unit';
import jabatanTexts from './jabatan';
import dampakTexts from './dampak';
import auditTexts from './audit';
import cardTexts from './audit-transfer';

/** Plain band labels come from the shared domain definitions (pipeline/domain/metrics.ts). */
const bandLabels = (lang: Lang) =>
  Object.fromEntries(Object.entries(BAND_LABELS).map(([k, v]) => [k, v[lang]])) as Record<Band, string>;

const id = {
  appName: 'Seimbang',
  tagline: 'Keseimbangan beban kerja dan mutasi ASN',
  skip: 'Lewati ke konten utama',
  nav: { label: 'Navigasi utama', overview: 'Ringkasan', units: 'Unit kerja', jabatan: 'Jabatan', dampak: 'Dampak mutasi', audit: 'Audit mutasi', pegawai: 'Pegawai', simulasi: 'Simulasi', publik: 'Laporan publik' },
  langSwitch: 'English',
  langSwitchLabel: 'Switch to English',
  month: 'Bulan',
  region: 'Wilayah',
  allRegions: 'Semua wilayah',
  show: 'Tampilkan',
  table: {
    search: 'Cari di tabel',
    count: (shown: number, total: number) => (shown === total ? `${total.toLocaleString('id-ID')} baris` : `${shown.toLocaleString('id-ID')} dari ${total.toLocaleString('id-ID')} baris`),
    sortBy: 'Urutkan menurut kolom ini (klik lagi: terbalik)',
    pages: 'Halaman tabel',
    prev: 'Sebelumnya',
    next: 'Berikutnya',
    page: (n: number, of: number) => `Halaman ${n} dari ${of}`,
    scrollCue: 'Geser tabel ke samping untuk kolom lainnya →',
  },
  view: {
    label: 'Cara membaca EJ',
    annual: 'Tahunan (12 bulan)',
    month: 'Bulan ini saja',
    /** what the page shows, said once under the filters */
    shownAnnual: (m: string, from: string, n: number) =>
      `Ditampilkan: EJ tahunan — beban kerja 12 bulan ${from}–${m}${n < 12 ? ` (hanya ${n} bulan data, disetahunkan × 12/${n})` : ''} terhadap pegawai ${m}. ABK bersifat tahunan (PermenPANRB 1/2020), jadi lonjakan musiman tidak terbaca sebagai kebutuhan pegawai. Pilih Desember untuk tahun kalender.`,
    shownMonth: (m: string) =>
      `Ditampilkan: EJ bulan ${m} saja (beban kerja bulan itu ÷ waktu kerja efektif ÷ 12); lonjakan musiman tampak sebagai puncak.`,
  },
  /** rotation-wave markers on the trend charts (Ringkasan, unit page): lib/charts/waves.ts */
  waves: {
    mark: 'rotasi',
    tip: (m: string, n: string) => `Gelombang rotasi ${m}: ${n} pegawai dipindah (SK mutasi kolektif)`,
    unitMoves: (inn: string, out: string) => `unit ini: +${inn} masuk, −${out} keluar`,
    unitNone: 'tidak memindahkan pegawai unit ini',
    /** the caption of a unit's trend chart: which waves moved its staff (solid) and which did not (faint) */
    unitCaption: (mine: string[], other: string[]) =>
      (mine.length ? `Garis hijau tebal: gelombang rotasi yang memindahkan pegawai unit ini (${mine.join(', ')})` : 'Tidak ada gelombang rotasi yang memindahkan pegawai unit ini') +
      (other.length ? `; garis tipis: gelombang rotasi lain di wilayah ini (${other.join(', ')}).` : '.'),
  },
  latest: 'terbaru',
  downloadCsv: 'Unduh data (CSV)',
  dataTable: 'Tabel data',
  loading: 'Memuat…',
  footer: {
    data: 'Data gudang',
    builtAt: 'dibangun',
    version: 'versi',
    note: 'Angka dihitung dari data ABK (PermenPANRB 1/2020) dan data kepegawaian; data pribadi tidak ditampilkan.',
    api: 'Daftar endpoint data',
  },
  bands: bandLabels('id'),
  /** the band each label stands for, with the thresholds in force (the balanced band is a tolerance around 1) */
  bandRanges: {
    overloaded: 'EJ di atas {over}',
    balanced: 'EJ {slack}–{over}',
    slack: 'EJ di bawah {slack}',
    unstaffed: 'ada beban kerja, tanpa pegawai',
    idle: 'tanpa beban kerja',
  },
  /** the grade is secondary: it grades efficiency, so an overloaded unit scores an A */
  gradeNote: 'Nilai EJ (A–E, PermenPANRB 1/2020) menilai efisiensi, bukan kecukupan pegawai: unit yang kekurangan pegawai pun bisa bernilai A.',
  errors: {
    warehouse: 'Data belum tersedia',
    warehouseHelp:
      'Gudang data (file DuckDB) belum dibangun atau tidak bisa dibuka. Jalankan `npm run build:warehouse` (atau `npm start`, yang membangunnya dari data contoh), lalu muat ulang halaman ini.',
    outdated: 'Gudang data perlu dibangun ulang',
    outdatedHelp: (found: number | null, expected: number) =>
      `Gudang data ini dibangun oleh versi Seimbang yang lain (${found === null ? 'tanpa versi skema' : `skema versi ${found}`}), sedangkan dasbor ini membaca skema versi ${expected}. Tabelnya tidak cocok, jadi angka tidak ditampilkan. Bangun ulang gudang data dari folder masukannya dengan perintah ini, lalu muat ulang halaman:`,
    inputFolder: '<folder masukan>',
    failed: 'Data tidak dapat dimuat',
    failedHelp: 'Server menjawab dengan galat. Coba muat ulang; bila tetap gagal, periksa log server.',
    noMonth: (m: string, from: string, to: string) =>
      `Tidak ada data untuk ${m}. Data tersedia dari ${from} sampai ${to}; pilih bulan lain.`,
    badMonth: 'Parameter bulan tidak valid (gunakan format TTTT-BB, mis. 2024-06). Menampilkan bulan terbaru.',
    empty: 'Tidak ada data untuk ditampilkan.',
    notFound: 'Halaman tidak ditemukan',
    unitNotFound: (id: string) => `Unit kerja “${id}” tidak ada di gudang data.`,
    backHome: 'Kembali ke Ringkasan',
  },
  overview: overviewTexts.id,
  unit: unitTexts.id,
  jabatan: jabatanTexts.id,
  dampak: dampakTexts.id,
  audit: auditTexts.id,
  card: cardTexts.id,
  pegawai: {
    title: 'Pegawai',
    notice: 'Halaman ini memerlukan masuk (sign-in)',
    body:
      'Data pegawai perorangan (NIP, nama, tanggal lahir, alasan tidak bersedia dimutasi) adalah data pribadi menurut UU 27/2022 tentang Pelindungan Data Pribadi. Halaman ini baru akan tersedia setelah ada akun dan peran pengguna; sampai saat itu, tidak ada endpoint yang mengirim data pribadi.',
    instead: 'Sementara itu, angka agregat tersedia di halaman Ringkasan, Unit kerja, Jabatan, Dampak mutasi dan Audit mutasi.',
  },
  cols: {
    unit: 'Unit kerja',
    month: 'Bulan',
    ej: 'EJ',
    grade: 'Nilai',
    label: 'Keterangan',
    staff: 'Pegawai',
    required: 'Kebutuhan',
    workloadHours: 'Beban (jam)',
    capacityHours: 'Kapasitas (jam)',
    position: 'Jabatan',
    kind: 'Jenis',
    rating: 'Predikat',
    count: 'Jumlah',
    gini: 'Gini',
    cv: 'Koefisien variasi',
    theil: 'Theil',
    in: 'Masuk',
    out: 'Keluar',
  },
  axes: {
    ej: 'EJ (beban ÷ kapasitas) →',
    index: '↑ Indeks (0 = merata)',
    people: 'Pegawai (orang) →',
    transfers: '↑ Mutasi (orang)',
    employees: 'Pegawai (orang) →',
  },
  ratings: ['Sangat Kurang', 'Kurang/Misconduct', 'Butuh Perbaikan', 'Baik', 'Sangat Baik'],
  indices: { gini: 'Gini', cv: 'Koefisien variasi', theil: 'Indeks Theil' },
};

type Dict = typeof id;

const en: Dict = {
  appName: 'Seimbang',
  tagline: 'Workload balance and transfers of civil servants',
  skip: 'Skip to main content',
  nav: { label: 'Main navigation', overview: 'Overview', units: 'Units', jabatan: 'Positions', dampak: 'Transfer effects', audit: 'Transfer audit', pegawai: 'Employees', simulasi: 'What-if', publik: 'Public report' },
  langSwitch: 'Bahasa Indonesia',
  langSwitchLabel: 'Ganti ke Bahasa Indonesia',
  month: 'Month',
  region: 'Region',
  allRegions: 'All regions',
  show: 'Show',
  table: {
    search: 'Search the table',
    count: (shown: number, total: number) => (shown === total ? `${total.toLocaleString('en-GB')} rows` : `${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows`),
    sortBy: 'Sort by this column (click again: reverse)',
    pages: 'Table pages',
    prev: 'Previous',
    next: 'Next',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    scrollCue: 'Swipe the table sideways for more columns →',
  },
  view: {
    label: 'How EJ is read',
    annual: 'Annual (12 months)',
    month: 'This month only',
    shownAnnual: (m: string, from: string, n: number) =>
      `Shown: annual EJ — the workload of the 12 months ${from}–${m}${n < 12 ? ` (only ${n} months of data, annualised × 12/${n})` : ''} against the staff of ${m}. ABK is an annual method (PermenPANRB 1/2020), so a seasonal surge does not read as a staffing need. Choose December for the calendar year.`,
    shownMonth: (m: string) =>
      `Shown: the EJ of ${m} alone (that month's workload ÷ effective working time ÷ 12); seasonal surges show as peaks.`,
  },
  waves: {
    mark: 'rotation',
    tip: (m: string, n: string) => `Rotation wave ${m}: ${n} people moved (collective transfer decree)`,
    unitMoves: (inn: string, out: string) => `this unit: +${inn} in, −${out} out`,
    unitNone: 'moved no one into or out of this unit',
    unitCaption: (mine: string[], other: string[]) =>
      (mine.length ? `Thick green lines: rotation waves that moved this unit's staff (${mine.join(', ')})` : 'No rotation wave moved this unit\'s staff') +
      (other.length ? `; thin lines: the region's other rotation waves (${other.join(', ')}).` : '.'),
  },
  latest: 'latest',
  downloadCsv: 'Download the data (CSV)',
  dataTable: 'Data table',
  loading: 'Loading…',
  footer: {
    data: 'Warehouse',
    builtAt: 'built',
    version: 'version',
    note: 'Figures come from the workload analysis (ABK, PermenPANRB 1/2020) and staff records; no personal data is shown.',
    api: 'List of data endpoints',
  },
  bands: bandLabels('en'),
  bandRanges: {
    overloaded: 'EJ above {over}',
    balanced: 'EJ {slack}–{over}',
    slack: 'EJ below {slack}',
    unstaffed: 'workload but nobody in post',
    idle: 'no workload',
  },
  gradeNote: 'The EJ grade (A–E, PermenPANRB 1/2020) rates efficiency, not whether staffing is adequate: an understaffed unit can score an A.',
  errors: {
    warehouse: 'No data yet',
    warehouseHelp:
      'The data warehouse (DuckDB file) has not been built or cannot be opened. Run `npm run build:warehouse` (or `npm start`, which builds it from the sample data), then reload this page.',
    outdated: 'The warehouse needs a rebuild',
    outdatedHelp: (found: number | null, expected: number) =>
      `This warehouse was built by another version of Seimbang (${found === null ? 'without a schema version' : `schema version ${found}`}); this dashboard reads schema version ${expected}. Its tables do not match, so no figures are shown. Rebuild the warehouse from its input folder with this command, then reload the page:`,
    inputFolder: '<input folder>',
    failed: 'The data could not be loaded',
    failedHelp: 'The server answered with an error. Reload; if it keeps failing, check the server log.',
    noMonth: (m: string, from: string, to: string) =>
      `There is no data for ${m}. Data covers ${from} to ${to}; choose another month.`,
    badMonth: 'Invalid month parameter (use YYYY-MM, e.g. 2024-06). Showing the latest month.',
    empty: 'Nothing to show.',
    notFound: 'Page not found',
    unitNotFound: (id: string) => `The unit “${id}” is not in the warehouse.`,
    backHome: 'Back to the overview',
  },
  overview: overviewTexts.en,
  unit: unitTexts.en,
  jabatan: jabatanTexts.en,
  dampak: dampakTexts.en,
  audit: auditTexts.en,
  card: cardTexts.en,
  pegawai: {
    title: 'Employees',
    notice: 'This page requires sign-in',
    body:
      'Data about individual employees (NIP, name, birth date, reasons for being unwilling to move) is personal data under Law 27/2022 on Personal Data Protection. This page becomes available once user accounts and roles exist; until then no endpoint sends personal data.',
    instead: 'Meanwhile, aggregate figures are on the Overview, Units, Positions, Transfer effects and Transfer audit pages.',
  },
  cols: {
    unit: 'Unit',
    month: 'Month',
    ej: 'EJ',
    grade: 'Grade',
    label: 'Meaning',
    staff: 'Staff',
    required: 'Required',
    workloadHours: 'Workload (hours)',
    capacityHours: 'Capacity (hours)',
    position: 'Position',
    kind: 'Kind',
    rating: 'Rating',
    count: 'Count',
    gini: 'Gini',
    cv: 'Coefficient of variation',
    theil: 'Theil',
    in: 'In',
    out: 'Out',
  },
  axes: {
    ej: 'EJ (workload ÷ capacity) →',
    index: '↑ Index (0 = even)',
    people: 'Staff (people) →',
    transfers: '↑ Transfers (people)',
    employees: 'Staff (people) →',
  },
  ratings: ['Very poor', 'Poor/Misconduct', 'Needs improvement', 'Good', 'Very good'],
  indices: { gini: 'Gini', cv: 'Coefficient of variation', theil: 'Theil index' },
};

/**
 * The band thresholds in force: the settings the warehouse was built with (build_info, served by /api/build-info),
 * never the defaults in code. Texts write them where they say {over} / {slack} (1,0 / 0,7; {over_}: 1), charts
 * draw their lines at them.
 */
export interface BandLimits {
  overloaded_above: number;
  slack_below: number;
}

/** The texts of one language with the thresholds in force; `limits` is null when no warehouse could be read. */
export type Texts = Dict & { limits: BandLimits | null };
export const TEXTS: Record<Lang, Dict> = { id, en };

const PLACEHOLDER = /\{(over|slack)(_?)\}/g;

/** Every string of the dictionary (and every string a text function returns) with the thresholds written in. */
function withLimits<T>(v: T, fill: (s: string) => string): T {
  if (typeof v === 'string') return fill(v) as T;
  if (typeof v === 'function') {
    const fn = v as unknown as (...a: unknown[]) => unknown;
    return ((...a: unknown[]) => withLimits(fn(...a), fill)) as T;
  }
  if (Array.isArray(v)) return v.map((x) => withLimits(x, fill)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withLimits(x, fill)])) as T;
  return v;
}

const textCache = new Map<string, Texts>();

export function texts(lang: Lang, limits: BandLimits | null = null): Texts {
  const key = `${lang}|${limits?.overloaded_above}|${limits?.slack_below}`;
  let t = textCache.get(key);
  if (!t) {
    const loc = locale(lang);
    const one = new Intl.NumberFormat(loc, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    const plain = new Intl.NumberFormat(loc, { maximumFractionDigits: 2 });
    const value = (which: string) => (which === 'over' ? limits?.overloaded_above : limits?.slack_below);
    const fill = (s: string) =>
      s.includes('{')
        ? s.replace(PLACEHOLDER, (_, which: string, bare: string) => {
            const x = value(which);
            return x == null ? '–' : (bare ? plain : one).format(x);
          })
        : s;
    t = { ...withLimits(TEXTS[lang], fill), limits };
    textCache.set(key, t);
  }
  return t;
}

/** Indonesia's time zones (settings region.time_zone) as IANA names */
const ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;

export function locale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}

/** Number and date formatters for one language. */
export function formats(lang: Lang) {
  const loc = locale(lang);
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (min: number, max: number) => {
    const k = `${min}:${max}`;
    let f = cache.get(k);
    if (!f) cache.set(k, (f = new Intl.NumberFormat(loc, { minimumFractionDigits: min, maximumFractionDigits: max })));
    return f;
  };
  const monthLong = new Intl.DateTimeFormat(loc, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(loc, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const monthOnly = new Intl.DateTimeFormat(loc, { month: 'short', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const pct = new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 0 });
  const pct1 = new Intl.NumberFormat(loc, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signedFmt = (digits: number) =>
    new Intl.NumberFormat(loc, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' });
  const signedN = [signedFmt(0), signedFmt(1), signedFmt(2)];
  const dateLong = new Intl.DateTimeFormat(loc, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const signed = new Intl.NumberFormat(loc, { minimumFractionDigits: 3, maximumFractionDigits: 3, signDisplay: 'exceptZero' });
  const toDate = (d: Date | number) => (typeof d === 'number' ? new Date(d) : d);
  return {
    locale: loc,
    /** up to two decimals, no trailing zeros (axis ticks) */
    num: (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : nf(0, 2).format(v)),
    /** integers */
    int: (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : nf(0, 0).format(v)),
    /** one decimal (people, FTE) */
    num1: (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : nf(1, 1).format(v)),
    /** two decimals (EJ) */
    num2: (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : nf(2, 2).format(v)),
    /** three decimals (indices) */
    num3: (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : nf(3, 3).format(v)),
    signed3: (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : signed.format(v)),
    pct: (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : pct.format(v)),
    /** percent with one decimal (compliance rates near 100 %) */
    pct1: (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '–' : pct1.format(v)),
    /** a signed number with 0–2 decimals (effects: +3,7 / −0,16) */
    signed: (v: number | null | undefined, digits: 0 | 1 | 2 = 1) => (v == null || Number.isNaN(v) ? '–' : signedN[digits]!.format(v)),
    /** a day: 1 Juni 2024 / 1 June 2024 */
    date: (d: Date | number) => dateLong.format(toDate(d)),
    month: (d: Date | number) => monthLong.format(toDate(d)),
    monthShort: (d: Date | number) => monthShort.format(toDate(d)),
    /** short month name only, for dense time axes (the year shows in January ticks) */
    monthTick: (d: Date | number) => {
      const x = toDate(d);
      return x.getUTCMonth() === 0 ? monthShort.format(x) : monthOnly.format(x);
    },
    dateTime: (d: Date | number) => dateTime.format(toDate(d)),
    /** a time in the region's zone of the settings (WIB / WITA / WIT), with the zone's name */
    dateTimeIn: (d: Date | number, zone: string) => {
      const tz = ZONES[zone as keyof typeof ZONES];
      if (!tz) return `${dateTime.format(toDate(d))} UTC`;
      return `${new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(toDate(d))} ${zone}`;
    },
  };
}

export type Formats = ReturnType<typeof formats>;
