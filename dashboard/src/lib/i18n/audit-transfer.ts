/** Texts of Audit mutasi, one transfer (/audit/[id]): the justification card; Bahasa Indonesia first. Shared texts and the formatters: ./index.ts. */

const id = {
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
    `EJ pada ${before} (bulan sebelum mutasi) dan ${after} (bulan pertama dengan pegawai di tempat baru). EJ di atas {over} berarti kekurangan pegawai; di bawah {slack} kelebihan.`,
  side: { from: 'Unit asal', to: 'Unit penerima' } as Record<string, string>,
  beforeAfter: (b: string, a: string) => `${b} → ${a}`,
  offset: (side: string, unit: string, b: string, a: string, from: string, to: string, own: number) =>
    b === a
      ? `${side} ${unit}: jumlah pegawai tetap ${b} (${b} → ${a}) karena mutasi lain pada bulan yang sama (antara ${from} dan ${to}) mengimbangi perpindahan ini.`
      : `${side} ${unit}: jumlah pegawai ${b} → ${a}; perpindahan ini sendiri ${own > 0 ? 'menambah' : 'mengurangi'} satu orang, sisanya dari mutasi lain pada bulan yang sama (antara ${from} dan ${to}).`,
  noLoad: 'tidak ada data beban kerja untuk bulan itu',
  chart: 'EJ unit asal dan penerima di sekitar mutasi',
  chartSub: 'Dua belas bulan sebelum sampai dua belas bulan sesudah TMT (garis tegak). Garis {over}: batas kekurangan pegawai; {slack}: kelebihan.',
  rules: 'Aturan yang dipenuhi dan dilanggar',
  rulesSub: 'Hasil pemeriksaan tiap aturan, dengan angka dan dasar hukumnya.',
};

const en: typeof id = {
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
    `EJ in ${before} (the month before the transfer) and ${after} (the first month with the person in the new post). EJ above {over} means understaffed; below {slack} overstaffed.`,
  side: { from: 'Releasing unit', to: 'Receiving unit' } as Record<string, string>,
  beforeAfter: (b: string, a: string) => `${b} → ${a}`,
  offset: (side: string, unit: string, b: string, a: string, from: string, to: string, own: number) =>
    b === a
      ? `${side} ${unit}: staff stays at ${b} (${b} → ${a}) because another move in the same month (between ${from} and ${to}) offsets this one.`
      : `${side} ${unit}: staff ${b} → ${a}; this move alone ${own > 0 ? 'adds' : 'removes'} one person, the rest comes from other moves in the same month (between ${from} and ${to}).`,
  noLoad: 'no workload data for that month',
  chart: 'EJ of the releasing and receiving units around the transfer',
  chartSub: 'Twelve months before to twelve months after the effective date (vertical line). Line at {over}: understaffed above; {slack}: overstaffed below.',
  rules: 'Rules met and broken',
  rulesSub: 'The result of each check, with its numbers and legal basis.',
};

export default { id, en };
