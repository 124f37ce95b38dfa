/**
 * Texts of the dashboard, Bahasa Indonesia first, English second (`?lang=en`), and the number/date formats
 * (Intl, `id-ID` / `en-GB`). Plain-language labels follow shared/domain.md: the EJ grades read as
 * "efficiency" and confuse lay readers, so every grade is shown with a plain label of what it means for staffing.
 */
import { BAND_LABELS, type Band } from '#domain/metrics.ts';
import type { Lang } from '../params';

/** Plain band labels come from the shared domain definitions (pipeline/domain/metrics.ts). */
const bandLabels = (lang: Lang) =>
  Object.fromEntries(Object.entries(BAND_LABELS).map(([k, v]) => [k, v[lang]])) as Record<Band, string>;

const id = {
  appName: 'Seimbang',
  tagline: 'Keseimbangan beban kerja dan mutasi ASN',
  skip: 'Lewati ke konten utama',
  nav: { label: 'Navigasi utama', overview: 'Ringkasan', units: 'Unit kerja', jabatan: 'Jabatan', dampak: 'Dampak mutasi', audit: 'Audit mutasi', pegawai: 'Pegawai', publik: 'Laporan publik' },
  langSwitch: 'English',
  langSwitchLabel: 'Switch to English',
  month: 'Bulan',
  region: 'Wilayah',
  allRegions: 'Semua wilayah',
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
    heatmapLimited: (shown: string, total: string) => `${shown} dari ${total} unit: yang paling sering kekurangan pegawai.`,
    ejByUnitTruncated: (half: string, total: string) =>
      `${half} unit dengan EJ tertinggi dan ${half} terendah dari ${total}; semua unit ada di tabel data.`,
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
    transfersEarlier: (n: string, m: string) => `${n} mutasi sebelum ${m} ada di tabel data dan CSV, tidak di grafik.`,
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
    chartAllSub: (m: string, shown: string, total: string) =>
      `${m}. ${shown} dari ${total} nama jabatan, yang selisih antarunitnya paling besar (satu unit kekurangan, unit lain kelebihan). Tiap titik satu jabatan di satu unit; di kiri garis 0 kekurangan pegawai, di kanan kelebihan. Pilih nama jabatan untuk yang lain.`,
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
  dampak: {
    title: 'Dampak mutasi',
    pooled: (n: number) =>
      `Gudang data ini memuat ${n} wilayah. Dampak mutasi diperkirakan atas semua wilayah bersama (gelombang rotasi dan pembandingnya dari seluruh wilayah); halaman ini tidak disaring per wilayah.`,
    intro:
      'Apa yang berubah di unit kerja setelah menerima pegawai dalam gelombang rotasi (SK mutasi kolektif), dan berapa lama pegawai yang pindah perlu untuk kembali ke kinerja penuh. Dihitung dengan metode selisih-dalam-selisih bertahap Callaway & Sant’Anna (2021); hanya angka agregat, tanpa data perorangan.',
    outcome: 'Ukuran',
    outcomes: {
      mean_score: { name: 'Rata-rata nilai SKP unit', unit: 'poin', short: 'rata-rata nilai SKP' },
      ej: { name: 'EJ unit (beban ÷ kapasitas)', unit: 'EJ', short: 'EJ' },
      staffing_gap: { name: 'Selisih kebutuhan pegawai unit', unit: 'orang', short: 'selisih kebutuhan pegawai' },
      mean_rating_rank: { name: 'Rata-rata peringkat predikat SKP (1–5)', unit: 'peringkat', short: 'rata-rata peringkat predikat' },
    } as Record<string, { name: string; unit: string; short: string }>,
    summary: 'Ringkasan',
    says: 'Apa kata angka ini',
    notSay: 'Apa yang tidak dikatakan',
    notEstimated: (why: string) => `Efek untuk ukuran ini tidak dapat dihitung: ${why}`,
    sample: (units: string, treated: string, waves: string) =>
      `${units} unit dalam perhitungan, ${treated} di antaranya menerima pegawai dalam ${waves} gelombang rotasi.`,
    eventStudy: 'Efek menurut bulan sejak gelombang rotasi',
    eventStudySub: (name: string) =>
      `${name}: selisih perubahan unit penerima terhadap unit pembanding (yang belum atau tidak menerima pegawai), menurut bulan sebelum (negatif) dan sesudah gelombang. Pita: selang kepercayaan 95 % serentak. Titik-titik sebelum bulan 0 yang dekat nol mendukung asumsi tren sejajar.`,
    axisEvent: 'Bulan sejak gelombang rotasi →',
    axisEffect: (unit: string) => `↑ Efek (${unit})`,
    before: 'Sebelum',
    after: 'Sesudah',
    byGroup: 'Efek per gelombang rotasi',
    byGroupSub: 'Rata-rata efek sesudah gelombang, untuk unit yang pertama kali menerima pegawai pada bulan itu, dengan selang kepercayaan 95 %.',
    byCalendar: 'Efek per bulan kalender',
    byCalendarSub: 'Rata-rata efek pada unit yang sudah menerima pegawai, per bulan; pita: selang kepercayaan 95 % serentak.',
    overall: 'Rata-rata',
    wave: (m: string, n: string) => `Gelombang ${m} (${n} unit)`,
    compare: 'Callaway & Sant’Anna dan TWFE biasa',
    compareSub: 'Efek keseluruhan menurut dua metode, dengan selang kepercayaan 95 %.',
    cs: 'Callaway & Sant’Anna (2021)',
    twfe: 'TWFE biasa (regresi efek tetap dua arah)',
    twfeWhy: 'Mengapa TWFE bisa bias',
    twfeNote:
      'Mutasi terjadi pada waktu yang berbeda untuk unit yang berbeda. Regresi efek tetap dua arah (TWFE) biasa dalam keadaan itu juga membandingkan unit yang menerima pegawai belakangan dengan unit yang sudah menerima lebih dulu. Bila efeknya berubah seiring waktu, perbandingan itu mengurangkan perubahan efek unit yang lebih dulu, sehingga hasil TWFE bisa jauh dari efek sebenarnya, bahkan berbalik tanda, dan bobotnya ditentukan oleh ukuran kelompok dan waktu rotasi, bukan oleh pertanyaan yang diajukan (Goodman-Bacon 2021). Callaway & Sant’Anna hanya membandingkan dengan unit yang belum atau tidak pernah menerima pegawai dalam gelombang.',
    rampup: 'Masa adaptasi pegawai yang dimutasi',
    rampupSub:
      'Nilai SKP pegawai yang pindah dibanding rekan yang sudah menetap di unit (≥ 12 bulan), menurut bulan sejak mutasi; 0 = setara dengan sebelum pindah. Pita: selang kepercayaan 95 % serentak. Rata-rata atas semua pegawai yang dimutasi.',
    axisMonthsSince: 'Bulan sejak mutasi →',
    axisPoints: '↑ Selisih nilai SKP (poin)',
    share: 'Bagian dari kinerja penuh',
    cols: {
      eventTime: 'Bulan sejak gelombang',
      effect: 'Efek',
      low: 'Batas bawah',
      high: 'Batas atas',
      units: 'Unit penerima',
      wave: 'Gelombang',
      month: 'Bulan',
      method: 'Metode',
      months: 'Bulan sejak mutasi',
      people: 'Pegawai',
    },
    warnings: 'Catatan dari penghitungan',
    method: 'Cara menghitung',
    methodNote: (control: string, biters: string, seed: string) =>
      `Pembanding: unit yang belum menerima pegawai (${control}); selang kepercayaan dari ${biters} pengulangan bootstrap pengali dengan benih tetap ${seed}, sehingga angka yang sama keluar dari data yang sama. Rincian: docs/method-effects.md.`,
  },
  audit: {
    title: 'Audit mutasi',
    intro:
      'Apakah mutasi memenuhi aturan: masa jabatan minimal (PP 11/2017 Pasal 190), larangan penggantian pejabat menjelang pilkada (UU 10/2016 Pasal 71 ayat 2), kesesuaian pendidikan dengan syarat jabatan, dan kelengkapan SK (Peraturan BKN 5/2019), ditambah dua pertimbangan beban kerja. Halaman ini tidak menampilkan NIP atau nama.',
    year: 'Tahun',
    allYears: 'Semua tahun',
    rule: 'Aturan',
    allRules: 'Semua aturan wajib',
    rules: {
      min_tenure: 'Masa jabatan minimal',
      election_ban: 'Larangan menjelang pilkada',
      competency: 'Kesesuaian pendidikan',
      documentation: 'Kelengkapan SK',
      receiving_need: 'Unit penerima kekurangan pegawai',
      releasing_slack: 'Unit asal kelebihan pegawai',
    } as Record<string, string>,
    basis: {
      min_tenure: 'PP 11/2017 Pasal 190',
      election_ban: 'UU 10/2016 Pasal 71 ayat 2',
      competency: 'PP 11/2017 Pasal 190',
      documentation: 'Peraturan BKN 5/2019',
      receiving_need: 'pertimbangan beban kerja',
      releasing_slack: 'pertimbangan beban kerja',
    } as Record<string, string>,
    severity: { rule: 'Aturan wajib', advisory: 'Pertimbangan' } as Record<string, string>,
    status: { passed: 'Terpenuhi', failed: 'Tidak terpenuhi', unknown: 'Tidak dapat diperiksa' } as Record<string, string>,
    statTransfers: 'Mutasi diperiksa',
    statFailed: 'Mutasi yang melanggar aturan wajib',
    statRate: 'Tingkat kepatuhan',
    statRateNote: 'terpenuhi ÷ (terpenuhi + tidak terpenuhi)',
    statUnknown: (n: string) => `${n} tidak dapat diperiksa`,
    scope: (year: string | null, rule: string) => `${year ?? 'Semua tahun'} · ${rule}`,
    byRule: 'Kepatuhan per aturan',
    byRuleSub: (scope: string) =>
      `${scope}. Bagian mutasi yang memenuhi (hijau), tidak memenuhi (jingga) dan tidak dapat diperiksa (abu-abu) tiap aturan; angka di kanan = tingkat kepatuhan. Dua baris terbawah adalah pertimbangan, bukan kewajiban.`,
    byYear: 'Kepatuhan per tahun',
    byYearSub: (rule: string) => `${rule}: jumlah mutasi per tahun (TMT) menurut hasil pemeriksaan.`,
    byUnit: 'Kepatuhan per unit penerima',
    byUnitSub: (scope: string, shown: string, total: string) =>
      `${scope}. Jumlah mutasi ke tiap unit menurut hasil pemeriksaan; ${shown} dari ${total} unit, yang paling banyak pelanggarannya lebih dulu (tabel berisi semua).`,
    failures: 'Mutasi yang tidak memenuhi aturan',
    failuresSub: (scope: string) => `${scope}. Buka nomor mutasi untuk kartu alasannya.`,
    failuresNone: 'Tidak ada mutasi yang melanggar aturan ini pada pilihan ini.',
    failuresMore: (shown: string, total: string) => `Menampilkan ${shown} dari ${total}; unduh CSV untuk semuanya.`,
    axisShare: 'Bagian mutasi →',
    axisTransfers: '↑ Mutasi',
    axisCount: 'Mutasi →',
    cols: {
      transfer: 'Mutasi',
      date: 'TMT',
      from: 'Unit asal',
      to: 'Unit penerima',
      rule: 'Aturan',
      detail: 'Keterangan',
      transfers: 'Mutasi',
      passed: 'Terpenuhi',
      failed: 'Tidak terpenuhi',
      unknown: 'Tidak dapat diperiksa',
      rate: 'Kepatuhan',
      year: 'Tahun',
      severity: 'Sifat',
    },
  },
  card: {
    title: (id: string) => `Mutasi ${id}`,
    back: 'Audit mutasi',
    notFound: (id: string) => `Mutasi “${id}” tidak ada di gudang data.`,
    why: 'Mengapa mutasi ini',
    privacy: 'Tanpa NIP dan nama pegawai (UU 27/2022 tentang Pelindungan Data Pribadi).',
    effective: 'TMT',
    from: 'Dari',
    to: 'Ke',
    decree: 'SK',
    decreeNone: 'tidak tercatat',
    reason: 'Alasan',
    approval: 'Persetujuan tertulis Mendagri',
    requirement: 'Syarat jabatan tujuan',
    education: 'pendidikan minimal',
    competencies: 'kompetensi',
    reasons: {
      rotasi_berkala: 'rotasi berkala',
      kebutuhan_organisasi: 'kebutuhan organisasi',
      permintaan_sendiri: 'permintaan sendiri',
      promosi: 'promosi',
      pengembangan_karier: 'pengembangan karier',
      lainnya: 'lainnya',
    } as Record<string, string>,
    workload: 'Beban kerja unit asal dan penerima',
    workloadSub: (before: string, after: string) =>
      `EJ pada ${before} (bulan sebelum mutasi) dan ${after} (bulan pertama dengan pegawai di tempat baru). EJ di atas 1,0 berarti kekurangan pegawai; di bawah 0,7 kelebihan.`,
    side: { from: 'Unit asal', to: 'Unit penerima' } as Record<string, string>,
    beforeAfter: (b: string, a: string) => `${b} → ${a}`,
    noLoad: 'tidak ada data beban kerja untuk bulan itu',
    chart: 'EJ unit asal dan penerima di sekitar mutasi',
    chartSub: 'Dua belas bulan sebelum sampai dua belas bulan sesudah TMT (garis tegak). Garis 1,0: batas kekurangan pegawai; 0,7: kelebihan.',
    rules: 'Aturan yang dipenuhi dan dilanggar',
    rulesSub: 'Hasil pemeriksaan tiap aturan, dengan angka dan dasar hukumnya.',
  },
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
  nav: { label: 'Main navigation', overview: 'Overview', units: 'Units', jabatan: 'Positions', dampak: 'Transfer effects', audit: 'Transfer audit', pegawai: 'Employees', publik: 'Public report' },
  langSwitch: 'Bahasa Indonesia',
  langSwitchLabel: 'Ganti ke Bahasa Indonesia',
  month: 'Month',
  region: 'Region',
  allRegions: 'All regions',
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
    heatmapLimited: (shown: string, total: string) => `${shown} of ${total} units: those most often understaffed.`,
    ejByUnitTruncated: (half: string, total: string) =>
      `The ${half} units with the highest EJ and the ${half} with the lowest, of ${total}; every unit is in the data table.`,
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
    transfersEarlier: (n: string, m: string) => `${n} transfers before ${m} are in the data table and the CSV, not in the chart.`,
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
    chartAllSub: (m: string, shown: string, total: string) =>
      `${m}. ${shown} of ${total} titles, those whose staffing differs most between units (one unit short, another in surplus). Each dot is one position in one unit; left of the 0 line understaffed, right of it overstaffed. Choose a title for the others.`,
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
  dampak: {
    title: 'Transfer effects',
    pooled: (n: number) =>
      `This warehouse holds ${n} regions. The effects of transfers are estimated over all of them together (rotation waves and their comparison units from every region); this page is not filtered by region.`,
    intro:
      'What changed in units after they gained staff in a rotation wave (a collective transfer decree), and how long people who move take to reach full performance again. Estimated with the staggered difference-in-differences method of Callaway & Sant’Anna (2021); aggregates only, no personal data.',
    outcome: 'Measure',
    outcomes: {
      mean_score: { name: 'Unit mean SKP score', unit: 'points', short: 'mean SKP score' },
      ej: { name: 'Unit EJ (workload ÷ capacity)', unit: 'EJ', short: 'EJ' },
      staffing_gap: { name: 'Unit staffing gap', unit: 'people', short: 'staffing gap' },
      mean_rating_rank: { name: 'Mean SKP rating rank (1–5)', unit: 'rank', short: 'mean rating rank' },
    } as Record<string, { name: string; unit: string; short: string }>,
    summary: 'Summary',
    says: 'What the numbers say',
    notSay: 'What they do not say',
    notEstimated: (why: string) => `The effect on this measure could not be estimated: ${why}`,
    sample: (units: string, treated: string, waves: string) =>
      `${units} units in the estimation, ${treated} of which gained staff in ${waves} rotation waves.`,
    eventStudy: 'Effect by months since the rotation wave',
    eventStudySub: (name: string) =>
      `${name}: change in receiving units relative to comparison units (not yet or never receiving staff), by month before (negative) and after the wave. Band: 95% simultaneous confidence band. Points near zero before month 0 support the parallel-trends assumption.`,
    axisEvent: 'Months since the rotation wave →',
    axisEffect: (unit: string) => `↑ Effect (${unit})`,
    before: 'Before',
    after: 'After',
    byGroup: 'Effect by rotation wave',
    byGroupSub: 'Average effect after the wave for the units that first gained staff in that month, with 95% confidence intervals.',
    byCalendar: 'Effect by calendar month',
    byCalendarSub: 'Average effect on the units that had gained staff, by month; band: 95% simultaneous confidence band.',
    overall: 'Average',
    wave: (m: string, n: string) => `Wave ${m} (${n} units)`,
    compare: 'Callaway & Sant’Anna and naive TWFE',
    compareSub: 'Overall effect by two methods, with 95% confidence intervals.',
    cs: 'Callaway & Sant’Anna (2021)',
    twfe: 'Naive TWFE (two-way fixed effects regression)',
    twfeWhy: 'Why TWFE can be biased',
    twfeNote:
      'Transfers reach different units at different times. A naive two-way fixed-effects (TWFE) regression then also compares units that gained staff later with units that gained staff earlier. When effects change over time, those comparisons subtract the earlier units’ change in effect, so the TWFE estimate can lie far from the actual effect, even with the wrong sign, and its weights follow group sizes and timing rather than the question asked (Goodman-Bacon 2021). Callaway & Sant’Anna only compare with units not yet or never receiving staff in a wave.',
    rampup: 'Ramp-up of people who are transferred',
    rampupSub:
      'SKP score of people who moved, relative to colleagues settled in the unit (≥ 12 months), by months since the transfer; 0 = on par with before the move. Band: 95% simultaneous confidence band. Average over everyone transferred.',
    axisMonthsSince: 'Months since the transfer →',
    axisPoints: '↑ Score difference (points)',
    share: 'Share of full performance',
    cols: {
      eventTime: 'Months since wave',
      effect: 'Effect',
      low: 'Lower bound',
      high: 'Upper bound',
      units: 'Receiving units',
      wave: 'Wave',
      month: 'Month',
      method: 'Method',
      months: 'Months since transfer',
      people: 'People',
    },
    warnings: 'Notes from the estimation',
    method: 'Method',
    methodNote: (control: string, biters: string, seed: string) =>
      `Comparison: units not yet receiving staff (${control}); confidence bands from ${biters} multiplier-bootstrap draws with the fixed seed ${seed}, so the same data give the same numbers. Details: docs/method-effects.md.`,
  },
  audit: {
    title: 'Transfer audit',
    intro:
      'Do transfers meet the rules: minimum time in post (PP 11/2017 Article 190), the pre-election ban on replacing officials (UU 10/2016 Article 71(2)), education matching the position’s requirement, and a complete decree (Peraturan BKN 5/2019), plus two workload considerations. This page shows no NIP or names.',
    year: 'Year',
    allYears: 'All years',
    rule: 'Rule',
    allRules: 'All legal rules',
    rules: {
      min_tenure: 'Minimum time in post',
      election_ban: 'Pre-election ban',
      competency: 'Education requirement',
      documentation: 'Complete decree',
      receiving_need: 'Receiving unit understaffed',
      releasing_slack: 'Releasing unit overstaffed',
    } as Record<string, string>,
    basis: {
      min_tenure: 'PP 11/2017 Article 190',
      election_ban: 'UU 10/2016 Article 71(2)',
      competency: 'PP 11/2017 Article 190',
      documentation: 'Peraturan BKN 5/2019',
      receiving_need: 'workload consideration',
      releasing_slack: 'workload consideration',
    } as Record<string, string>,
    severity: { rule: 'Legal rule', advisory: 'Consideration' } as Record<string, string>,
    status: { passed: 'Met', failed: 'Not met', unknown: 'Cannot be checked' } as Record<string, string>,
    statTransfers: 'Transfers checked',
    statFailed: 'Transfers breaking a legal rule',
    statRate: 'Compliance rate',
    statRateNote: 'met ÷ (met + not met)',
    statUnknown: (n: string) => `${n} cannot be checked`,
    scope: (year: string | null, rule: string) => `${year ?? 'All years'} · ${rule}`,
    byRule: 'Compliance by rule',
    byRuleSub: (scope: string) =>
      `${scope}. Share of transfers meeting (green), not meeting (orange) and not checkable (grey) each rule; the number on the right is the compliance rate. The two bottom rows are considerations, not obligations.`,
    byYear: 'Compliance by year',
    byYearSub: (rule: string) => `${rule}: transfers per year (effective date) by result.`,
    byUnit: 'Compliance by receiving unit',
    byUnitSub: (scope: string, shown: string, total: string) =>
      `${scope}. Transfers into each unit by result; ${shown} of ${total} units, those with the most breaches first (the table has all).`,
    failures: 'Transfers that do not meet the rules',
    failuresSub: (scope: string) => `${scope}. Open a transfer number for its justification card.`,
    failuresNone: 'No transfer breaks this rule in this selection.',
    failuresMore: (shown: string, total: string) => `Showing ${shown} of ${total}; download the CSV for all.`,
    axisShare: 'Share of transfers →',
    axisTransfers: '↑ Transfers',
    axisCount: 'Transfers →',
    cols: {
      transfer: 'Transfer',
      date: 'Effective',
      from: 'Releasing unit',
      to: 'Receiving unit',
      rule: 'Rule',
      detail: 'Detail',
      transfers: 'Transfers',
      passed: 'Met',
      failed: 'Not met',
      unknown: 'Cannot be checked',
      rate: 'Compliance',
      year: 'Year',
      severity: 'Kind',
    },
  },
  card: {
    title: (id: string) => `Transfer ${id}`,
    back: 'Transfer audit',
    notFound: (id: string) => `The transfer “${id}” is not in the warehouse.`,
    why: 'Why this transfer',
    privacy: 'No NIP or employee name (UU 27/2022 on Personal Data Protection).',
    effective: 'Effective',
    from: 'From',
    to: 'To',
    decree: 'Decree',
    decreeNone: 'not recorded',
    reason: 'Reason',
    approval: 'Written approval of the Minister of Home Affairs',
    requirement: 'Requirements of the new position',
    education: 'minimum education',
    competencies: 'competencies',
    reasons: {
      rotasi_berkala: 'periodic rotation',
      kebutuhan_organisasi: 'organisational need',
      permintaan_sendiri: 'own request',
      promosi: 'promotion',
      pengembangan_karier: 'career development',
      lainnya: 'other',
    } as Record<string, string>,
    workload: 'Workload of the releasing and receiving units',
    workloadSub: (before: string, after: string) =>
      `EJ in ${before} (the month before the transfer) and ${after} (the first month with the person in the new post). EJ above 1.0 means understaffed; below 0.7 overstaffed.`,
    side: { from: 'Releasing unit', to: 'Receiving unit' } as Record<string, string>,
    beforeAfter: (b: string, a: string) => `${b} → ${a}`,
    noLoad: 'no workload data for that month',
    chart: 'EJ of the releasing and receiving units around the transfer',
    chartSub: 'Twelve months before to twelve months after the effective date (vertical line). Line at 1.0: understaffed above; 0.7: overstaffed below.',
    rules: 'Rules met and broken',
    rulesSub: 'The result of each check, with its numbers and legal basis.',
  },
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
  };
}

export type Formats = ReturnType<typeof formats>;
