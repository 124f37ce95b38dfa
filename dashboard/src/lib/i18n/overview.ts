/** Texts of Ringkasan (/): the overview page; Bahasa Indonesia first. Shared texts and the formatters: ./index.ts. */

const id = {
  title: 'Ringkasan',
  intro:
    'Gambaran beban kerja unit kerja: di mana pegawai kurang, di mana berlebih, dan apakah beban makin merata. EJ (efektivitas jabatan) = beban kerja ÷ (pegawai × waktu kerja efektif); EJ di atas {over} berarti kekurangan pegawai.',
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
    `${m}. Batang di kanan garis {over} berarti unit kekurangan pegawai; di kiri garis {slack} kelebihan pegawai.`,
  trend: 'Ketimpangan beban antarunit dari bulan ke bulan',
  trendSub: 'Gini, koefisien variasi dan indeks Theil atas EJ unit; makin rendah makin merata. Garis tegak: bulan terpilih.',
  heatmap: 'EJ unit kerja per bulan',
  heatmapSub: (m: string) =>
    `24 bulan sampai ${m}; baris = unit, kolom = bulan. Merah: kekurangan pegawai (EJ > {over_}), biru: kelebihan pegawai, abu-abu: tanpa pegawai. Lonjakan musiman tampak sebagai deretan sel merah.`,
  heatmapLimited: (shown: string, total: string) => `${shown} dari ${total} unit: yang paling sering kekurangan pegawai.`,
  ejByUnitTruncated: (half: string, total: string) =>
    `${half} unit dengan EJ tertinggi dan ${half} terendah dari ${total}; semua unit ada di tabel data.`,
};

const en: typeof id = {
  title: 'Overview',
  intro:
    'Workload across units: where staff are short, where there are too many, and whether the load is getting more even. EJ (position effectiveness) = workload ÷ (staff × effective working time); EJ above {over} means understaffed.',
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
    `${m}. Bars right of the {over} line mean the unit is understaffed; left of the {slack} line, overstaffed.`,
  trend: 'Workload imbalance between units over time',
  trendSub: 'Gini, coefficient of variation and Theil index of unit EJ; lower is more even. Vertical line: selected month.',
  heatmap: 'Unit EJ by month',
  heatmapSub: (m: string) =>
    `24 months up to ${m}; rows = units, columns = months. Red: understaffed (EJ > {over_}), blue: overstaffed, grey: nobody in post. Seasonal surges show as runs of red cells.`,
  heatmapLimited: (shown: string, total: string) => `${shown} of ${total} units: those most often understaffed.`,
  ejByUnitTruncated: (half: string, total: string) =>
    `The ${half} units with the highest EJ and the ${half} with the lowest, of ${total}; every unit is in the data table.`,
};

export default { id, en };
