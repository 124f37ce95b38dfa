/**
 * The catalogue the sample generator draws positions from: position archetypes (title, kind, class range,
 * required education and majors, competency tags) and their ABK task templates (task, output unit, time norm in
 * minutes per unit of output). Titles and tasks follow the usual Anjab/ABK documents of Indonesian regional
 * governments (PermenPANRB 1/2020; jabatan pelaksana names of PermenPANRB 45/2022 and the jabatan fungsional
 * in force). Norms are plausible, not official.
 */

export const EDU_ORDER = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type Edu = (typeof EDU_ORDER)[number];
export const eduRank = (e: Edu): number => EDU_ORDER.indexOf(e);

export type PositionKind = 'struktural' | 'fungsional' | 'pelaksana';
/**
 * Career families decide who may move where: `lead` struktural, `admin` general administration (pelaksana and
 * the general fungsional), `guru` teachers (stay in their school), `health`, `tech` other specialists.
 */
export type Family = 'lead' | 'admin' | 'guru' | 'health' | 'tech';
/** Seasonality tags of tasks (see workload.ts). */
export type TaskTag = 'finance' | 'planning' | 'tax' | 'civil' | 'ppdb' | '';

export interface TaskTpl {
  name: string;
  unit: string;
  /** minutes per unit of output */
  norm: number;
  tag?: TaskTag;
}

export interface Archetype {
  key: string;
  title: string;
  kind: PositionKind;
  cls: [number, number];
  edu: Edu;
  /** accepted majors (alternatives), empty = any */
  majors: string[];
  comps: string[];
  family: Family;
  /** relative head-count weight inside a unit */
  weight: number;
  /** probability that a holder is PPPK rather than PNS */
  pppk: number;
  tasks: TaskTpl[];
}

const T = (name: string, unit: string, norm: number, tag: TaskTag = ''): TaskTpl => ({ name, unit, norm, tag });

const A = (
  key: string,
  title: string,
  kind: PositionKind,
  cls: [number, number],
  edu: Edu,
  majors: string[],
  comps: string[],
  family: Family,
  weight: number,
  pppk: number,
  tasks: TaskTpl[],
): Archetype => ({ key, title, kind, cls, edu, majors, comps, family, weight, pppk, tasks });

// ---- task pools ---------------------------------------------------------------------------------------------

const LEAD_TASKS: TaskTpl[] = [
  T('Menyusun rencana kerja dan anggaran', 'dokumen', 2400, 'planning'),
  T('Memimpin rapat koordinasi', 'rapat', 120),
  T('Memberikan disposisi dan arahan atas naskah dinas', 'naskah dinas', 10),
  T('Menandatangani naskah dinas', 'naskah dinas', 5),
  T('Melakukan pembinaan dan penilaian kinerja pegawai', 'pegawai', 240),
  T('Melakukan monitoring dan evaluasi pelaksanaan program', 'laporan', 960),
  T('Menyusun laporan kinerja', 'laporan', 2400),
  T('Mewakili pimpinan dalam acara resmi', 'kegiatan', 180),
  T('Menerima konsultasi dan pengaduan masyarakat', 'pengaduan', 30),
];

const GURU_TASKS: TaskTpl[] = [
  T('Menyusun rencana pelaksanaan pembelajaran', 'dokumen', 120, 'ppdb'),
  T('Melaksanakan pembelajaran tatap muka', 'jam pelajaran', 40, 'ppdb'),
  T('Menilai dan mengevaluasi hasil belajar', 'lembar jawaban', 7.5, 'ppdb'),
  T('Melaksanakan remedial dan pengayaan', 'jam pelajaran', 40, 'ppdb'),
  T('Membimbing kegiatan ekstrakurikuler', 'pertemuan', 90, 'ppdb'),
  T('Menyusun laporan hasil belajar peserta didik', 'rapor', 30, 'ppdb'),
  T('Melayani pendaftaran dan verifikasi berkas peserta didik baru', 'berkas', 15, 'ppdb'),
  T('Mengikuti pengembangan keprofesian berkelanjutan', 'kegiatan', 480, 'ppdb'),
];

const ADMIN_TASKS: TaskTpl[] = [
  T('Mengagendakan surat masuk dan surat keluar', 'surat', 5),
  T('Mengetik konsep naskah dinas', 'naskah', 20),
  T('Menggandakan dan mendistribusikan dokumen', 'berkas', 10),
  T('Menyiapkan bahan dan perlengkapan rapat', 'rapat', 60),
  T('Mengarsipkan dokumen', 'berkas', 5),
  T('Melayani tamu dan menyampaikan informasi', 'tamu', 10),
];

// ---- archetypes ---------------------------------------------------------------------------------------------

const ADM_MAJORS = ['Administrasi Negara', 'Ilmu Pemerintahan', 'Manajemen', 'Hukum'];

export const ARCHETYPES: Archetype[] = [
  // pelaksana (general, found in most units)
  A('pengadm_umum', 'Pengadministrasi Perkantoran', 'pelaksana', [5, 5], 'SMA', [], ['administrasi-perkantoran', 'kearsipan'], 'admin', 4, 0.05, ADMIN_TASKS),
  A('pengolah_data', 'Pengolah Data dan Informasi', 'pelaksana', [6, 6], 'SMA', [], ['pengolahan-data', 'teknologi-informasi'], 'admin', 3, 0.05, [
    T('Menginput data ke aplikasi', 'data', 3),
    T('Memverifikasi kelengkapan data', 'data', 5),
    T('Menyusun rekapitulasi data', 'laporan', 120),
    T('Memutakhirkan basis data', 'kegiatan', 240),
    T('Menyajikan data untuk pimpinan', 'dokumen', 90),
  ]),
  A('pengelola_keuangan', 'Pengelola Keuangan', 'pelaksana', [7, 7], 'D3', ['Akuntansi', 'Manajemen Keuangan', 'Perpajakan'], ['pengelolaan-keuangan', 'akuntansi-pemerintahan'], 'admin', 2.5, 0.03, [
    T('Memverifikasi surat pertanggungjawaban', 'dokumen', 30, 'finance'),
    T('Menyusun surat permintaan dan perintah membayar', 'dokumen', 45, 'finance'),
    T('Membukukan transaksi keuangan', 'transaksi', 5, 'finance'),
    T('Melakukan rekonsiliasi rekening bank', 'laporan', 240, 'finance'),
    T('Menyusun laporan keuangan', 'laporan', 2400, 'finance'),
    T('Menyiapkan penyetoran pajak', 'transaksi', 15, 'finance'),
  ]),
  A('pengelola_bmd', 'Pengelola Barang Milik Daerah', 'pelaksana', [6, 6], 'D3', ['Akuntansi', 'Manajemen', 'Administrasi Perkantoran'], ['pengelolaan-aset', 'akuntansi-pemerintahan'], 'admin', 1.5, 0.03, [
    T('Menginventarisasi barang milik daerah', 'barang', 10, 'finance'),
    T('Menyusun kartu inventaris barang', 'dokumen', 120, 'finance'),
    T('Melaksanakan stock opname persediaan', 'kegiatan', 480, 'finance'),
    T('Mencatat pemeliharaan barang', 'laporan', 60),
    T('Menyusun usulan penghapusan barang', 'dokumen', 480),
  ]),
  A('pengadm_kepeg', 'Pengadministrasi Kepegawaian', 'pelaksana', [6, 6], 'SMA', [], ['manajemen-asn', 'administrasi-perkantoran'], 'admin', 1.5, 0.03, [
    T('Memproses permohonan cuti pegawai', 'berkas', 20),
    T('Memutakhirkan data pegawai di SIASN', 'data', 10),
    T('Menyiapkan usul kenaikan pangkat dan gaji berkala', 'berkas', 45),
    T('Merekapitulasi presensi pegawai', 'laporan', 120),
    T('Menyiapkan bahan penilaian kinerja pegawai', 'berkas', 30),
  ]),
  A('penata_layanan', 'Penata Layanan Operasional', 'pelaksana', [7, 7], 'S1', ADM_MAJORS, ['pelayanan-publik', 'perencanaan-program'], 'admin', 2.5, 0.03, [
    T('Menyusun bahan rencana kerja', 'dokumen', 480, 'planning'),
    T('Menyusun laporan pelaksanaan kegiatan', 'laporan', 240),
    T('Menganalisis data layanan', 'laporan', 480),
    T('Mengoordinasikan pelaksanaan kegiatan teknis', 'kegiatan', 120),
    T('Menyiapkan bahan telaahan staf', 'telaahan', 180),
  ]),
  A('operator_layanan', 'Operator Layanan Operasional', 'pelaksana', [5, 5], 'SMA', [], ['pelayanan-publik'], 'admin', 2, 0.05, [
    T('Melayani permohonan layanan', 'permohonan', 15),
    T('Mencatat data layanan', 'data', 5),
    T('Menyampaikan informasi layanan', 'layanan', 10),
    T('Menyiapkan kelengkapan berkas layanan', 'berkas', 10),
  ]),
  A('pengemudi', 'Pengemudi', 'pelaksana', [3, 3], 'SMA', [], ['mengemudi'], 'admin', 1, 0.05, [
    T('Mengantar pejabat dan petugas dinas', 'perjalanan', 60),
    T('Merawat kebersihan dan kondisi kendaraan', 'kegiatan', 60),
    T('Mencatat pemakaian bahan bakar', 'laporan', 15),
  ]),
  A('pengelola_sarpras', 'Pengelola Sarana dan Prasarana Kantor', 'pelaksana', [5, 5], 'SMA', [], ['pengelolaan-aset'], 'admin', 1, 0.05, [
    T('Memeriksa kondisi sarana dan prasarana kantor', 'ruang', 30),
    T('Mengajukan permintaan perbaikan', 'permintaan', 20),
    T('Mengatur penggunaan ruang rapat', 'kegiatan', 15),
    T('Mencatat pemakaian alat tulis kantor', 'laporan', 30),
  ]),
  A('verifikator_keuangan', 'Verifikator Keuangan', 'pelaksana', [7, 7], 'S1', ['Akuntansi', 'Manajemen', 'Ekonomi Pembangunan'], ['pengelolaan-keuangan', 'akuntansi-pemerintahan'], 'admin', 1, 0.02, [
    T('Memverifikasi dokumen pembayaran', 'dokumen', 30, 'finance'),
    T('Memeriksa kesesuaian belanja dengan anggaran', 'dokumen', 45, 'finance'),
    T('Menyusun catatan hasil verifikasi', 'laporan', 120, 'finance'),
    T('Mengoreksi jurnal transaksi', 'transaksi', 10, 'finance'),
  ]),

  // fungsional (general)
  A('analis_kebijakan', 'Analis Kebijakan Ahli Pertama', 'fungsional', [8, 9], 'S1', ADM_MAJORS.concat('Ekonomi Pembangunan'), ['analisis-kebijakan', 'penulisan-kajian'], 'admin', 1.5, 0, [
    T('Menyusun kajian kebijakan', 'kajian', 2400, 'planning'),
    T('Menyusun telaahan staf', 'telaahan', 240),
    T('Memfasilitasi rapat koordinasi kebijakan', 'rapat', 180),
    T('Menyusun ringkasan kebijakan', 'dokumen', 960),
    T('Mengevaluasi pelaksanaan kebijakan', 'laporan', 1440),
  ]),
  A('arsiparis', 'Arsiparis Terampil', 'fungsional', [6, 7], 'D3', ['Kearsipan', 'Administrasi Perkantoran'], ['kearsipan'], 'admin', 1, 0.02, [
    T('Mencatat dan menata arsip dinamis', 'berkas', 5),
    T('Memindahkan arsip inaktif ke record center', 'boks', 60),
    T('Menyusun daftar arsip', 'daftar', 120),
    T('Melayani peminjaman arsip', 'permintaan', 15),
    T('Menyiapkan penyusutan arsip', 'kegiatan', 480),
  ]),
  A('pranata_komputer', 'Pranata Komputer Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer'], ['teknologi-informasi', 'pengelolaan-jaringan'], 'admin', 1, 0.05, [
    T('Memelihara perangkat keras dan jaringan', 'perangkat', 60),
    T('Mengembangkan modul aplikasi', 'modul', 2400),
    T('Mengelola basis data', 'laporan', 240),
    T('Menangani gangguan layanan TIK', 'tiket', 45),
    T('Mengelola konten laman resmi', 'konten', 30),
  ]),
  A('perencana', 'Perencana Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Perencanaan Wilayah dan Kota', 'Ekonomi Pembangunan', 'Statistika', 'Administrasi Negara'], ['perencanaan-pembangunan', 'analisis-data'], 'admin', 1, 0, [
    T('Menyusun rancangan rencana kerja perangkat daerah', 'dokumen', 4800, 'planning'),
    T('Memverifikasi usulan kegiatan', 'usulan', 60, 'planning'),
    T('Menyusun indikator kinerja', 'dokumen', 960, 'planning'),
    T('Memantau capaian program', 'laporan', 480),
    T('Memfasilitasi musyawarah perencanaan pembangunan', 'forum', 480, 'planning'),
  ]),
  A('analis_sdm', 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Psikologi', 'Administrasi Negara', 'Manajemen'], ['manajemen-asn', 'analisis-jabatan'], 'admin', 1.5, 0, [
    T('Menyusun analisis jabatan dan beban kerja', 'dokumen', 480),
    T('Memproses usul kenaikan pangkat', 'berkas', 60),
    T('Memproses usul mutasi pegawai', 'berkas', 90),
    T('Menyusun rencana kebutuhan formasi', 'dokumen', 960, 'planning'),
    T('Mengelola data kepegawaian', 'data', 10),
    T('Menyelenggarakan seleksi jabatan', 'kegiatan', 2400),
  ]),
  A('analis_keuangan', 'Analis Keuangan Pusat dan Daerah Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Akuntansi', 'Manajemen', 'Ekonomi Pembangunan'], ['pengelolaan-keuangan', 'akuntansi-pemerintahan', 'penganggaran'], 'admin', 1.5, 0, [
    T('Menyusun rancangan anggaran pendapatan dan belanja', 'dokumen', 4800, 'finance'),
    T('Menganalisis realisasi anggaran', 'laporan', 480, 'finance'),
    T('Menyusun laporan keuangan pemerintah daerah', 'laporan', 4800, 'finance'),
    T('Memverifikasi pencairan dana', 'dokumen', 30, 'finance'),
    T('Melakukan rekonsiliasi kas daerah', 'laporan', 240, 'finance'),
  ]),
  A('pengelola_pbj', 'Pengelola Pengadaan Barang/Jasa Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Teknik Sipil', 'Manajemen', 'Hukum', 'Administrasi Negara'], ['pengadaan-barang-jasa'], 'admin', 1.5, 0, [
    T('Menyusun dokumen pemilihan penyedia', 'paket', 960),
    T('Melaksanakan pemilihan penyedia', 'paket', 1440),
    T('Mereviu harga perkiraan sendiri', 'paket', 240),
    T('Menyiapkan dokumen kontrak', 'kontrak', 480),
    T('Mengelola katalog elektronik', 'transaksi', 60),
  ]),
  A('perancang_uu', 'Perancang Peraturan Perundang-undangan Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Hukum'], ['hukum-peraturan', 'legal-drafting'], 'admin', 1.5, 0, [
    T('Menyusun rancangan peraturan daerah', 'rancangan', 4800),
    T('Menyusun rancangan peraturan kepala daerah', 'rancangan', 1440),
    T('Mengharmonisasi rancangan produk hukum', 'rancangan', 960),
    T('Memberikan pertimbangan hukum', 'telaahan', 480),
    T('Mengelola jaringan dokumentasi hukum', 'dokumen', 30),
  ]),
  A('pranata_humas', 'Pranata Hubungan Masyarakat Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Ilmu Komunikasi', 'Jurnalistik'], ['komunikasi-publik', 'media-sosial'], 'admin', 1, 0, [
    T('Menyusun siaran pers', 'naskah', 120),
    T('Mendokumentasikan kegiatan pimpinan', 'kegiatan', 90),
    T('Mengelola konten media sosial', 'konten', 45),
    T('Memantau pemberitaan media', 'laporan', 60),
    T('Menyelenggarakan konferensi pers', 'kegiatan', 480),
  ]),
  A('statistisi', 'Statistisi Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Statistika', 'Matematika'], ['statistik', 'analisis-data'], 'admin', 1, 0, [
    T('Menyusun rancangan kegiatan statistik sektoral', 'dokumen', 960),
    T('Mengolah data statistik', 'tabel', 120),
    T('Menyusun publikasi data', 'publikasi', 2400),
    T('Melakukan validasi data sektoral', 'data', 10),
  ]),

  // guru (Dinas Pendidikan)
  A('guru_kelas', 'Guru Kelas SD', 'fungsional', [8, 11], 'S1', ['Pendidikan Guru Sekolah Dasar'], ['pembelajaran', 'kurikulum'], 'guru', 40, 0.35, GURU_TASKS),
  A('guru_tk', 'Guru Taman Kanak-kanak', 'fungsional', [8, 10], 'S1', ['Pendidikan Guru PAUD'], ['pembelajaran', 'pendidikan-anak-usia-dini'], 'guru', 6, 0.4, GURU_TASKS),
  A('guru_mtk', 'Guru Matematika', 'fungsional', [8, 11], 'S1', ['Pendidikan Matematika', 'Matematika'], ['pembelajaran', 'matematika'], 'guru', 8, 0.3, GURU_TASKS),
  A('guru_bind', 'Guru Bahasa Indonesia', 'fungsional', [8, 11], 'S1', ['Pendidikan Bahasa Indonesia'], ['pembelajaran', 'bahasa-indonesia'], 'guru', 8, 0.3, GURU_TASKS),
  A('guru_bing', 'Guru Bahasa Inggris', 'fungsional', [8, 11], 'S1', ['Pendidikan Bahasa Inggris'], ['pembelajaran', 'bahasa-inggris'], 'guru', 6, 0.3, GURU_TASKS),
  A('guru_ipa', 'Guru Ilmu Pengetahuan Alam', 'fungsional', [8, 11], 'S1', ['Pendidikan Biologi', 'Pendidikan Fisika', 'Pendidikan Kimia'], ['pembelajaran', 'sains'], 'guru', 7, 0.3, GURU_TASKS),
  A('guru_ips', 'Guru Ilmu Pengetahuan Sosial', 'fungsional', [8, 11], 'S1', ['Pendidikan Ekonomi', 'Pendidikan Sejarah', 'Pendidikan Geografi'], ['pembelajaran'], 'guru', 6, 0.3, GURU_TASKS),
  A('guru_pjok', 'Guru Pendidikan Jasmani, Olahraga dan Kesehatan', 'fungsional', [8, 10], 'S1', ['Pendidikan Jasmani'], ['pembelajaran', 'olahraga'], 'guru', 5, 0.35, GURU_TASKS),
  A('guru_pai', 'Guru Pendidikan Agama Islam', 'fungsional', [8, 10], 'S1', ['Pendidikan Agama Islam'], ['pembelajaran', 'pendidikan-agama'], 'guru', 5, 0.35, GURU_TASKS),
  A('guru_bk', 'Guru Bimbingan dan Konseling', 'fungsional', [8, 10], 'S1', ['Bimbingan dan Konseling'], ['konseling'], 'guru', 3, 0.3, [
    T('Menyusun program layanan bimbingan dan konseling', 'program', 480, 'ppdb'),
    T('Melaksanakan konseling individual', 'sesi', 45, 'ppdb'),
    T('Melaksanakan bimbingan klasikal', 'jam pelajaran', 40, 'ppdb'),
    T('Melaksanakan asesmen kebutuhan peserta didik', 'peserta didik', 20, 'ppdb'),
    T('Melayani pendaftaran dan verifikasi berkas peserta didik baru', 'berkas', 15, 'ppdb'),
  ]),
  A('guru_smk', 'Guru Produktif SMK', 'fungsional', [8, 11], 'S1', ['Pendidikan Teknik Mesin', 'Pendidikan Teknik Elektro', 'Pendidikan Teknik Informatika'], ['pembelajaran', 'vokasi'], 'guru', 8, 0.35, GURU_TASKS),
  A('pengawas_sekolah', 'Pengawas Sekolah Ahli Muda', 'fungsional', [9, 11], 'S1', ['Manajemen Pendidikan', 'Pendidikan Guru Sekolah Dasar', 'Pendidikan Matematika'], ['supervisi-pendidikan', 'kurikulum'], 'tech', 1, 0, [
    T('Melaksanakan supervisi akademik', 'sekolah', 480, 'ppdb'),
    T('Melaksanakan supervisi manajerial', 'sekolah', 480, 'ppdb'),
    T('Membimbing guru dan kepala sekolah', 'pertemuan', 120, 'ppdb'),
    T('Menyusun laporan pengawasan', 'laporan', 960, 'ppdb'),
  ]),
  A('penilik', 'Penilik Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Pendidikan Luar Sekolah'], ['pendidikan-nonformal'], 'tech', 0.7, 0, [
    T('Melaksanakan pengendalian mutu satuan pendidikan nonformal', 'lembaga', 480, 'ppdb'),
    T('Mengevaluasi dampak program pendidikan nonformal', 'laporan', 960, 'ppdb'),
    T('Mendampingi lembaga kursus dan PKBM', 'kunjungan', 180, 'ppdb'),
  ]),
  A('pengelola_data_pendidikan', 'Pengelola Data Pendidikan', 'pelaksana', [6, 6], 'D3', ['Manajemen Informatika', 'Administrasi Perkantoran'], ['pengolahan-data', 'dapodik'], 'admin', 2, 0.05, [
    T('Memutakhirkan data pokok pendidikan', 'data', 5, 'ppdb'),
    T('Memverifikasi data peserta didik baru', 'data', 5, 'ppdb'),
    T('Menyusun rekapitulasi data sekolah', 'laporan', 240, 'ppdb'),
    T('Melayani pendaftaran peserta didik baru daring', 'pendaftar', 10, 'ppdb'),
  ]),

  // health
  A('dokter', 'Dokter Ahli Pertama', 'fungsional', [9, 10], 'S1', ['Pendidikan Dokter'], ['pelayanan-klinis', 'kegawatdaruratan'], 'health', 3, 0.15, [
    T('Melakukan pemeriksaan pasien rawat jalan', 'pasien', 15),
    T('Melakukan visite pasien rawat inap', 'pasien', 10),
    T('Melakukan tindakan medis sederhana', 'tindakan', 30),
    T('Membuat rujukan pasien', 'rujukan', 15),
    T('Melakukan pelayanan kegawatdaruratan', 'kasus', 45),
    T('Mengisi rekam medis pasien', 'berkas', 5),
    T('Memberikan penyuluhan kesehatan', 'kegiatan', 120),
  ]),
  A('dokter_gigi', 'Dokter Gigi Ahli Pertama', 'fungsional', [9, 10], 'S1', ['Pendidikan Dokter Gigi'], ['pelayanan-klinis', 'kesehatan-gigi'], 'health', 1, 0.15, [
    T('Melakukan pemeriksaan gigi dan mulut', 'pasien', 20),
    T('Melakukan penambalan gigi', 'tindakan', 45),
    T('Melakukan pencabutan gigi', 'tindakan', 30),
    T('Melakukan penyuluhan kesehatan gigi di sekolah', 'kegiatan', 120),
  ]),
  A('dokter_sp', 'Dokter Spesialis Ahli Muda', 'fungsional', [11, 12], 'S2', ['Ilmu Penyakit Dalam', 'Ilmu Kesehatan Anak', 'Obstetri dan Ginekologi', 'Ilmu Bedah'], ['pelayanan-klinis', 'pelayanan-spesialistik'], 'health', 1.5, 0.1, [
    T('Melakukan pemeriksaan pasien poliklinik spesialis', 'pasien', 15),
    T('Melakukan visite pasien rawat inap', 'pasien', 10),
    T('Melakukan tindakan operatif', 'tindakan', 120),
    T('Memberikan konsultasi antarbagian', 'konsultasi', 30),
    T('Melakukan jaga konsulen', 'shift', 480),
  ]),
  A('perawat', 'Perawat Terampil', 'fungsional', [7, 7], 'D3', ['Keperawatan'], ['asuhan-keperawatan', 'kegawatdaruratan'], 'health', 12, 0.3, [
    T('Melakukan pengkajian keperawatan', 'pasien', 15),
    T('Memberikan asuhan keperawatan', 'pasien', 30),
    T('Melakukan tindakan keperawatan', 'tindakan', 15),
    T('Memberikan obat kepada pasien', 'pasien', 5),
    T('Mendokumentasikan asuhan keperawatan', 'berkas', 10),
    T('Melakukan serah terima pasien antar-shift', 'kegiatan', 20),
  ]),
  A('perawat_ahli', 'Perawat Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Keperawatan (Ners)'], ['asuhan-keperawatan', 'manajemen-keperawatan'], 'health', 5, 0.25, [
    T('Menyusun rencana asuhan keperawatan', 'pasien', 20),
    T('Melakukan asuhan keperawatan kompleks', 'pasien', 45),
    T('Melakukan supervisi pelayanan keperawatan', 'kegiatan', 120),
    T('Mengevaluasi asuhan keperawatan', 'pasien', 15),
    T('Mendokumentasikan asuhan keperawatan', 'berkas', 10),
  ]),
  A('bidan', 'Bidan Terampil', 'fungsional', [7, 7], 'D3', ['Kebidanan'], ['kesehatan-ibu-anak'], 'health', 5, 0.3, [
    T('Melakukan pemeriksaan kehamilan', 'ibu hamil', 30),
    T('Menolong persalinan normal', 'persalinan', 240),
    T('Memberikan pelayanan keluarga berencana', 'akseptor', 20),
    T('Memberikan imunisasi bayi', 'bayi', 10),
    T('Melakukan pemeriksaan ibu nifas', 'ibu nifas', 30),
    T('Mencatat kohort ibu dan anak', 'berkas', 10),
  ]),
  A('apoteker', 'Apoteker Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Farmasi (Profesi Apoteker)'], ['kefarmasian', 'pengelolaan-obat'], 'health', 1, 0.2, [
    T('Mengkaji dan menyerahkan resep', 'resep', 7.5),
    T('Memberikan pelayanan informasi obat', 'pasien', 10),
    T('Mengelola perbekalan farmasi', 'laporan', 240),
    T('Memantau efek samping obat', 'laporan', 60),
    T('Melaksanakan stock opname obat', 'kegiatan', 480),
  ]),
  A('ttk', 'Asisten Apoteker Terampil', 'fungsional', [6, 7], 'D3', ['Farmasi'], ['kefarmasian'], 'health', 1.5, 0.3, [
    T('Meracik obat', 'resep', 10),
    T('Menyiapkan obat sesuai resep', 'resep', 5),
    T('Mencatat kartu stok obat', 'transaksi', 3),
    T('Menyusun laporan pemakaian obat', 'laporan', 240),
  ]),
  A('pranata_lab', 'Pranata Laboratorium Kesehatan Terampil', 'fungsional', [6, 7], 'D3', ['Teknologi Laboratorium Medis'], ['laboratorium-klinik'], 'health', 1.5, 0.3, [
    T('Mengambil sampel darah', 'sampel', 10),
    T('Melakukan pemeriksaan hematologi', 'pemeriksaan', 20),
    T('Melakukan pemeriksaan kimia klinik', 'pemeriksaan', 30),
    T('Melakukan kalibrasi alat laboratorium', 'alat', 60),
    T('Menyusun laporan hasil pemeriksaan', 'laporan', 15),
  ]),
  A('nutrisionis', 'Nutrisionis Terampil', 'fungsional', [6, 7], 'D3', ['Gizi'], ['gizi'], 'health', 1, 0.3, [
    T('Menyusun menu diet pasien', 'menu', 30),
    T('Memberikan konseling gizi', 'pasien', 30),
    T('Memantau status gizi balita', 'balita', 10),
    T('Menyusun laporan surveilans gizi', 'laporan', 240),
  ]),
  A('sanitarian', 'Tenaga Sanitasi Lingkungan Terampil', 'fungsional', [6, 7], 'D3', ['Kesehatan Lingkungan'], ['kesehatan-lingkungan'], 'health', 1, 0.3, [
    T('Melakukan inspeksi sanitasi tempat umum', 'lokasi', 60),
    T('Melakukan pemeriksaan kualitas air', 'sampel', 45),
    T('Memberikan penyuluhan kesehatan lingkungan', 'kegiatan', 120),
    T('Menyusun laporan kesehatan lingkungan', 'laporan', 240),
  ]),
  A('epidemiolog', 'Epidemiolog Kesehatan Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Kesehatan Masyarakat'], ['surveilans', 'epidemiologi'], 'health', 1, 0.1, [
    T('Melakukan penyelidikan epidemiologi', 'kasus', 240),
    T('Menyusun laporan surveilans mingguan', 'laporan', 120),
    T('Menganalisis data penyakit', 'laporan', 480),
    T('Memverifikasi sinyal kewaspadaan dini', 'sinyal', 30),
  ]),
  A('penyuluh_kesmas', 'Penyuluh Kesehatan Masyarakat Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Kesehatan Masyarakat'], ['promosi-kesehatan'], 'health', 1, 0.15, [
    T('Menyusun materi promosi kesehatan', 'materi', 240),
    T('Melaksanakan penyuluhan kelompok', 'kegiatan', 120),
    T('Membina posyandu', 'kunjungan', 180),
    T('Mengevaluasi program promosi kesehatan', 'laporan', 480),
  ]),
  A('perekam_medis', 'Perekam Medis Terampil', 'fungsional', [6, 7], 'D3', ['Rekam Medis dan Informasi Kesehatan'], ['rekam-medis'], 'health', 2, 0.3, [
    T('Menyiapkan berkas rekam medis', 'berkas', 5),
    T('Mengkode diagnosis penyakit', 'berkas', 5),
    T('Menyusun laporan morbiditas', 'laporan', 240),
    T('Melaksanakan retensi rekam medis', 'berkas', 3),
  ]),
  A('radiografer', 'Radiografer Terampil', 'fungsional', [6, 7], 'D3', ['Radiologi'], ['radiologi'], 'health', 1, 0.25, [
    T('Melakukan pemeriksaan radiografi', 'pemeriksaan', 20),
    T('Menyiapkan pasien pemeriksaan radiologi', 'pasien', 10),
    T('Memelihara peralatan radiologi', 'kegiatan', 60),
  ]),
  A('fisioterapis', 'Fisioterapis Terampil', 'fungsional', [6, 7], 'D3', ['Fisioterapi'], ['rehabilitasi-medik'], 'health', 0.8, 0.25, [
    T('Melakukan asesmen fisioterapi', 'pasien', 30),
    T('Memberikan terapi latihan', 'pasien', 45),
    T('Mendokumentasikan pelayanan fisioterapi', 'berkas', 10),
  ]),
  A('petugas_pendaftaran', 'Pengadministrasi Pelayanan Pasien', 'pelaksana', [5, 5], 'SMA', [], ['pelayanan-publik', 'rekam-medis'], 'admin', 2, 0.1, [
    T('Mendaftarkan pasien', 'pasien', 5),
    T('Memverifikasi kepesertaan jaminan kesehatan', 'pasien', 5),
    T('Menyiapkan berkas klaim', 'berkas', 15, 'finance'),
    T('Melayani informasi pasien', 'layanan', 5),
  ]),

  // other specialists
  A('auditor', 'Auditor Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Akuntansi', 'Manajemen', 'Hukum', 'Teknik Sipil'], ['audit', 'akuntansi-pemerintahan'], 'tech', 5, 0, [
    T('Melaksanakan audit kinerja', 'penugasan', 9600),
    T('Mereviu laporan keuangan', 'laporan', 2400, 'finance'),
    T('Mengevaluasi akuntabilitas kinerja', 'dokumen', 1440),
    T('Memantau tindak lanjut rekomendasi', 'rekomendasi', 60),
    T('Menyusun kertas kerja audit', 'kertas kerja', 120),
  ]),
  A('p2upd', 'Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Ilmu Pemerintahan', 'Administrasi Negara', 'Hukum'], ['pengawasan', 'pemerintahan-daerah'], 'tech', 3, 0, [
    T('Melaksanakan pemeriksaan khusus atas pengaduan', 'kasus', 2400),
    T('Mengevaluasi penyelenggaraan urusan pemerintahan', 'urusan', 1440),
    T('Menyusun laporan hasil pengawasan', 'laporan', 480),
    T('Melakukan reviu dokumen perencanaan', 'dokumen', 960, 'planning'),
  ]),
  A('teknik_jalan', 'Teknik Jalan dan Jembatan Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Teknik Sipil'], ['teknik-sipil', 'konstruksi-jalan'], 'tech', 3, 0.05, [
    T('Melakukan survei kondisi jalan', 'ruas', 480),
    T('Menyusun rencana anggaran biaya', 'dokumen', 960),
    T('Mengawasi pelaksanaan pekerjaan konstruksi', 'paket', 2400),
    T('Melakukan uji mutu material', 'sampel', 60),
    T('Menyusun laporan kemajuan pekerjaan', 'laporan', 240),
  ]),
  A('penata_ruang', 'Penata Ruang Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Perencanaan Wilayah dan Kota'], ['penataan-ruang'], 'tech', 1.5, 0, [
    T('Menyusun rencana detail tata ruang', 'dokumen', 9600, 'planning'),
    T('Memeriksa kesesuaian kegiatan pemanfaatan ruang', 'permohonan', 120),
    T('Mengendalikan pemanfaatan ruang', 'lokasi', 240),
  ]),
  A('teknik_bangunan', 'Teknik Tata Bangunan dan Perumahan Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Teknik Sipil', 'Arsitektur'], ['teknik-sipil', 'perumahan'], 'tech', 2, 0.05, [
    T('Memeriksa dokumen persetujuan bangunan gedung', 'dokumen', 240),
    T('Melakukan verifikasi rumah tidak layak huni', 'rumah', 90),
    T('Mengawasi pembangunan prasarana permukiman', 'paket', 2400),
    T('Menyusun basis data perumahan', 'laporan', 480),
  ]),
  A('adm_database_kependudukan', 'Administrator Database Kependudukan Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Teknik Informatika', 'Sistem Informasi'], ['kependudukan', 'basis-data'], 'tech', 1.5, 0, [
    T('Mengelola basis data kependudukan', 'kegiatan', 240, 'civil'),
    T('Melakukan konsolidasi dan pembersihan data', 'laporan', 480, 'civil'),
    T('Menangani gangguan perangkat perekaman', 'tiket', 60, 'civil'),
    T('Menyusun profil perkembangan kependudukan', 'dokumen', 2400, 'civil'),
  ]),
  A('pelayan_adminduk', 'Pengadministrasi Registrasi Kependudukan', 'pelaksana', [5, 6], 'SMA', [], ['kependudukan', 'pelayanan-publik'], 'admin', 5, 0.05, [
    T('Memverifikasi berkas kartu keluarga', 'berkas', 10, 'civil'),
    T('Mencetak KTP elektronik', 'keping', 5, 'civil'),
    T('Menerbitkan akta kelahiran', 'akta', 15, 'civil'),
    T('Melakukan perekaman data biometrik', 'penduduk', 10, 'civil'),
    T('Melayani pengaduan administrasi kependudukan', 'aduan', 15, 'civil'),
  ]),
  A('peksos', 'Pekerja Sosial Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Kesejahteraan Sosial'], ['pekerjaan-sosial'], 'tech', 2, 0.1, [
    T('Melakukan asesmen klien', 'klien', 120),
    T('Mendampingi penerima bantuan sosial', 'keluarga', 60),
    T('Memverifikasi data terpadu kesejahteraan sosial', 'data', 15),
    T('Melakukan rujukan kasus', 'kasus', 90),
  ]),
  A('penyuluh_sosial', 'Penyuluh Sosial Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Kesejahteraan Sosial', 'Ilmu Komunikasi'], ['pekerjaan-sosial', 'penyuluhan'], 'tech', 1, 0.1, [
    T('Melaksanakan penyuluhan sosial', 'kegiatan', 180),
    T('Menyusun materi penyuluhan', 'materi', 240),
    T('Mengidentifikasi potensi sumber kesejahteraan sosial', 'lokasi', 240),
  ]),
  A('penguji_kendaraan', 'Penguji Kendaraan Bermotor Terampil', 'fungsional', [6, 7], 'D3', ['Teknik Otomotif', 'Manajemen Transportasi'], ['transportasi', 'uji-kendaraan'], 'tech', 2, 0.05, [
    T('Melakukan pengujian berkala kendaraan bermotor', 'kendaraan', 30),
    T('Memeriksa persyaratan teknis kendaraan', 'kendaraan', 15),
    T('Menerbitkan bukti lulus uji', 'dokumen', 10),
    T('Merawat alat uji', 'kegiatan', 120),
  ]),
  A('petugas_lalin', 'Pengatur Lalu Lintas', 'pelaksana', [5, 5], 'SMA', [], ['transportasi', 'ketertiban-umum'], 'admin', 4, 0.05, [
    T('Mengatur lalu lintas di persimpangan', 'shift', 240),
    T('Memantau kelancaran angkutan umum', 'laporan', 60),
    T('Melakukan penertiban parkir', 'kegiatan', 120),
  ]),
  A('pengendali_dampak', 'Pengendali Dampak Lingkungan Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Teknik Lingkungan', 'Ilmu Lingkungan'], ['lingkungan-hidup'], 'tech', 2, 0.05, [
    T('Memeriksa dokumen lingkungan usaha', 'dokumen', 960),
    T('Mengawasi ketaatan usaha terhadap izin lingkungan', 'lokasi', 480),
    T('Menangani pengaduan pencemaran', 'kasus', 480),
    T('Mengambil dan menguji sampel lingkungan', 'sampel', 60),
  ]),
  A('pengawas_kebersihan', 'Pengawas Lapangan Kebersihan', 'pelaksana', [5, 5], 'SMA', [], ['lingkungan-hidup'], 'admin', 4, 0.05, [
    T('Mengawasi pengangkutan sampah', 'rute', 120),
    T('Memeriksa kebersihan ruas jalan', 'ruas', 60),
    T('Mencatat volume sampah masuk TPA', 'laporan', 30),
  ]),
  A('penyuluh_pertanian', 'Penyuluh Pertanian Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Agroteknologi', 'Agribisnis', 'Peternakan'], ['pertanian', 'penyuluhan'], 'tech', 4, 0.15, [
    T('Mengunjungi kelompok tani', 'kunjungan', 120),
    T('Menyelenggarakan demonstrasi plot', 'kegiatan', 960),
    T('Menyusun rencana definitif kebutuhan kelompok', 'dokumen', 240),
    T('Menyusun laporan penyuluhan', 'laporan', 120),
  ]),
  A('medik_veteriner', 'Medik Veteriner Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Kedokteran Hewan'], ['kesehatan-hewan'], 'tech', 1, 0.1, [
    T('Memeriksa kesehatan hewan', 'ekor', 20),
    T('Melakukan vaksinasi hewan', 'ekor', 10),
    T('Memeriksa kesehatan daging di rumah potong', 'pemeriksaan', 15),
    T('Menyusun laporan penyakit hewan', 'laporan', 120),
  ]),
  A('analis_pangan', 'Analis Ketahanan Pangan Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Agribisnis', 'Teknologi Pangan', 'Gizi'], ['ketahanan-pangan'], 'tech', 1, 0.05, [
    T('Menyusun neraca bahan makanan', 'dokumen', 960),
    T('Memantau harga dan pasokan pangan', 'laporan', 60),
    T('Menganalisis kerawanan pangan', 'laporan', 960),
  ]),
  A('pustakawan', 'Pustakawan Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Ilmu Perpustakaan'], ['perpustakaan'], 'tech', 2, 0.05, [
    T('Mengatalogkan bahan pustaka', 'judul', 20),
    T('Melayani sirkulasi bahan pustaka', 'transaksi', 5),
    T('Menyelenggarakan kegiatan literasi', 'kegiatan', 240),
    T('Menyiangi koleksi', 'eksemplar', 5),
  ]),
  A('polisi_pp', 'Polisi Pamong Praja Terampil', 'fungsional', [6, 7], 'SMA', [], ['ketertiban-umum', 'penegakan-perda'], 'tech', 12, 0.05, [
    T('Melaksanakan patroli ketertiban umum', 'patroli', 240),
    T('Menertibkan pedagang kaki lima', 'kegiatan', 180),
    T('Mengamankan kegiatan pemerintah daerah', 'kegiatan', 240),
    T('Menegakkan peraturan daerah secara non-yustisial', 'kasus', 120),
    T('Menyusun laporan kejadian', 'laporan', 30),
  ]),
  A('pemadam', 'Pemadam Kebakaran Terampil', 'fungsional', [6, 7], 'SMA', [], ['pemadaman-kebakaran', 'penyelamatan'], 'tech', 10, 0.05, [
    T('Melakukan pemadaman kebakaran', 'kejadian', 240),
    T('Melakukan penyelamatan non-kebakaran', 'kejadian', 180),
    T('Melaksanakan piket siaga', 'shift', 480),
    T('Merawat kendaraan dan peralatan pemadam', 'unit', 60),
    T('Memberikan sosialisasi pencegahan kebakaran', 'kegiatan', 120),
  ]),
  A('penyuluh_kb', 'Penyuluh Keluarga Berencana Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Kesehatan Masyarakat', 'Kesejahteraan Sosial', 'Psikologi'], ['keluarga-berencana', 'penyuluhan'], 'tech', 3, 0.1, [
    T('Melakukan penyuluhan keluarga berencana', 'kegiatan', 120),
    T('Mendampingi keluarga berisiko stunting', 'keluarga', 60),
    T('Mencatat dan melaporkan pendataan keluarga', 'laporan', 120),
  ]),
  A('pamong_budaya', 'Pamong Budaya Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Sejarah', 'Antropologi', 'Seni Pertunjukan'], ['kebudayaan'], 'tech', 1.5, 0.05, [
    T('Menginventarisasi objek pemajuan kebudayaan', 'objek', 240),
    T('Memfasilitasi kegiatan seni budaya', 'kegiatan', 480),
    T('Menyusun kajian pelestarian cagar budaya', 'kajian', 2400),
  ]),
  A('mediator', 'Mediator Hubungan Industrial Ahli Pertama', 'fungsional', [8, 9], 'S1', ['Hukum'], ['hubungan-industrial'], 'tech', 1, 0, [
    T('Melakukan mediasi perselisihan hubungan industrial', 'kasus', 960),
    T('Membina lembaga kerja sama bipartit', 'perusahaan', 240),
    T('Menyusun anjuran tertulis', 'dokumen', 480),
  ]),
  A('pengantar_kerja', 'Pengantar Kerja Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Psikologi', 'Manajemen'], ['penempatan-tenaga-kerja'], 'tech', 1, 0, [
    T('Melayani pendaftaran pencari kerja', 'pencari kerja', 15),
    T('Melaksanakan bursa kerja', 'kegiatan', 960),
    T('Memberikan bimbingan jabatan', 'orang', 45),
  ]),
  A('pengawas_perdagangan', 'Pengawas Perdagangan Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Ekonomi Pembangunan', 'Manajemen', 'Hukum'], ['perdagangan', 'perlindungan-konsumen'], 'tech', 1.5, 0, [
    T('Mengawasi barang beredar di pasar', 'lokasi', 240),
    T('Memantau harga barang kebutuhan pokok', 'laporan', 60),
    T('Menindaklanjuti pengaduan konsumen', 'aduan', 120),
  ]),
  A('penera', 'Penera Terampil', 'fungsional', [6, 7], 'D3', ['Metrologi', 'Teknik Mesin'], ['metrologi'], 'tech', 1, 0, [
    T('Melakukan tera dan tera ulang alat ukur', 'alat', 15),
    T('Mengawasi alat ukur di pasar', 'lokasi', 240),
    T('Memelihara standar ukuran', 'kegiatan', 120),
  ]),
  A('petugas_perizinan', 'Pengadministrasi Perizinan', 'pelaksana', [5, 6], 'SMA', [], ['perizinan', 'pelayanan-publik'], 'admin', 3, 0.05, [
    T('Memeriksa kelengkapan berkas perizinan', 'berkas', 15),
    T('Menginput permohonan ke sistem perizinan', 'permohonan', 10),
    T('Menerbitkan dokumen izin', 'dokumen', 10),
    T('Melayani konsultasi perizinan', 'layanan', 20),
  ]),
  A('analis_perizinan', 'Analis Perizinan Berusaha', 'pelaksana', [7, 7], 'S1', ['Hukum', 'Administrasi Negara', 'Ekonomi Pembangunan'], ['perizinan'], 'admin', 1.5, 0, [
    T('Memverifikasi teknis permohonan izin', 'permohonan', 60),
    T('Menyusun rekomendasi izin', 'dokumen', 120),
    T('Menyusun laporan realisasi investasi', 'laporan', 960),
  ]),
  A('petugas_pajak', 'Pengadministrasi Pajak Daerah', 'pelaksana', [5, 6], 'SMA', [], ['perpajakan-daerah', 'pelayanan-publik'], 'admin', 4, 0.05, [
    T('Melayani pendaftaran wajib pajak', 'wajib pajak', 15, 'tax'),
    T('Mencetak dan mendistribusikan SPPT', 'lembar', 2, 'tax'),
    T('Mencatat pembayaran pajak daerah', 'transaksi', 5, 'tax'),
    T('Melayani keberatan pajak', 'berkas', 45, 'tax'),
  ]),
  A('penilai_pbb', 'Penilai Pajak Bumi dan Bangunan Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Teknik Sipil', 'Ekonomi Pembangunan', 'Akuntansi'], ['perpajakan-daerah', 'penilaian-properti'], 'tech', 1.5, 0, [
    T('Melakukan penilaian objek pajak', 'objek', 60, 'tax'),
    T('Memutakhirkan zona nilai tanah', 'zona', 240, 'tax'),
    T('Memeriksa lapangan objek pajak', 'objek', 90, 'tax'),
  ]),
  A('analis_bencana', 'Analis Kebencanaan Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Geografi', 'Teknik Sipil', 'Ilmu Lingkungan'], ['kebencanaan'], 'tech', 2, 0.05, [
    T('Menyusun kajian risiko bencana', 'kajian', 4800),
    T('Melaksanakan kaji cepat kejadian bencana', 'kejadian', 480),
    T('Menyelenggarakan simulasi kesiapsiagaan', 'kegiatan', 960),
    T('Mengelola pusat pengendalian operasi', 'shift', 480),
  ]),
  A('sandiman', 'Sandiman Ahli Pertama', 'fungsional', [8, 8], 'S1', ['Teknik Informatika', 'Ilmu Komputer'], ['persandian', 'keamanan-informasi'], 'tech', 1, 0, [
    T('Mengelola sertifikat elektronik', 'sertifikat', 20),
    T('Melakukan penilaian keamanan informasi', 'sistem', 960),
    T('Menangani insiden keamanan siber', 'insiden', 240),
  ]),
  A('trantib_kec', 'Pengadministrasi Ketenteraman dan Ketertiban', 'pelaksana', [5, 5], 'SMA', [], ['ketertiban-umum', 'pelayanan-publik'], 'admin', 2, 0.05, [
    T('Mencatat laporan gangguan ketertiban', 'laporan', 20),
    T('Mendampingi patroli wilayah', 'kegiatan', 180),
    T('Menyusun rekap kejadian wilayah', 'laporan', 60),
  ]),
  A('pengadm_kependudukan_kel', 'Pengadministrasi Layanan Kependudukan', 'pelaksana', [5, 5], 'SMA', [], ['kependudukan', 'pelayanan-publik'], 'admin', 3, 0.05, [
    T('Melayani surat pengantar kependudukan', 'surat', 10, 'civil'),
    T('Memverifikasi berkas pindah datang', 'berkas', 15, 'civil'),
    T('Mencatat data penduduk rentan', 'data', 10),
    T('Melayani surat keterangan usaha', 'surat', 10),
  ]),
];

export const ARCHETYPE = new Map(ARCHETYPES.map((a) => [a.key, a]));
export function archetype(key: string): Archetype {
  const a = ARCHETYPE.get(key);
  if (!a) throw new Error(`unknown position archetype '${key}'`);
  return a;
}

/** general pelaksana every unit may have */
export const GENERAL_PELAKSANA = [
  'pengadm_umum', 'pengolah_data', 'pengelola_keuangan', 'pengelola_bmd', 'pengadm_kepeg', 'penata_layanan',
  'operator_layanan', 'pengemudi', 'pengelola_sarpras', 'verifikator_keuangan',
];
/** general fungsional any unit may have */
export const GENERAL_FUNGSIONAL = ['analis_kebijakan', 'arsiparis', 'pranata_komputer', 'perencana'];

/** Struktural positions: the same managerial task pool, titles and classes per level. */
export interface LeadSpec {
  title: string;
  cls: number;
  edu: Edu;
}

export function leadArchetype(spec: LeadSpec, index: number): Archetype {
  const majors = spec.cls >= 12 ? ['Administrasi Negara', 'Ilmu Pemerintahan', 'Manajemen', 'Hukum', 'Ekonomi Pembangunan'] : [];
  return {
    key: `lead_${index}`,
    title: spec.title,
    kind: 'struktural',
    cls: [spec.cls, spec.cls],
    edu: spec.edu,
    majors,
    comps: spec.cls >= 12 ? ['kepemimpinan', 'manajemen-strategis'] : ['kepemimpinan', 'manajemen-operasional'],
    family: 'lead',
    weight: 0,
    pppk: 0,
    tasks: LEAD_TASKS,
  };
}

/** majors for people in positions that accept any major (SMA-level posts) */
export const SMA_MAJORS = ['IPA', 'IPS', 'SMK Administrasi Perkantoran', 'SMK Akuntansi', 'SMK Teknik Komputer dan Jaringan', 'SMK Teknik Kendaraan Ringan'];
/** majors of people holding a higher degree than a post requires, by level */
export const GENERIC_MAJORS: Record<string, string[]> = {
  D3: ['Administrasi Perkantoran', 'Akuntansi', 'Manajemen Informatika', 'Kearsipan'],
  D4: ['Administrasi Bisnis', 'Akuntansi Sektor Publik', 'Manajemen Informatika'],
  S1: ['Administrasi Negara', 'Manajemen', 'Hukum', 'Ekonomi Pembangunan', 'Akuntansi', 'Ilmu Pemerintahan', 'Sistem Informasi'],
  S2: ['Administrasi Publik', 'Manajemen', 'Ilmu Hukum', 'Kebijakan Publik', 'Perencanaan Pembangunan'],
  S3: ['Ilmu Administrasi', 'Ilmu Pemerintahan'],
};

/** competency tags people carry beyond their post's */
export const EXTRA_COMPETENCIES = [
  'pelayanan-publik', 'administrasi-perkantoran', 'teknologi-informasi', 'pengolahan-data', 'kearsipan', 'komunikasi-publik',
  'pengelolaan-keuangan', 'pengadaan-barang-jasa', 'analisis-kebijakan', 'manajemen-proyek', 'bahasa-inggris',
];
