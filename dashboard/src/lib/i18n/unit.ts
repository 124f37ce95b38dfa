/** Texts of Unit kerja (/unit, /unit/[id]): the unit list and one unit; Bahasa Indonesia first. Shared texts and the formatters: ./index.ts. */

const id = {
  title: 'Unit kerja',
  pick: 'Pilih unit kerja',
  pickHelp: 'Buka halaman unit untuk melihat beban kerja, jabatan, mutasi dan kinerja pegawainya.',
  noScript: 'Daftar ini dimuat dengan JavaScript. Tanpa JavaScript, unduh daftar unit beserta EJ-nya:',
  kind: 'Jenis',
  /** unit kinds as words (the data carries codes such as satpol_pp); an unknown code is shown with spaces */
  kinds: {
    badan: 'Badan', dinas: 'Dinas', upt: 'UPT (unit pelaksana teknis)', inspektorat: 'Inspektorat', kelurahan: 'Kelurahan',
    rsud: 'RSUD (rumah sakit daerah)', satpol_pp: 'Satpol PP', bagian: 'Bagian', kecamatan: 'Kecamatan', sekretariat: 'Sekretariat',
  } as Record<string, string>,
  parent: 'Induk',
  topUnit: 'OPD',
  ejIn: (m: string) => `EJ ${m}`,
  ejAnnual: (m: string) => `EJ tahunan (12 bulan s.d. ${m})`,
  requiredAnnual: 'beban kerja 12 bulan ÷ waktu kerja efektif setahun',
  staffIn: 'Pegawai',
  required: 'Kebutuhan',
  history: 'Beban kerja dan kapasitas',
  historySub:
    'Jam kerja per bulan: beban kerja (dari ABK dan realisasi) dan kapasitas (pegawai × waktu kerja efektif ÷ 12). Beban di atas kapasitas berarti kekurangan pegawai.',
  historySubAnnual:
    'Jam kerja per 12 bulan sampai tiap bulan: beban kerja setahun (dari ABK dan realisasi) dan kapasitas (pegawai bulan itu × waktu kerja efektif setahun). Beban di atas kapasitas berarti kekurangan pegawai.',
  positions: 'Jabatan: kebutuhan dan jumlah pegawai',
  positionsSub: (m: string) =>
    `${m}, per jabatan: lingkaran kosong = kebutuhan (beban kerja ÷ waktu kerja efektif), titik = pegawai yang ada. Kompetensi yang belum dimiliki pemegang jabatan mana pun (saat ini) ada di tabel.`,
  transfers: 'Mutasi masuk dan keluar',
  transfersSub: 'Jumlah orang per bulan (tanpa nama). Di atas garis: masuk; di bawah: keluar.',
  transfersEarlier: (n: string, m: string) => `${n} mutasi sebelum ${m} ada di tabel data dan CSV, tidak di grafik.`,
  performance: 'Sebaran predikat kinerja (SKP)',
  performanceSub: (m: string, n: string, rated: string) =>
    `Predikat terakhir sampai ${m}: ${rated} dari ${n} pegawai unit ini sudah dinilai (PermenPANRB 6/2022).`,
  readiness: 'Kesiapan rotasi',
  readinessSub: (asOf: string, max: string) =>
    `Pegawai yang sekarang ada di unit ini, per ${asOf}: berapa yang sudah lebih dari ${max} tahun di jabatannya (batas PP 11/2017 Pasal 190, jadi perlu dirotasi) dan berapa yang menyatakan tidak bersedia dipindah. Hanya jumlah; nama dan alasan tidak ditampilkan.`,
  overdue: 'Lewat masa jabatan maksimal',
  unwilling: 'Tidak bersedia dipindah',
  ofStaff: (n: string) => `dari ${n} pegawai`,
  subunits: 'Sub-unit',
  subunitsNone: 'Unit ini tidak punya sub-unit.',
  workload: 'Beban kerja',
  capacity: 'Kapasitas',
  hoursPerMonth: 'Jam per bulan',
  hoursPerYear: 'Jam per 12 bulan',
  hoursUnit: 'jam',
  in: 'Masuk',
  out: 'Keluar',
  people: 'orang',
  missing: 'Kompetensi belum dimiliki',
  belowEdu: 'Pemegang di bawah syarat pendidikan',
  shortfallCol: 'Kekurangan (+) / kelebihan (−)',
};

const en: typeof id = {
  title: 'Units',
  pick: 'Choose a unit',
  pickHelp: 'Open a unit to see its workload, positions, transfers and staff performance.',
  noScript: 'This list is loaded with JavaScript. Without it, download the units with their EJ:',
  kind: 'Kind',
  kinds: {
    badan: 'Agency (badan)', dinas: 'Department (dinas)', upt: 'Technical unit (UPT)', inspektorat: 'Inspectorate', kelurahan: 'Urban village (kelurahan)',
    rsud: 'Regional hospital (RSUD)', satpol_pp: 'Civil service police (Satpol PP)', bagian: 'Section (bagian)', kecamatan: 'District (kecamatan)', sekretariat: 'Secretariat',
  } as Record<string, string>,
  parent: 'Parent',
  topUnit: 'Agency (OPD)',
  ejIn: (m: string) => `EJ ${m}`,
  ejAnnual: (m: string) => `Annual EJ (12 months to ${m})`,
  requiredAnnual: "12 months' workload ÷ a year's effective working time",
  staffIn: 'Staff',
  required: 'Required',
  history: 'Workload and capacity',
  historySub:
    'Working hours per month: workload (from the ABK and recorded volumes) and capacity (staff × effective working time ÷ 12). Workload above capacity means understaffed.',
  historySubAnnual:
    'Working hours over the 12 months up to each month: the year\'s workload (from the ABK and recorded volumes) and capacity (staff that month × a year\'s effective working time). Workload above capacity means understaffed.',
  positions: 'Positions: required and current staff',
  positionsSub: (m: string) =>
    `${m}, per position: hollow circle = required (workload ÷ effective working time), dot = staff in post. Competencies no current holder has are in the table.`,
  transfers: 'Transfers in and out',
  transfersSub: 'People per month (no names). Above the line: in; below: out.',
  transfersEarlier: (n: string, m: string) => `${n} transfers before ${m} are in the data table and the CSV, not in the chart.`,
  performance: 'Performance ratings (SKP)',
  performanceSub: (m: string, n: string, rated: string) =>
    `Latest rating up to ${m}: ${rated} of the ${n} staff of this unit have been rated (PermenPANRB 6/2022).`,
  readiness: 'Rotation readiness',
  readinessSub: (asOf: string, max: string) =>
    `The people in this unit now, as of ${asOf}: how many have been in their post for more than ${max} years (the limit of PP 11/2017 Pasal 190, so due for rotation) and how many said they are unwilling to move. Counts only; no names or reasons.`,
  overdue: 'Past the maximum time in post',
  unwilling: 'Unwilling to move',
  ofStaff: (n: string) => `of ${n} staff`,
  subunits: 'Sub-units',
  subunitsNone: 'This unit has no sub-units.',
  workload: 'Workload',
  capacity: 'Capacity',
  hoursPerMonth: 'Hours per month',
  hoursPerYear: 'Hours per 12 months',
  hoursUnit: 'h',
  in: 'In',
  out: 'Out',
  people: 'people',
  missing: 'Competencies no holder has',
  belowEdu: 'Holders below the required education',
  shortfallCol: 'Short (+) / surplus (−)',
};

export default { id, en };
