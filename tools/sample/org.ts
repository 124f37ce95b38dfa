/**
 * The organisation of one regional government: units (OPD and sub-units), positions and the ABK tasks of each
 * position. Units get a planted **design load** (EJ at the start of the window): a few structurally overloaded
 * (EJ 1.25–1.5), a few slack (0.5–0.68), most balanced (0.8–1.05). The ABK workload of a position is
 * (staff at the start, or ~1 for a vacancy) × WKE × the unit's design EJ × a ±15 % jitter, split over 3–8
 * tasks, so "annual workload / 75,000" gives a required staff close to the actual staff times that EJ.
 */
import { archetype, GENERAL_FUNGSIONAL, GENERAL_PELAKSANA, leadArchetype } from './catalog.ts';
import type { Archetype, Edu, LeadSpec, TaskTag } from './catalog.ts';
import { placeName } from './names.ts';
import type { RegionSpec } from './regions.ts';
import { Rng } from './rng.ts';

export type UnitKind =
  | 'sekretariat' | 'bagian' | 'dinas' | 'badan' | 'kecamatan' | 'kelurahan' | 'upt' | 'inspektorat' | 'rsud' | 'satpol_pp' | 'lainnya';

export type LoadClass = 'over' | 'slack' | 'normal';

export interface Unit {
  idx: number;
  id: string;
  /** the code without the region prefix (DISDIK, KEC01.KEL02 …) */
  code: string;
  name: string;
  parent: number; // -1 = top
  kind: UnitKind;
  regionCode: string;
  size: number;
  /** education units (Disdik and its branches) carry the June–July PPDB surge */
  education: boolean;
  load: LoadClass;
  /** design EJ at the start of the window */
  ej: number;
  /** planted unit effect on scores (part of the noise) */
  gamma: number;
  /** index of the rotation wave in which this unit receives staff, -1 none */
  receiverWave: number;
  sender: boolean;
  hasChildren: boolean;
}

export interface Task {
  id: string;
  name: string;
  annualVolume: number;
  norm: number;
  outputUnit: string;
  tag: TaskTag;
}

export interface Position {
  idx: number;
  id: string;
  unit: number;
  arch: Archetype;
  title: string;
  cls: number;
  reqEdu: Edu;
  /** staff at the start of the window (the design head-count) */
  nStart: number;
  tasks: Task[];
  annualMinutes: number;
}

export interface Org {
  region: RegionSpec;
  units: Unit[];
  positions: Position[];
}

interface UnitPlan {
  code: string;
  name: string;
  kind: UnitKind;
  size: number;
  specific: string[];
  bidang?: string[];
  lead?: LeadSpec[];
  parent?: string;
  education?: boolean;
}

const D = (code: string, name: string, size: number, specific: string[], bidang: string[], kind: UnitKind = 'dinas'): UnitPlan => ({
  code, name, kind, size, specific, bidang,
});

/** optional dinas of a regency/city (the core ones are always present) */
const OPTIONAL_DINAS: UnitPlan[] = [
  D('DISPERKIM', 'Dinas Perumahan dan Kawasan Permukiman', 50, ['teknik_bangunan'], ['Perumahan', 'Kawasan Permukiman']),
  D('DLH', 'Dinas Lingkungan Hidup', 85, ['pengendali_dampak', 'pengawas_kebersihan'], ['Tata Lingkungan', 'Pengelolaan Sampah', 'Pengendalian Pencemaran']),
  D('DISKOMINFO', 'Dinas Komunikasi dan Informatika', 50, ['pranata_komputer', 'pranata_humas', 'statistisi', 'sandiman'], ['Aplikasi Informatika', 'Informasi dan Komunikasi Publik', 'Statistik dan Persandian']),
  D('DISKOPUKM', 'Dinas Koperasi, Usaha Kecil dan Menengah', 40, ['analis_kebijakan'], ['Koperasi', 'Usaha Mikro']),
  D('DISNAKER', 'Dinas Tenaga Kerja', 40, ['mediator', 'pengantar_kerja'], ['Hubungan Industrial', 'Penempatan Tenaga Kerja']),
  D('DISPAR', 'Dinas Pariwisata dan Kebudayaan', 45, ['pamong_budaya'], ['Pariwisata', 'Kebudayaan']),
  D('DISPORA', 'Dinas Pemuda dan Olahraga', 35, [], ['Kepemudaan', 'Keolahragaan']),
  D('DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 45, ['petugas_perizinan', 'analis_perizinan'], ['Pelayanan Perizinan', 'Penanaman Modal']),
  D('DP3A', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 45, ['penyuluh_kb', 'peksos'], ['Perlindungan Perempuan dan Anak', 'Pengendalian Penduduk dan Keluarga Berencana']),
  D('DISPUSIP', 'Dinas Perpustakaan dan Kearsipan', 40, ['pustakawan', 'arsiparis'], ['Perpustakaan', 'Kearsipan']),
  D('DISPERINDAG', 'Dinas Perdagangan dan Perindustrian', 50, ['pengawas_perdagangan', 'penera'], ['Perdagangan', 'Perindustrian', 'Metrologi Legal']),
  D('DKP', 'Dinas Ketahanan Pangan dan Pertanian', 60, ['penyuluh_pertanian', 'analis_pangan', 'medik_veteriner'], ['Ketahanan Pangan', 'Pertanian', 'Peternakan']),
  D('DAMKAR', 'Dinas Pemadam Kebakaran dan Penyelamatan', 80, ['pemadam'], ['Pemadaman dan Penyelamatan', 'Pencegahan Kebakaran']),
];
const KAB_EXTRA_DINAS: UnitPlan[] = [
  D('DISTAN', 'Dinas Pertanian', 90, ['penyuluh_pertanian', 'medik_veteriner'], ['Tanaman Pangan', 'Hortikultura', 'Peternakan']),
  D('DISKAN', 'Dinas Perikanan', 45, ['analis_pangan'], ['Perikanan Tangkap', 'Perikanan Budidaya']),
  D('DPMD', 'Dinas Pemberdayaan Masyarakat dan Desa', 45, ['analis_kebijakan', 'penata_layanan'], ['Pemerintahan Desa', 'Pemberdayaan Masyarakat']),
];

const BADAN_KABKOTA: UnitPlan[] = [
  D('BKPSDM', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 60, ['analis_sdm', 'pengadm_kepeg'], ['Pengadaan dan Informasi', 'Mutasi dan Promosi', 'Pengembangan Kompetensi'], 'badan'),
  D('BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', 50, ['perencana', 'statistisi'], ['Perencanaan Ekonomi', 'Perencanaan Sosial Budaya', 'Infrastruktur dan Kewilayahan'], 'badan'),
  D('BPKAD', 'Badan Pengelolaan Keuangan dan Aset Daerah', 80, ['analis_keuangan', 'pengelola_keuangan', 'verifikator_keuangan', 'pengelola_bmd'], ['Anggaran', 'Perbendaharaan', 'Akuntansi', 'Aset'], 'badan'),
  D('BAPENDA', 'Badan Pendapatan Daerah', 70, ['petugas_pajak', 'penilai_pbb'], ['Pendataan dan Penetapan', 'Penagihan'], 'badan'),
  D('BPBD', 'Badan Penanggulangan Bencana Daerah', 45, ['analis_bencana'], ['Pencegahan dan Kesiapsiagaan', 'Kedaruratan dan Logistik', 'Rehabilitasi dan Rekonstruksi'], 'badan'),
  D('KESBANGPOL', 'Badan Kesatuan Bangsa dan Politik', 30, ['analis_kebijakan'], ['Ideologi dan Wawasan Kebangsaan', 'Politik Dalam Negeri'], 'badan'),
];

const BAGIAN: [string, string, string[]][] = [
  ['PEM', 'Bagian Tata Pemerintahan', ['analis_kebijakan']],
  ['HKM', 'Bagian Hukum', ['perancang_uu']],
  ['ORG', 'Bagian Organisasi', ['analis_kebijakan', 'analis_sdm']],
  ['UMUM', 'Bagian Umum', ['pengemudi', 'pengelola_sarpras']],
  ['EKON', 'Bagian Perekonomian dan Sumber Daya Alam', ['analis_kebijakan']],
  ['PBJ', 'Bagian Pengadaan Barang dan Jasa', ['pengelola_pbj']],
  ['KESRA', 'Bagian Kesejahteraan Rakyat', ['analis_kebijakan']],
  ['PROKOPIM', 'Bagian Protokol dan Komunikasi Pimpinan', ['pranata_humas']],
];

const GURU_KABKOTA = ['guru_kelas', 'guru_tk', 'guru_mtk', 'guru_bind', 'guru_bing', 'guru_ipa', 'guru_ips', 'guru_pjok', 'guru_pai', 'guru_bk'];
const GURU_PROV = ['guru_mtk', 'guru_bind', 'guru_bing', 'guru_ipa', 'guru_ips', 'guru_pjok', 'guru_pai', 'guru_bk', 'guru_smk'];
const PUSKESMAS = ['dokter', 'dokter_gigi', 'perawat', 'bidan', 'ttk', 'pranata_lab', 'nutrisionis', 'sanitarian', 'perekam_medis', 'petugas_pendaftaran'];
const RSUD = ['dokter', 'dokter_sp', 'perawat', 'perawat_ahli', 'bidan', 'apoteker', 'ttk', 'pranata_lab', 'radiografer', 'fisioterapis', 'nutrisionis', 'perekam_medis', 'petugas_pendaftaran'];

const L = (title: string, cls: number, edu: Edu = cls >= 11 ? 'S1' : 'D3'): LeadSpec => ({ title, cls, edu });

/** the units of one region, before sizes are scaled to its head-count */
function unitPlans(region: RegionSpec, rng: Rng): UnitPlan[] {
  const used = new Set<string>();
  const plans: UnitPlan[] = [];
  const prov = region.kind === 'provinsi';
  const city = region.kind === 'kota';

  // Sekretariat Daerah and its bagian (biro in a province)
  plans.push({
    code: 'SETDA', name: 'Sekretariat Daerah', kind: 'sekretariat', size: 45, specific: ['analis_kebijakan', 'pranata_humas'],
    lead: [L('Sekretaris Daerah', 15, 'S2'), L('Asisten Pemerintahan dan Kesejahteraan Rakyat', 13, 'S1'), L('Asisten Perekonomian dan Pembangunan', 13, 'S1'), L('Asisten Administrasi Umum', 13, 'S1')],
  });
  const nBagian = prov ? 8 : city ? 5 : rng.int(5, 7);
  const bagianKeep = new Set(rng.sample(BAGIAN.map((b) => b[0]), nBagian));
  for (const [code, name, specific] of BAGIAN.filter((b) => bagianKeep.has(b[0]))) {
    const n = prov ? name.replace('Bagian', 'Biro') : name;
    plans.push({
      code: `SETDA.${code}`, name: n, kind: 'bagian', size: code === 'UMUM' ? 35 : 20, specific, parent: 'SETDA',
      lead: [L(`Kepala ${n}`, prov ? 12 : 11), L(prov ? 'Kepala Bagian Tata Usaha' : 'Kepala Subbagian Tata Usaha', 9)],
    });
  }
  plans.push({
    code: 'SETWAN', name: 'Sekretariat DPRD', kind: 'sekretariat', size: 55, specific: ['analis_kebijakan', 'perancang_uu', 'pranata_humas'],
    lead: [L('Sekretaris DPRD', 14), L('Kepala Bagian Umum dan Keuangan', 11), L('Kepala Bagian Persidangan dan Perundang-undangan', 11), L('Kepala Bagian Fasilitasi Penganggaran dan Pengawasan', 11)],
  });
  plans.push({
    code: 'INSP', name: 'Inspektorat', kind: 'inspektorat', size: 50, specific: ['auditor', 'p2upd'],
    lead: [L('Inspektur', 14), L('Sekretaris Inspektorat', 12), L('Inspektur Pembantu Wilayah I', 12), L('Inspektur Pembantu Wilayah II', 12), L('Inspektur Pembantu Wilayah III', 12)],
  });

  // Dinas Pendidikan: teachers. In a province, SMA/SMK teachers sit in the branch offices (Cabang Dinas).
  if (prov) {
    plans.push({ ...D('DISDIK', 'Dinas Pendidikan', 60, ['pengawas_sekolah', 'pengelola_data_pendidikan'], ['Pembinaan SMA', 'Pembinaan SMK', 'Pendidikan Khusus', 'Guru dan Tenaga Kependidikan']), education: true });
    const nCab = rng.int(3, 6);
    const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
    for (let i = 0; i < nCab; i++) {
      plans.push({
        code: `DISDIK.CD${i + 1}`, name: `Cabang Dinas Pendidikan Wilayah ${roman[i]}`, kind: 'upt', size: 900 / nCab * 3, specific: GURU_PROV.concat('pengelola_data_pendidikan'),
        parent: 'DISDIK', education: true, lead: [L(`Kepala Cabang Dinas Pendidikan Wilayah ${roman[i]}`, 12), L('Kepala Subbagian Tata Usaha', 9)],
      });
    }
  } else {
    plans.push({ ...D('DISDIK', 'Dinas Pendidikan', 1250, GURU_KABKOTA.concat('pengawas_sekolah', 'penilik', 'pengelola_data_pendidikan'), ['Pembinaan Sekolah Dasar', 'Pembinaan Sekolah Menengah Pertama', 'Pendidikan Anak Usia Dini dan Nonformal', 'Guru dan Tenaga Kependidikan']), education: true });
  }
  // health
  plans.push(D('DINKES', 'Dinas Kesehatan', prov ? 90 : 110, ['dokter', 'epidemiolog', 'penyuluh_kesmas', 'sanitarian', 'nutrisionis', 'apoteker', 'perawat_ahli'], ['Kesehatan Masyarakat', 'Pencegahan dan Pengendalian Penyakit', 'Pelayanan dan Sumber Daya Kesehatan']));
  if (!prov) {
    const nPkm = city ? (region.staff < 6000 ? 2 : rng.int(3, 5)) : rng.int(4, 8);
    for (let i = 0; i < nPkm; i++) {
      const place = placeName(rng, used);
      plans.push({
        code: `DINKES.PKM${String(i + 1).padStart(2, '0')}`, name: `UPT Puskesmas ${place}`, kind: 'upt', size: 65, specific: PUSKESMAS, parent: 'DINKES',
        lead: [L(`Kepala UPT Puskesmas ${place}`, 9, 'S1'), L('Kepala Subbagian Tata Usaha', 8)],
      });
    }
  }
  plans.push(D('DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', 110, ['teknik_jalan', 'penata_ruang', 'teknik_bangunan'], ['Bina Marga', 'Sumber Daya Air', 'Cipta Karya dan Tata Ruang']));
  if (!prov) plans.push(D('DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 70, ['adm_database_kependudukan', 'pelayan_adminduk'], ['Pelayanan Pendaftaran Penduduk', 'Pelayanan Pencatatan Sipil', 'Pengelolaan Informasi Administrasi Kependudukan']));
  plans.push(D('DINSOS', 'Dinas Sosial', 55, ['peksos', 'penyuluh_sosial'], ['Rehabilitasi Sosial', 'Perlindungan dan Jaminan Sosial', 'Pemberdayaan Sosial']));
  plans.push(D('DISHUB', 'Dinas Perhubungan', 85, ['penguji_kendaraan', 'petugas_lalin'], ['Lalu Lintas', 'Angkutan', 'Prasarana dan Keselamatan']));
  const optional = OPTIONAL_DINAS.concat(city ? [] : KAB_EXTRA_DINAS);
  const nOpt = city ? 9 : prov ? 12 : rng.int(10, 13);
  const chosen = new Set(rng.sample(optional, nOpt).map((p) => p.code));
  for (const p of optional) if (chosen.has(p.code)) plans.push({ ...p }); // catalogue order, not draw order

  for (const b of BADAN_KABKOTA) {
    const p = { ...b };
    if (prov && p.code === 'BKPSDM') {
      p.code = 'BKD';
      p.name = 'Badan Kepegawaian Daerah';
    }
    plans.push(p);
  }
  if (prov) {
    plans.push(D('BPSDM', 'Badan Pengembangan Sumber Daya Manusia', 45, ['analis_sdm', 'analis_kebijakan'], ['Pengembangan Kompetensi Teknis', 'Sertifikasi Kompetensi'], 'badan'));
    const nSamsat = rng.int(3, 5);
    for (let i = 0; i < nSamsat; i++) {
      const place = placeName(rng, used);
      plans.push({
        code: `BAPENDA.SAMSAT${i + 1}`, name: `UPT Samsat ${place}`, kind: 'upt', size: 40, specific: ['petugas_pajak'], parent: 'BAPENDA',
        lead: [L(`Kepala UPT Samsat ${place}`, 10), L('Kepala Subbagian Tata Usaha', 8)],
      });
    }
  }
  const rsudLead = (n: string): LeadSpec[] => [L(`Direktur ${n}`, 14), L('Wakil Direktur Pelayanan', 12), L('Wakil Direktur Umum dan Keuangan', 12), L('Kepala Bidang Keperawatan', 11), L('Kepala Bagian Keuangan', 11)];
  const nRsud = prov ? 2 : 1;
  for (let i = 0; i < nRsud; i++) {
    const name = `RSUD ${placeName(rng, used)}`;
    plans.push({ code: nRsud === 1 ? 'RSUD' : `RSUD${i + 1}`, name, kind: 'rsud', size: prov ? 600 : 480, specific: RSUD, lead: rsudLead(name) });
  }
  plans.push({
    code: 'SATPOLPP', name: 'Satuan Polisi Pamong Praja', kind: 'satpol_pp', size: prov ? 90 : 130, specific: ['polisi_pp'],
    lead: [L('Kepala Satuan Polisi Pamong Praja', 14), L('Sekretaris Satuan Polisi Pamong Praja', 12), L('Kepala Bidang Penegakan Peraturan Daerah', 11), L('Kepala Bidang Ketertiban Umum dan Ketenteraman Masyarakat', 11)],
  });

  if (!prov) {
    const nKec = city ? (region.staff < 6000 ? 6 : rng.int(5, 9)) : rng.int(9, 16);
    const nKel = city ? (region.staff < 6000 ? 8 : rng.int(nKec, nKec * 2)) : rng.int(1, 4);
    const kecNames: string[] = [];
    for (let k = 0; k < nKec; k++) {
      const name = placeName(rng, used);
      kecNames.push(name);
      plans.push({
        code: `KEC${String(k + 1).padStart(2, '0')}`, name: `Kecamatan ${name}`, kind: 'kecamatan', size: 32, specific: ['trantib_kec', 'pengadm_kependudukan_kel', 'penata_layanan'],
        lead: [L('Camat', 12), L('Sekretaris Kecamatan', 11), L('Kepala Seksi Pemerintahan', 9), L('Kepala Seksi Ketenteraman dan Ketertiban Umum', 9), L('Kepala Seksi Kesejahteraan Sosial', 9)],
      });
    }
    for (let j = 0; j < nKel; j++) {
      const k = j % nKec;
      const kec = `KEC${String(k + 1).padStart(2, '0')}`;
      const name = placeName(rng, used);
      plans.push({
        code: `${kec}.KEL${String(Math.floor(j / nKec) + 1).padStart(2, '0')}`, name: `Kelurahan ${name}`, kind: 'kelurahan', size: 14, specific: ['pengadm_kependudukan_kel'],
        parent: kec, lead: [L('Lurah', 9), L('Sekretaris Kelurahan', 8), L('Kepala Seksi Pemerintahan dan Pelayanan Publik', 7), L('Kepala Seksi Pemberdayaan Masyarakat', 7)],
      });
    }
  }
  return plans;
}

/** struktural positions of a unit that has no explicit list */
function defaultLead(plan: UnitPlan, rng: Rng): LeadSpec[] {
  const head = plan.name;
  const out: LeadSpec[] = [L(`Kepala ${head}`, 14), L(`Sekretaris ${head}`, 12)];
  const bidang = plan.bidang ?? [];
  const nb = Math.min(bidang.length, plan.size >= 60 ? 3 : 2);
  for (const b of bidang.slice(0, nb)) out.push(L(`Kepala Bidang ${b}`, 11));
  out.push(L('Kepala Subbagian Umum dan Kepegawaian', 9));
  if (plan.size >= 70 && rng.chance(0.6)) out.push(L('Kepala Subbagian Keuangan', 9));
  return out;
}

/** round a time norm to the nearest half minute (ABK norms like 7,5 minutes) */
function roundNorm(x: number): number {
  return Math.max(0.5, Math.round(x * 2) / 2);
}

const WKE = 75_000;

/** integer allocation of `total` proportional to `weights` (largest remainder, ties by index) */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((v, i) => [v - out[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}

export function buildOrg(region: RegionSpec, seed: number): Org {
  const rng = new Rng(seed, 'org', region.code);
  const plans = unitPlans(region, rng);

  // scale sizes to the region's head-count
  const sizes = allocate(region.staff, plans.map((p) => p.size));
  const units: Unit[] = plans.map((p, idx) => ({
    idx,
    id: `${region.prefix}${p.code}`,
    code: p.code,
    name: p.name,
    parent: -1,
    kind: p.kind,
    regionCode: region.code,
    size: sizes[idx],
    education: p.education === true,
    load: 'normal',
    ej: 1,
    gamma: 0,
    receiverWave: -1,
    sender: false,
    hasChildren: false,
  }));
  const byCode = new Map(units.map((u) => [u.code, u]));
  plans.forEach((p, i) => {
    if (p.parent) {
      const parent = byCode.get(p.parent);
      if (!parent) throw new Error(`unit plan ${p.code}: unknown parent ${p.parent}`);
      units[i].parent = parent.idx;
      parent.hasChildren = true;
    }
  });

  // positions
  const positions: Position[] = [];
  plans.forEach((plan, ui) => {
    const unit = units[ui];
    const lead = (plan.lead ?? defaultLead(plan, rng)).map((s, i) => leadArchetype(s, i));
    const specific = plan.specific.map(archetype);
    const target = Math.max(6, Math.min(20, Math.round(5 + 3 * Math.log2(Math.max(unit.size, 10) / 10))));
    const have = new Set(specific.map((a) => a.key));
    const extras: Archetype[] = [];
    const genF = rng.shuffle(GENERAL_FUNGSIONAL.filter((k) => !have.has(k)).slice());
    const genP = rng.shuffle(GENERAL_PELAKSANA.filter((k) => !have.has(k)).slice());
    // always an office administrator; then general fungsional and pelaksana up to the target count
    if (!have.has('pengadm_umum')) {
      extras.push(archetype('pengadm_umum'));
      genP.splice(genP.indexOf('pengadm_umum'), 1);
    }
    const room = Math.max(0, target - lead.length - specific.length - extras.length);
    const nF = Math.min(genF.length, unit.size >= 40 ? rng.int(1, 2) : rng.int(0, 1), room);
    for (const k of genF.slice(0, nF)) extras.push(archetype(k));
    const nP = Math.min(genP.length, Math.max(unit.size >= 25 ? 2 : 1, room - nF));
    for (const k of genP.slice(0, nP)) extras.push(archetype(k));
    const nonLead = specific.concat(extras);

    // head-count: 1 per struktural post (a few vacant), the rest by weight; ~4 % of other posts vacant
    const leadStaff: number[] = lead.map(() => (rng.chance(0.04) ? 0 : 1));
    const rest = Math.max(0, unit.size - leadStaff.reduce((s, v) => s + v, 0));
    const weights = nonLead.map((a) => (rng.chance(0.04) ? 0 : a.weight * rng.uniform(0.6, 1.4)));
    if (!weights.some((w) => w > 0)) weights[0] = 1;
    const staff = allocate(rest, weights);
    const all: [Archetype, number][] = [...lead.map((a, i): [Archetype, number] => [a, leadStaff[i]]), ...nonLead.map((a, i): [Archetype, number] => [a, staff[i]])];
    all.forEach(([arch, n], k) => {
      positions.push({
        idx: positions.length,
        id: `${unit.id}-${String(k + 1).padStart(2, '0')}`,
        unit: ui,
        arch,
        title: arch.title,
        cls: rng.int(arch.cls[0], arch.cls[1]),
        reqEdu: arch.edu,
        nStart: n,
        tasks: [],
        annualMinutes: 0,
      });
    });
  });
  return { region, units, positions };
}

/**
 * Planted design: load classes and design EJ per unit, the wave receivers and senders, the unit effects.
 * Receivers are leaf units (no sub-units, not Disdik, not a hospital, at most 250 staff) that administrative
 * staff can relieve, so a unit-level and an OPD-level analysis agree on them.
 * Waves: 0 = 2023-07-01 (big), 1 = 2024-02-01, 2 = 2025-07-01 (see transfers.ts).
 */
export function designLoads(org: Org, seed: number): void {
  const rng = new Rng(seed, 'design', org.region.code);
  const units = org.units;
  const n = units.length;
  const eligibleReceiver = units.filter(
    (u) => !u.hasChildren && !u.education && ['dinas', 'badan', 'satpol_pp', 'inspektorat', 'sekretariat'].includes(u.kind) && u.size >= 25 && u.size <= 250,
  );
  const nA = Math.max(2, Math.round(n * 0.105));
  const nB = Math.max(2, Math.round(n * 0.064));
  const nC = nB;
  const nOverOnly = Math.max(1, Math.round(n * 0.04));
  const pool = rng.shuffle(eligibleReceiver.slice());
  const take = (k: number): Unit[] => pool.splice(0, Math.min(k, pool.length));
  take(nA).forEach((u) => (u.receiverWave = 0));
  take(nB).forEach((u) => (u.receiverWave = 1));
  take(nC).forEach((u) => (u.receiverWave = 2));
  for (const u of units) if (u.receiverWave >= 0) u.load = 'over';
  // other structurally overloaded units (never relieved)
  const others = rng.shuffle(units.filter((u) => u.load === 'normal' && !u.education));
  others.slice(0, nOverOnly).forEach((u) => (u.load = 'over'));
  // slack units: the senders (not Disdik, not the Setda itself)
  const nSlack = Math.max(2, Math.round(n * 0.17));
  const slackPool = rng.shuffle(units.filter((u) => u.load === 'normal' && !u.education && u.code !== 'SETDA'));
  slackPool.slice(0, nSlack).forEach((u) => {
    u.load = 'slack';
    u.sender = true;
  });
  for (const u of units) {
    u.ej = u.load === 'over' ? rng.uniform(1.25, 1.5) : u.load === 'slack' ? rng.uniform(0.5, 0.68) : rng.uniform(0.8, 1.05);
    u.gamma = 2.5 * rng.normal();
  }
}

/** ABK tasks of every position, sized so workload / WKE ≈ staff × design EJ (see the file comment) */
export function buildTasks(org: Org, seed: number): void {
  const rng = new Rng(seed, 'tasks', org.region.code);
  for (const p of org.positions) {
    const unit = org.units[p.unit];
    const people = p.nStart > 0 ? p.nStart : rng.uniform(0.6, 1.2);
    const target = people * WKE * unit.ej * rng.uniform(0.85, 1.15);
    const tpl = p.arch.tasks;
    const k = Math.min(tpl.length, rng.int(3, 8));
    const chosen = rng.sample(tpl.map((_, i) => i), k).sort((a, b) => a - b);
    const w = chosen.map(() => rng.uniform(0.5, 1.5));
    const wsum = w.reduce((s, v) => s + v, 0);
    let total = 0;
    p.tasks = chosen.map((ti, j) => {
      const t = tpl[ti];
      const norm = roundNorm(t.norm * rng.pick([0.8, 1, 1, 1.25, 1.5]));
      const volume = Math.max(1, Math.round((target * w[j]) / wsum / norm));
      total += volume * norm;
      return { id: `T${j + 1}`, name: t.name, annualVolume: volume, norm, outputUnit: t.unit, tag: t.tag ?? '' };
    });
    p.annualMinutes = total;
  }
}
