/** Texts of Dampak mutasi (/dampak): the effects of past transfers; Bahasa Indonesia first. Shared texts and the formatters: ./index.ts. */

const id = {
  title: 'Dampak mutasi',
  pooled: (n: number) =>
    `Gudang data ini memuat ${n} wilayah. Dampak mutasi diperkirakan atas semua wilayah bersama (gelombang rotasi dan pembandingnya dari seluruh wilayah); halaman ini tidak disaring per wilayah.`,
  intro:
    'Apakah rotasi menyeimbangkan beban kerja: apa yang berubah di unit kerja setelah menerima pegawai dalam gelombang rotasi (SK mutasi kolektif), dibanding unit yang belum menerima, dan berapa lama pegawai yang pindah perlu untuk kembali ke kinerja penuh. Hanya angka agregat, tanpa data perorangan; cara menghitungnya ada di bagian akhir halaman.',
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
  methodIntro:
    'Metode selisih-dalam-selisih bertahap Callaway & Sant’Anna (2021): setiap gelombang dibandingkan dengan unit yang pada bulan itu belum (atau tidak pernah) menerima pegawai dalam gelombang (not-yet-treated), lalu hasilnya dirata-rata menurut bulan sejak gelombang, per gelombang dan per bulan kalender.',
  waves: {
    title: 'Gelombang rotasi dan unit penerimanya',
    sub: (after: string) =>
      `Unit yang menerima pegawai dalam tiap gelombang, dengan EJ (beban ÷ kapasitas; 1 = seimbang) pada bulan sebelum gelombang dan ${after} bulan sesudahnya. Buka nama unit untuk rinciannya.`,
    before: 'EJ bulan sebelumnya',
    after: (n: string) => `EJ ${n} bulan sesudahnya`,
  },
  methodNote: (control: string, biters: string, seed: string) =>
    `Pembanding: unit yang belum menerima pegawai (${control}); selang kepercayaan dari ${biters} pengulangan bootstrap pengali dengan benih tetap ${seed}, sehingga angka yang sama keluar dari data yang sama. Rincian: docs/method-effects.md.`,
};

const en: typeof id = {
  title: 'Transfer effects',
  pooled: (n: number) =>
    `This warehouse holds ${n} regions. The effects of transfers are estimated over all of them together (rotation waves and their comparison units from every region); this page is not filtered by region.`,
  intro:
    'Did the rotation balance the load: what changed in units after they gained staff in a rotation wave (a collective transfer decree), compared with units that had not yet, and how long people who move take to reach full performance again. Aggregates only, no personal data; how it is computed is at the end of the page.',
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
  method: 'How it is computed',
  methodIntro:
    'The staggered difference-in-differences method of Callaway & Sant’Anna (2021): each wave is compared with the units that, that month, had not yet (or never) gained staff in a wave (not-yet-treated), and the results are averaged by months since the wave, by wave and by calendar month.',
  waves: {
    title: 'Rotation waves and their receiving units',
    sub: (after: string) =>
      `The units that gained staff in each wave, with their EJ (workload ÷ capacity; 1 = balanced) the month before the wave and ${after} months after. Open a unit's name for its detail.`,
    before: 'EJ the month before',
    after: (n: string) => `EJ ${n} months after`,
  },
  methodNote: (control: string, biters: string, seed: string) =>
    `Comparison: units not yet receiving staff (${control}); confidence bands from ${biters} multiplier-bootstrap draws with the fixed seed ${seed}, so the same data give the same numbers. Details: docs/method-effects.md.`,
};

export default { id, en };
