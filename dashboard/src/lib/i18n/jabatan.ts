/** Texts of Jabatan (/jabatan): one position title across units; Bahasa Indonesia first. Shared texts and the formatters: ./index.ts. */

const id = {
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
};

const en: typeof id = {
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
};

export default { id, en };
