/** Texts of Ringkasan (/): the overview page; Bahasa Indonesia first. Shared texts and the formatters: ./index.ts. */

const id = {
  title: 'Ringkasan',
  intro:
    'Gambaran beban kerja unit kerja: di mana pegawai kurang, di mana berlebih, dan apakah beban makin merata. EJ (efektivitas jabatan) = beban kerja ÷ (pegawai × waktu kerja efektif); EJ di atas {over} berarti kekurangan pegawai.',
  headlines: 'Angka utama',
  unitsOverloaded: 'Unit kekurangan pegawai',
  unitsOverloadedOf: (n: string) => `dari ${n} unit (EJ di atas {over})`,
  unitsBalanced: 'seimbang',
  unitsSlack: 'kelebihan pegawai',
  staffOverloaded: 'Pegawai di unit yang kekurangan pegawai',
  staffOf: (n: string, pct: string) => `${pct} dari ${n} pegawai`,
  staffingGap: 'Selisih kebutuhan pegawai',
  staffingGapNote: 'Σ |kebutuhan − jumlah pegawai| antarunit, dalam orang (FTE)',
  gini: 'Indeks ketimpangan beban (Gini)',
  giniChange: (d: string, m: string) => `${d} dibanding ${m}`,
  giniNoPrev: 'tidak ada data 12 bulan sebelumnya',
  giniNote: '0 = beban merata, 1 = sangat timpang',
  ejByUnit: 'EJ per unit kerja',
  ejByUnitSub: (m: string) =>
    `${m}. Batang di kanan garis {over} berarti unit kekurangan pegawai; di kiri garis {slack} kelebihan pegawai; di antaranya seimbang (toleransi di sekitar 1, pengaturan). Klik batang untuk membuka unitnya.`,
  trend: 'Ketimpangan beban antarunit dari bulan ke bulan',
  trendSub: 'Gini, koefisien variasi dan indeks Theil atas EJ unit; makin rendah makin merata. Garis tegak putus-putus: bulan terpilih; hijau: gelombang rotasi.',
  wave: 'Gelombang rotasi terakhir',
  waveSub: (m: string, n: string, before: string, after: string) =>
    `SK mutasi kolektif ${m}: ${n} pegawai dipindah. EJ tiap unit sebelum (${before}) dan sesudah (${after}).`,
  waveNone: 'Belum ada gelombang rotasi sampai bulan ini.',
  printTop: 'Unit yang paling kekurangan pegawai',
  waveEffect: 'Lihat dampaknya (Dampak mutasi) →',
  waveIn: (n: string) => `+${n} masuk`,
  waveOut: (n: string) => `−${n} keluar`,
  waveMore: (n: string) => `… dan ${n} unit lainnya: semua unit gelombang ini ada di Dampak mutasi.`,
  heatmap: 'EJ unit kerja per bulan',
  heatmapSub: (m: string) =>
    `36 bulan sampai ${m}; baris = unit (urut nama), kolom = bulan. Warna = kelompok beban: kekurangan pegawai (EJ > {over_}), seimbang ({slack_}–{over_}), kelebihan pegawai (EJ < {slack_}), tanpa pegawai. Lonjakan musiman tampak sebagai deretan sel oranye. Klik sel untuk membuka unitnya.`,
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
  unitsOverloadedOf: (n: string) => `of ${n} units (EJ above {over})`,
  unitsBalanced: 'balanced',
  unitsSlack: 'overstaffed',
  staffOverloaded: 'Staff working in understaffed units',
  staffOf: (n: string, pct: string) => `${pct} of ${n} staff`,
  staffingGap: 'Staffing gap',
  staffingGapNote: 'Σ |required − current| across units, in people (FTE)',
  gini: 'Workload imbalance index (Gini)',
  giniChange: (d: string, m: string) => `${d} compared with ${m}`,
  giniNoPrev: 'no data 12 months earlier',
  giniNote: '0 = even load, 1 = very uneven',
  ejByUnit: 'EJ by unit',
  ejByUnitSub: (m: string) =>
    `${m}. Bars right of the {over} line mean the unit is understaffed; left of the {slack} line, overstaffed; between them, balanced (a tolerance around 1, a setting). Click a bar to open its unit.`,
  trend: 'Workload imbalance between units over time',
  trendSub: 'Gini, coefficient of variation and Theil index of unit EJ; lower is more even. Dashed vertical line: selected month; green: rotation waves.',
  wave: 'The last rotation wave',
  waveSub: (m: string, n: string, before: string, after: string) =>
    `Collective transfer decree of ${m}: ${n} staff moved. Each unit's EJ before (${before}) and after (${after}).`,
  waveNone: 'No rotation wave up to this month.',
  printTop: 'The most understaffed units',
  waveEffect: 'See its effect (Transfer effects) →',
  waveIn: (n: string) => `+${n} in`,
  waveOut: (n: string) => `−${n} out`,
  waveMore: (n: string) => `… and ${n} more units: every unit of this wave is on Transfer effects.`,
  heatmap: 'Unit EJ by month',
  heatmapSub: (m: string) =>
    `36 months up to ${m}; rows = units (by name), columns = months. Colour = load band: understaffed (EJ > {over_}), balanced ({slack_}–{over_}), overstaffed (EJ < {slack_}), nobody in post. Seasonal surges show as runs of orange cells. Click a cell to open its unit.`,
  heatmapLimited: (shown: string, total: string) => `${shown} of ${total} units: those most often understaffed.`,
  ejByUnitTruncated: (half: string, total: string) =>
    `The ${half} units with the highest EJ and the ${half} with the lowest, of ${total}; every unit is in the data table.`,
};

export default { id, en };
