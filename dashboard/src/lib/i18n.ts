/**
 * Texts of the dashboard, Bahasa Indonesia first, English second (`?lang=en`), and the number/date formats
 * (Intl, `id-ID` / `en-GB`). Plain-language labels follow shared/domain.md: the EJ grades read as
 * "efficiency" and confuse lay readers, so every grade is shown with a plain label of what it means for staffing.
 */
import { BAND_LABELS, type Band } from '$domain/metrics.ts';
import type { Lang } from './params';

/** Plain band labels come from the shared domain definitions (pipeline/domain/metrics.ts). */
const bandLabels = (lang: Lang) =>
  Object.fromEntries(Object.entries(BAND_LABELS).map(([k, v]) => [k, v[lang]])) as Record<Band, string>;

const id = {
  appName: 'Seimbang',
  tagline: 'Keseimbangan beban kerja dan mutasi ASN',
  skip: 'Lewati ke konten utama',
  nav: { label: 'Navigasi utama', overview: 'Ringkasan', units: 'Unit kerja', jabatan: 'Jabatan', pegawai: 'Pegawai' },
  langSwitch: 'English',
  langSwitchLabel: 'Switch to English',
  month: 'Bulan',
  show: 'Tampilkan',
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
  errors: {
    warehouse: 'Data belum tersedia',
    warehouseHelp:
      'Gudang data (file DuckDB) belum dibangun atau tidak bisa dibuka. Jalankan `npm run build:warehouse` (atau `npm start`, yang membangunnya dari data contoh), lalu muat ulang halaman ini.',
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
  overview: {
    title: 'Ringkasan',
    intro:
      'Gambaran beban kerja unit kerja: di mana pegawai kurang, di mana berlebih, dan apakah beban makin merata. EJ (efektivitas jabatan) = beban kerja ÷ (pegawai × waktu kerja efektif); EJ di atas 1,0 berarti kekurangan pegawai.',
    headlines: 'Angka utama',
    unitsOverloaded: 'Unit kekurangan pegawai',
    unitsOverloadedOf: (n: string) => `dari ${n} unit`,
    staffOverloaded: 'Pegawai di unit yang kekurangan pegawai',
    staffOf: (n: string, pct: string) => `${pct} dari ${n} pegawai`,
    gap: 'Selisih kebutuhan pegawai',
    gapNote: 'Σ |kebutuhan − jumlah pegawai| antarunit, dalam orang (FTE)',
    gini: 'Indeks ketimpangan beban (Gini)',
    giniChange: (d: string, m: string) => `${d} dibanding ${m}`,
    giniNoPrev: 'tidak ada data 12 bulan sebelumnya',
    giniNote: '0 = beban merata, 1 = sangat timpang',
    ejByUnit: 'EJ per unit kerja',
    ejByUnitSub: (m: string) =>
      `${m}. Batang di kanan garis 1,0 berarti unit kekurangan pegawai; di kiri garis 0,7 kelebihan pegawai.`,
    trend: 'Ketimpangan beban antarunit dari bulan ke bulan',
    trendSub: 'Gini, koefisien variasi dan indeks Theil atas EJ unit; makin rendah makin merata. Garis tegak: bulan terpilih.',
    heatmap: 'EJ unit kerja per bulan',
    heatmapSub: (m: string) =>
      `24 bulan sampai ${m}; baris = unit, kolom = bulan. Merah: kekurangan pegawai (EJ > 1), biru: kelebihan pegawai, abu-abu: tanpa pegawai. Lonjakan musiman tampak sebagai deretan sel merah.`,
  },
  unit: {
    title: 'Unit kerja',
    pick: 'Pilih unit kerja',
    pickHelp: 'Buka halaman unit untuk melihat beban kerja, jabatan, mutasi dan kinerja pegawainya.',
    kind: 'Jenis',
    parent: 'Induk',
    topUnit: 'OPD',
    ejIn: (m: string) => `EJ ${m}`,
    staffIn: 'Pegawai',
    required: 'Kebutuhan',
    history: 'Beban kerja dan kapasitas',
    historySub:
      'Jam kerja per bulan: beban kerja (dari ABK dan realisasi) dan kapasitas (pegawai × waktu kerja efektif ÷ 12). Beban di atas kapasitas berarti kekurangan pegawai.',
    positions: 'Jabatan: kebutuhan dan jumlah pegawai',
    positionsSub:
      'Kondisi terkini per jabatan: lingkaran kosong = kebutuhan (dari ABK), titik = pegawai yang ada. Kompetensi yang belum dimiliki pemegang jabatan mana pun ada di tabel.',
    transfers: 'Mutasi masuk dan keluar',
    transfersSub: 'Jumlah orang per bulan (tanpa nama). Di atas garis: masuk; di bawah: keluar.',
    performance: 'Sebaran predikat kinerja (SKP)',
    performanceSub: (m: string, n: string, rated: string) =>
      `Predikat terakhir sampai ${m} dari ${rated} dari ${n} pegawai unit ini (PermenPANRB 6/2022).`,
    subunits: 'Sub-unit',
    subunitsNone: 'Unit ini tidak punya sub-unit.',
    workload: 'Beban kerja',
    capacity: 'Kapasitas',
    hoursPerMonth: 'Jam per bulan',
    in: 'Masuk',
    out: 'Keluar',
    people: 'orang',
    missing: 'Kompetensi belum dimiliki',
    belowEdu: 'Pemegang di bawah syarat pendidikan',
    gapCol: 'Kekurangan (+) / kelebihan (−)',
  },
  jabatan: {
    title: 'Jabatan antarunit',
    intro:
      'Jabatan yang sama di unit yang berbeda: di mana kekurangan, di mana berlebih. Pilih nama jabatan untuk melihat unitnya satu per satu.',
    filter: 'Nama jabatan',
    all: 'Semua jabatan',
    chartAll: 'Selisih pegawai per jabatan dan unit',
    chartAllSub: (m: string) =>
      `${m}. Tiap titik satu jabatan di satu unit; di kiri garis 0 kekurangan pegawai, di kanan kelebihan.`,
    chartOne: (t: string) => `${t}: selisih pegawai per unit`,
    chartOneSub: (m: string) => `${m}. Pegawai yang ada dikurangi kebutuhan (orang); negatif = kekurangan pegawai.`,
    summary: 'Ringkasan per jabatan',
    positions: 'Jabatan',
    units: 'Unit',
    short: 'Posisi kekurangan',
    surplus: 'Posisi kelebihan',
    difference: 'Selisih (orang)',
    diffAxis: 'Pegawai − kebutuhan (orang)',
  },
  pegawai: {
    title: 'Pegawai',
    notice: 'Halaman ini memerlukan masuk (sign-in)',
    body:
      'Data pegawai perorangan (NIP, nama, tanggal lahir, alasan tidak bersedia dimutasi) adalah data pribadi menurut UU 27/2022 tentang Pelindungan Data Pribadi. Halaman ini baru akan tersedia setelah ada akun dan peran pengguna; sampai saat itu, tidak ada endpoint yang mengirim data pribadi.',
    instead: 'Sementara itu, angka agregat tersedia di halaman Ringkasan, Unit kerja dan Jabatan.',
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
    gap: 'Selisih',
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
  nav: { label: 'Main navigation', overview: 'Overview', units: 'Units', jabatan: 'Positions', pegawai: 'Employees' },
  langSwitch: 'Bahasa Indonesia',
  langSwitchLabel: 'Ganti ke Bahasa Indonesia',
  month: 'Month',
  show: 'Show',
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
  errors: {
    warehouse: 'No data yet',
    warehouseHelp:
      'The data warehouse (DuckDB file) has not been built or cannot be opened. Run `npm run build:warehouse` (or `npm start`, which builds it from the sample data), then reload this page.',
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
  overview: {
    title: 'Overview',
    intro:
      'Workload across units: where staff are short, where there are too many, and whether the load is getting more even. EJ (position effectiveness) = workload ÷ (staff × effective working time); EJ above 1.0 means understaffed.',
    headlines: 'Headline figures',
    unitsOverloaded: 'Units understaffed',
    unitsOverloadedOf: (n: string) => `of ${n} units`,
    staffOverloaded: 'Staff working in understaffed units',
    staffOf: (n: string, pct: string) => `${pct} of ${n} staff`,
    gap: 'Staffing gap',
    gapNote: 'Σ |required − current| across units, in people (FTE)',
    gini: 'Workload imbalance index (Gini)',
    giniChange: (d: string, m: string) => `${d} compared with ${m}`,
    giniNoPrev: 'no data 12 months earlier',
    giniNote: '0 = even load, 1 = very uneven',
    ejByUnit: 'EJ by unit',
    ejByUnitSub: (m: string) =>
      `${m}. Bars right of the 1.0 line mean the unit is understaffed; left of the 0.7 line, overstaffed.`,
    trend: 'Workload imbalance between units over time',
    trendSub: 'Gini, coefficient of variation and Theil index of unit EJ; lower is more even. Vertical line: selected month.',
    heatmap: 'Unit EJ by month',
    heatmapSub: (m: string) =>
      `24 months up to ${m}; rows = units, columns = months. Red: understaffed (EJ > 1), blue: overstaffed, grey: nobody in post. Seasonal surges show as runs of red cells.`,
  },
  unit: {
    title: 'Units',
    pick: 'Choose a unit',
    pickHelp: 'Open a unit to see its workload, positions, transfers and staff performance.',
    kind: 'Kind',
    parent: 'Parent',
    topUnit: 'Agency (OPD)',
    ejIn: (m: string) => `EJ ${m}`,
    staffIn: 'Staff',
    required: 'Required',
    history: 'Workload and capacity',
    historySub:
      'Working hours per month: workload (from the ABK and recorded volumes) and capacity (staff × effective working time ÷ 12). Workload above capacity means understaffed.',
    positions: 'Positions: required and current staff',
    positionsSub:
      'Current state per position: hollow circle = required (from the ABK), dot = staff in post. Competencies no holder has are in the table.',
    transfers: 'Transfers in and out',
    transfersSub: 'People per month (no names). Above the line: in; below: out.',
    performance: 'Performance ratings (SKP)',
    performanceSub: (m: string, n: string, rated: string) =>
      `Latest rating up to ${m} of ${rated} of the ${n} staff of this unit (PermenPANRB 6/2022).`,
    subunits: 'Sub-units',
    subunitsNone: 'This unit has no sub-units.',
    workload: 'Workload',
    capacity: 'Capacity',
    hoursPerMonth: 'Hours per month',
    in: 'In',
    out: 'Out',
    people: 'people',
    missing: 'Competencies no holder has',
    belowEdu: 'Holders below the required education',
    gapCol: 'Short (+) / surplus (−)',
  },
  jabatan: {
    title: 'Positions across units',
    intro:
      'The same position title in different units: where it is short, where in surplus. Choose a title to see its units one by one.',
    filter: 'Position title',
    all: 'All titles',
    chartAll: 'Staffing difference by title and unit',
    chartAllSub: (m: string) =>
      `${m}. Each dot is one position in one unit; left of the 0 line understaffed, right of it overstaffed.`,
    chartOne: (t: string) => `${t}: staffing difference by unit`,
    chartOneSub: (m: string) => `${m}. Staff in post minus required staff (people); negative = understaffed.`,
    summary: 'Summary by title',
    positions: 'Positions',
    units: 'Units',
    short: 'Positions short',
    surplus: 'Positions in surplus',
    difference: 'Difference (people)',
    diffAxis: 'Staff − required (people)',
  },
  pegawai: {
    title: 'Employees',
    notice: 'This page requires sign-in',
    body:
      'Data about individual employees (NIP, name, birth date, reasons for being unwilling to move) is personal data under Law 27/2022 on Personal Data Protection. This page becomes available once user accounts and roles exist; until then no endpoint sends personal data.',
    instead: 'Meanwhile, aggregate figures are on the Overview, Units and Positions pages.',
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
    gap: 'Difference',
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

export type Texts = Dict;
export const TEXTS: Record<Lang, Dict> = { id, en };

export function texts(lang: Lang): Dict {
  return TEXTS[lang];
}

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
    month: (d: Date | number) => monthLong.format(toDate(d)),
    monthShort: (d: Date | number) => monthShort.format(toDate(d)),
    /** short month name only, for dense time axes (the year shows in January ticks) */
    monthTick: (d: Date | number) => {
      const x = toDate(d);
      return x.getUTCMonth() === 0 ? monthShort.format(x) : monthOnly.format(x);
    },
    dateTime: (d: Date | number) => dateTime.format(toDate(d)),
  };
}

export type Formats = ReturnType<typeof formats>;
