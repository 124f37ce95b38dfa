/**
 * Texts of the public transparency report (/publik and its static export), Bahasa Indonesia first, English second.
 * Written for citizens, journalists, the DPRD and the Ombudsman: plain words, each rule with its regulation.
 */
const id = {
  lang: 'id',
  title: 'Laporan Transparansi Mutasi dan Beban Kerja ASN',
  intro: (region: string, from: string, to: string) =>
    `Laporan ini menunjukkan seberapa merata beban kerja pegawai ${region || 'pemerintah daerah'}, bagaimana mutasi diputuskan, dan apakah mutasi mengikuti aturan sistem merit — ${from} sampai ${to}. Isinya hanya angka gabungan: tidak ada nama, NIP, tanggal lahir, nilai kinerja perorangan, atau alasan pribadi.`,
  langSwitch: 'English',
  langSwitchLabel: 'Switch to English',
  contents: 'Isi laporan',
  privacy: (k: number) =>
    `Perlindungan data pribadi (UU 27/2022): setiap angka yang menggambarkan kurang dari ${k} orang ditampilkan sebagai “< ${k}”, dan angka lain yang dapat dipakai untuk menghitungnya kembali dari total ditampilkan sebagai “·”.`,
  builtAt: 'Data diperbarui',
  suppressedPrimary: (k: number) => `< ${k}: kurang dari ${k} orang, disembunyikan`,
  suppressedSecondary: '·: disembunyikan agar angka kecil tidak dapat dihitung dari total',
  total: 'Jumlah',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  balance: {
    title: '1. Seberapa merata beban kerja?',
    // the thresholds and working time the warehouse was built with (report.limits), formatted for the language
    explain: (over: string, slack: string, hours: string) =>
      `Beban kerja setiap unit dihitung dari analisis beban kerja (ABK, PermenPANRB 1/2020): jumlah pekerjaan × waktu baku. EJ (efektivitas jabatan) = beban kerja ÷ (jumlah pegawai × waktu kerja efektif ${hours} jam setahun). EJ di atas ${over} berarti unit kekurangan pegawai; di bawah ${slack} kelebihan pegawai.`,
    giniExplain:
      'Indeks Gini mengukur ketimpangan EJ antar unit: 0 berarti semua unit sama sibuknya, makin mendekati 1 makin timpang. Nilai naik berarti beban makin tidak merata.',
    now: 'Bulan terakhir',
    threeYears: 'Tiga tahun lalu',
    change: 'Perubahan',
    gini: 'Indeks Gini (0 = merata)',
    cv: 'Koefisien variasi',
    theil: 'Indeks Theil',
    maxMean: 'EJ tertinggi ÷ rata-rata',
    staffingGap: 'Selisih kebutuhan pegawai (orang, total antar unit)',
    indexCol: 'Ukuran',
    plain: {
      better: 'Beban kerja lebih merata daripada tiga tahun lalu.',
      worse: 'Beban kerja kurang merata daripada tiga tahun lalu.',
      same: 'Pemerataan beban kerja hampir tidak berubah dalam tiga tahun.',
    },
    chartGini: 'Indeks Gini EJ antar unit per bulan',
    staffTitle: 'Pegawai menurut beban unitnya',
    staffCols: { short: 'Di unit kekurangan pegawai', balanced: 'Di unit seimbang', slack: 'Di unit kelebihan pegawai' },
    staffShare: (share: string) => `${share} pegawai bekerja di unit yang kekurangan pegawai.`,
    month: 'Bulan',
  },
  units: {
    title: '2. Kekurangan dan kelebihan pegawai per unit',
    explain:
      'Kebutuhan pegawai = beban kerja ÷ waktu kerja efektif (bilangan pecahan, dalam “orang penuh waktu”). Angka positif: unit kekurangan pegawai; negatif: kelebihan.',
    unit: 'Unit kerja',
    staff: 'Pegawai',
    required: 'Kebutuhan',
    shortfall: 'Kekurangan (+) / kelebihan (−)',
    ej: 'EJ',
    band: 'Keadaan',
    bands: { overloaded: 'kekurangan pegawai', balanced: 'seimbang', slack: 'kelebihan pegawai', unstaffed: 'tanpa pegawai' } as Record<string, string>,
    chart: 'Kekurangan (+) dan kelebihan (−) pegawai per unit: kebutuhan − jumlah pegawai',
    latest: (m: string) => `Keadaan bulan ${m}.`,
    shownOf: (shown: string, total: string, file: string) =>
      `Ditampilkan ${shown} dari ${total} unit: yang paling kekurangan dan yang paling kelebihan pegawai. Semua unit ada di berkas data terbuka “${file}”.`,
    hiddenRow: (n: string) => `… ${n} unit lainnya (lihat berkas data)`,
  },
  seasonal: {
    title: '3. Lonjakan musiman',
    explain:
      'Beberapa pekerjaan menumpuk pada bulan tertentu (misalnya penyusunan anggaran atau penerimaan siswa). Grafik menunjukkan rata-rata jumlah unit yang kekurangan pegawai pada setiap bulan kalender selama tiga tahun.',
    chart: 'Rata-rata unit kekurangan pegawai menurut bulan kalender',
    peak: (m: string, n: string) => `Puncaknya pada bulan ${m}: rata-rata ${n} unit kekurangan pegawai.`,
    month: 'Bulan',
    unitsShort: 'Unit kekurangan pegawai (rata-rata)',
    meanEj: 'Rata-rata EJ',
  },
  transfers: {
    title: '4. Mutasi per triwulan',
    explain:
      'Setiap mutasi ditetapkan dengan surat keputusan (SK). Alasan dan jenis mutasi dicatat oleh BKPSDM; satu mutasi = satu orang yang pindah jabatan.',
    byReason: 'Menurut alasan',
    byKind: 'Menurut jenis',
    quarter: 'Triwulan',
    chart: 'Jumlah mutasi per triwulan',
    reasons: {
      rotasi_berkala: 'Rotasi berkala',
      kebutuhan_organisasi: 'Kebutuhan organisasi',
      permintaan_sendiri: 'Permintaan sendiri',
      promosi: 'Promosi',
      pengembangan_karier: 'Pengembangan karier',
      lainnya: 'Lainnya',
      tidak_tercatat: 'Tidak tercatat',
    } as Record<string, string>,
    kinds: {
      antar_opd: 'Antar perangkat daerah',
      dalam_opd: 'Antar subunit satu perangkat daerah',
      dalam_unit: 'Jabatan lain di unit yang sama',
      dari_luar: 'Masuk dari luar',
    } as Record<string, string>,
  },
  compliance: {
    title: '5. Apakah mutasi mengikuti aturan?',
    explain:
      'Setiap mutasi diperiksa terhadap empat aturan sistem merit. “Tidak dapat diperiksa” berarti data yang diperlukan tidak ada (misalnya tanggal pilkada belum diatur) — itu tidak sama dengan “memenuhi”.',
    rule: 'Aturan',
    year: 'Tahun',
    passed: 'Memenuhi',
    failed: 'Melanggar',
    unknown: 'Tidak dapat diperiksa',
    rate: 'Tingkat kepatuhan',
    atLeast: (p: string) => `paling sedikit ${p}`,
    notCheckable: 'tidak dapat diperiksa',
    noTransfers: 'tidak ada mutasi',
    hidden: 'disembunyikan',
    rules: {
      min_tenure: {
        name: 'Masa jabatan minimal',
        plain: 'Pegawai menduduki jabatannya paling singkat 2 tahun sebelum dipindahkan (dan paling lama 5 tahun).',
        source: 'PP 11/2017 Pasal 190, diubah PP 17/2020',
      },
      election_ban: {
        name: 'Larangan menjelang pilkada',
        plain:
          'Kepala daerah dilarang mengganti pejabat sejak 6 bulan sebelum penetapan pasangan calon sampai akhir masa jabatan, kecuali dengan persetujuan tertulis Menteri Dalam Negeri.',
        source: 'UU 10/2016 Pasal 71 ayat (2)',
      },
      competency: {
        name: 'Kesesuaian kompetensi',
        plain: 'Pendidikan dan kompetensi pegawai sesuai dengan persyaratan jabatan baru.',
        source: 'PP 11/2017 Pasal 190',
      },
      documentation: {
        name: 'Kelengkapan dokumen',
        plain: 'Mutasi memiliki SK (nomor dan tanggal) dan alasan yang tercatat.',
        source: 'Peraturan BKN 5/2019',
      },
    } as Record<string, { name: string; plain: string; source: string }>,
    electionMissing: 'Tanggal pilkada belum diatur untuk wilayah ini, jadi larangan menjelang pilkada tidak dapat diperiksa.',
  },
  effects: {
    title: '6. Apa dampak gelombang rotasi?',
    explain:
      'Gelombang rotasi adalah SK mutasi kolektif yang memindahkan banyak pegawai sekaligus. Dampaknya diperkirakan dengan membandingkan unit yang menerima pegawai dalam gelombang dengan unit yang belum menerima, sebelum dan sesudahnya (difference-in-differences bertahap, Callaway & Sant’Anna 2021). Cara ini dipakai karena gelombang terjadi pada waktu berbeda: regresi biasa dengan efek tetap dua arah akan bias bila unit yang sudah menerima dipakai sebagai pembanding (Goodman-Bacon 2021).',
    outcomes: { ej: 'EJ unit (beban ÷ kapasitas)', mean_score: 'Rata-rata nilai SKP unit' } as Record<string, string>,
    overall: 'Dampak rata-rata',
    interval: 'selang kepercayaan 95%',
    chart: (o: string) => `Dampak pada ${o} menurut bulan sejak gelombang, dengan selang kepercayaan 95%`,
    monthsSince: 'Bulan sejak gelombang',
    effect: 'Dampak',
    basis: (units: number, treated: number, waves: number) =>
      `Dihitung dari ${units} unit, ${treated} di antaranya menerima pegawai dalam ${waves} gelombang.`,
    can: 'Yang dapat dikatakan',
    canText:
      'Bila selang kepercayaan tidak memuat nol, perubahan setelah gelombang kemungkinan besar bukan kebetulan. Titik-titik sebelum bulan 0 memeriksa apakah unit penerima dan pembanding bergerak sejajar sebelum gelombang.',
    cannot: 'Yang tidak dapat dikatakan',
    cannotText:
      'Perkiraan ini adalah rata-rata untuk unit yang menerima pegawai, bukan untuk setiap unit atau setiap orang; tidak membuktikan sebab bila ada perubahan lain pada waktu yang sama; dan dengan sedikit gelombang, selangnya lebar.',
    significant: 'selang tidak memuat nol',
    notSignificant: 'selang memuat nol: tidak dapat dibedakan dari tanpa dampak',
    none: 'Dampak belum dapat diperkirakan dari data ini.',
  },
  data: {
    title: '7. Data terbuka',
    explain: 'Setiap tabel laporan ini dapat diunduh sebagai CSV dan Parquet, beserta kamus data (kolom, arti, satuan, sumber).',
    license: 'Lisensi',
    licenseText: 'Data ini dapat digunakan ulang dengan menyebutkan sumbernya, di bawah lisensi',
    table: 'Tabel',
    dictionary: 'Kamus data',
  },
  print: 'Cetak laporan',
};

type Texts = typeof id;

const en: Texts = {
  lang: 'en',
  title: 'Transparency Report on Civil-Service Transfers and Workload',
  intro: (region: string, from: string, to: string) =>
    `This report shows how evenly the workload of the staff of ${region || 'the regional government'} is spread, how transfers were decided and whether they followed the merit rules — ${from} to ${to}. It holds aggregates only: no names, NIPs, birth dates, individual ratings or personal reasons.`,
  langSwitch: 'Bahasa Indonesia',
  langSwitchLabel: 'Ganti ke Bahasa Indonesia',
  contents: 'Contents',
  privacy: (k: number) =>
    `Personal data protection (UU 27/2022): every number describing fewer than ${k} people is shown as “< ${k}”, and other numbers that would let it be worked out from the totals are shown as “·”.`,
  builtAt: 'Data updated',
  suppressedPrimary: (k: number) => `< ${k}: fewer than ${k} people, hidden`,
  suppressedSecondary: '·: hidden so that a small number cannot be worked out from the totals',
  total: 'Total',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  balance: {
    title: '1. How evenly is the work spread?',
    explain: (over: string, slack: string, hours: string) =>
      `The workload of each unit comes from the workload analysis (ABK, PermenPANRB 1/2020): amount of work × standard time. EJ (job effectiveness) = workload ÷ (staff × effective working time of ${hours} hours a year). EJ above ${over} means the unit is short of staff; below ${slack} it has more staff than work.`,
    giniExplain:
      'The Gini index measures how unequal EJ is across units: 0 means every unit is equally busy, the closer to 1 the more unequal. A rising value means the work is spread less evenly.',
    now: 'Latest month',
    threeYears: 'Three years earlier',
    change: 'Change',
    gini: 'Gini index (0 = even)',
    cv: 'Coefficient of variation',
    theil: 'Theil index',
    maxMean: 'Highest EJ ÷ mean',
    staffingGap: 'Staffing gap (people, total across units)',
    indexCol: 'Measure',
    plain: {
      better: 'The work is spread more evenly than three years ago.',
      worse: 'The work is spread less evenly than three years ago.',
      same: 'How evenly the work is spread has barely changed in three years.',
    },
    chartGini: 'Gini index of unit EJ by month',
    staffTitle: 'Staff by the load of their unit',
    staffCols: { short: 'In units short of staff', balanced: 'In balanced units', slack: 'In units with slack' },
    staffShare: (share: string) => `${share} of staff work in units that are short of staff.`,
    month: 'Month',
  },
  units: {
    title: '2. Staff shortage and surplus by unit',
    explain:
      'Required staff = workload ÷ effective working time (a fraction, in full-time people). A positive number: the unit is short of staff; negative: it has more than it needs.',
    unit: 'Unit',
    staff: 'Staff',
    required: 'Required',
    shortfall: 'Short (+) / surplus (−)',
    ej: 'EJ',
    band: 'State',
    bands: { overloaded: 'short of staff', balanced: 'balanced', slack: 'more staff than work', unstaffed: 'nobody in post' },
    chart: 'Staff short (+) or in surplus (−) by unit: required − current',
    latest: (m: string) => `As of ${m}.`,
    shownOf: (shown: string, total: string, file: string) =>
      `Showing ${shown} of ${total} units: those most short of staff and those with the largest surplus. Every unit is in the open-data file “${file}”.`,
    hiddenRow: (n: string) => `… ${n} more units (see the data file)`,
  },
  seasonal: {
    title: '3. Seasonal surges',
    explain:
      'Some work piles up in certain months (budget preparation, school enrolment). The chart shows the average number of units short of staff in each calendar month over the three years.',
    chart: 'Average units short of staff by calendar month',
    peak: (m: string, n: string) => `The peak is in ${m}: on average ${n} units short of staff.`,
    month: 'Month',
    unitsShort: 'Units short of staff (average)',
    meanEj: 'Mean EJ',
  },
  transfers: {
    title: '4. Transfers per quarter',
    explain:
      'Every transfer is made official by a decree (SK). BKPSDM records its reason and kind; one transfer = one person moving to another position.',
    byReason: 'By reason',
    byKind: 'By kind',
    quarter: 'Quarter',
    chart: 'Transfers per quarter',
    reasons: {
      rotasi_berkala: 'Periodic rotation',
      kebutuhan_organisasi: 'Organisational need',
      permintaan_sendiri: 'Own request',
      promosi: 'Promotion',
      pengembangan_karier: 'Career development',
      lainnya: 'Other',
      tidak_tercatat: 'Not recorded',
    },
    kinds: {
      antar_opd: 'Between agencies',
      dalam_opd: 'Between sub-units of one agency',
      dalam_unit: 'Another position in the same unit',
      dari_luar: 'From outside',
    },
  },
  compliance: {
    title: '5. Did transfers follow the rules?',
    explain:
      'Every transfer is checked against four merit rules. “Could not be checked” means the data needed is missing (e.g. no election dates configured) — it is not the same as “met”.',
    rule: 'Rule',
    year: 'Year',
    passed: 'Met',
    failed: 'Broken',
    unknown: 'Could not be checked',
    rate: 'Compliance rate',
    atLeast: (p: string) => `at least ${p}`,
    notCheckable: 'could not be checked',
    noTransfers: 'no transfers',
    hidden: 'hidden',
    rules: {
      min_tenure: {
        name: 'Minimum time in post',
        plain: 'A person holds a position for at least 2 years before being moved (and at most 5 years).',
        source: 'PP 11/2017 Article 190, amended by PP 17/2020',
      },
      election_ban: {
        name: 'Pre-election ban',
        plain:
          'A regional head may not replace officials from 6 months before the candidate pairs are determined until the end of the term, unless the Minister of Home Affairs approves in writing.',
        source: 'UU 10/2016 Article 71(2)',
      },
      competency: {
        name: 'Competence match',
        plain: 'The person’s education and competences match the requirements of the new position.',
        source: 'PP 11/2017 Article 190',
      },
      documentation: {
        name: 'Complete documents',
        plain: 'The transfer has a decree (number and date) and a recorded reason.',
        source: 'Peraturan BKN 5/2019',
      },
    },
    electionMissing: 'No election dates are configured for this region, so the pre-election ban could not be checked.',
  },
  effects: {
    title: '6. What did rotation waves do?',
    explain:
      'A rotation wave is a collective decree moving many people at once. Its effect is estimated by comparing units that gained staff in a wave with units that had not yet, before and after (staggered difference-in-differences, Callaway & Sant’Anna 2021). This method is used because waves happen at different times: an ordinary two-way fixed-effects regression is biased when already-treated units serve as comparison (Goodman-Bacon 2021).',
    outcomes: { ej: 'unit EJ (workload ÷ capacity)', mean_score: 'mean SKP score of the unit' },
    overall: 'Average effect',
    interval: '95% confidence interval',
    chart: (o: string) => `Effect on ${o} by months since the wave, with 95% confidence intervals`,
    monthsSince: 'Months since the wave',
    effect: 'Effect',
    basis: (units: number, treated: number, waves: number) =>
      `Estimated from ${units} units, ${treated} of which gained staff in ${waves} waves.`,
    can: 'What it can say',
    canText:
      'When the interval does not contain zero, the change after the waves is unlikely to be chance. The points before month 0 check that receiving and comparison units moved in parallel before the wave.',
    cannot: 'What it cannot say',
    cannotText:
      'The estimate is an average over the units that gained staff, not the effect on each unit or person; it does not prove cause if something else changed at the same time; and with few waves the interval is wide.',
    significant: 'interval excludes zero',
    notSignificant: 'interval contains zero: not distinguishable from no effect',
    none: 'The effects cannot be estimated from these data yet.',
  },
  data: {
    title: '7. Open data',
    explain: 'Every table of this report can be downloaded as CSV and Parquet, with a data dictionary (column, meaning, unit, source).',
    license: 'Licence',
    licenseText: 'You may reuse these data with attribution, under the licence',
    table: 'Table',
    dictionary: 'Data dictionary',
  },
  print: 'Print the report',
};

export const PUBLIK_TEXTS = { id, en };
export type PublikTexts = Texts;
export const publikTexts = (lang: 'id' | 'en'): PublikTexts => PUBLIK_TEXTS[lang];
