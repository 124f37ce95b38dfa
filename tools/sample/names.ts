/**
 * Fictional Indonesian person and place names. Any likeness to a real person is chance: names are drawn from
 * common given names and family names, combined at random.
 */
import type { Rng } from './rng.ts';
import type { Edu } from './catalog.ts';
import type { Sex } from './nip.ts';

const MALE = [
  'Agus', 'Ahmad', 'Andi', 'Arif', 'Bambang', 'Bayu', 'Budi', 'Dedi', 'Dimas', 'Dwi', 'Eko', 'Fajar', 'Fauzi', 'Hadi',
  'Hasan', 'Hendra', 'Heru', 'Ilham', 'Imam', 'Irfan', 'Iwan', 'Joko', 'Muhammad', 'Rahmat', 'Ridwan', 'Rizky', 'Rudi',
  'Sigit', 'Slamet', 'Syaiful', 'Taufik', 'Teguh', 'Wahyu', 'Yudi', 'Yusuf', 'Zainal', 'Gede', 'Made', 'Yohanes',
  'Markus', 'Nyoman', 'Ketut', 'Anton', 'Aditya', 'Rian', 'Surya', 'Hendri', 'Doni', 'Ferry', 'Galih', 'Herman',
  'Indra', 'Jefri', 'Kurniadi', 'Lukman', 'Mulyadi', 'Nanang', 'Putu', 'Rudy', 'Samsul', 'Tommy', 'Usman',
];
const FEMALE = [
  'Siti', 'Sri', 'Dewi', 'Ratna', 'Rina', 'Nurul', 'Fitri', 'Indah', 'Lestari', 'Wulan', 'Yuni', 'Ani', 'Dian', 'Eka',
  'Maya', 'Putri', 'Ayu', 'Rahma', 'Anisa', 'Desi', 'Endang', 'Tri', 'Kartini', 'Novi', 'Lina', 'Yanti', 'Sari',
  'Intan', 'Mega', 'Nia', 'Ika', 'Ratih', 'Maria', 'Theresia', 'Ni Luh', 'Kadek', 'Fransiska', 'Agustina', 'Citra',
  'Dina', 'Erna', 'Farida', 'Hana', 'Irma', 'Juliana', 'Kurnia', 'Melati', 'Nining', 'Oktavia', 'Purwati', 'Rosa',
];
const FAMILY = [
  'Santoso', 'Wijaya', 'Hidayat', 'Kurniawan', 'Setiawan', 'Pratama', 'Nugroho', 'Susilo', 'Purnomo', 'Hartono',
  'Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitompul', 'Tambunan', 'Manurung', 'Wibowo', 'Kusuma',
  'Ramadhan', 'Firmansyah', 'Hakim', 'Gunawan', 'Susanto', 'Prasetyo', 'Rahman', 'Daulay', 'Tanjung', 'Sembiring',
  'Ginting', 'Pohan', 'Rangkuti', 'Mahmud', 'Syamsuddin', 'Latif', 'Halim', 'Sinaga', 'Sihombing', 'Pardede',
  'Saragih', 'Tarigan', 'Nainggolan', 'Situmorang', 'Panjaitan', 'Matondang', 'Batubara', 'Hutapea', 'Pangaribuan',
  'Mandagi', 'Rumengan', 'Lumban Gaol', 'Wenas', 'Tumbelaka', 'Pattiasina', 'Latuconsina', 'Rumbiak', 'Wanma',
];
const MALE_SECOND = ['Saputra', 'Syahputra', 'Hermawan', 'Suryadi', 'Haryanto', 'Prabowo', 'Sulistyo', 'Mulyana', 'Permana', 'Wardana'];
const FEMALE_SECOND = [
  'Rahmawati', 'Handayani', 'Lestari', 'Suryani', 'Utami', 'Wulandari', 'Anggraini', 'Purwaningsih', 'Kusumawati',
  'Susanti', 'Maharani', 'Puspitasari', 'Rahayu', 'Safitri', 'Oktaviani', 'Yuliana', 'Permatasari', 'Saputri',
];

/** academic titles by major and level (a common convention, not exhaustive) */
function title(edu: Edu, major: string): { pre: string; post: string } {
  const m = major.toLowerCase();
  if (edu === 'D3') {
    if (m.includes('keperawatan')) return { pre: '', post: 'A.Md.Kep.' };
    if (m.includes('kebidanan')) return { pre: '', post: 'A.Md.Keb.' };
    if (m.includes('farmasi')) return { pre: '', post: 'A.Md.Farm.' };
    if (m.includes('gizi')) return { pre: '', post: 'A.Md.Gz.' };
    if (m.includes('laboratorium')) return { pre: '', post: 'A.Md.AK.' };
    if (m.includes('radiologi')) return { pre: '', post: 'A.Md.Rad.' };
    if (m.includes('akuntansi')) return { pre: '', post: 'A.Md.Ak.' };
    if (m.includes('informatika')) return { pre: '', post: 'A.Md.Kom.' };
    return { pre: '', post: 'A.Md.' };
  }
  if (edu === 'D4') return { pre: '', post: 'S.Tr.' };
  if (edu === 'S1' || edu === 'S2' || edu === 'S3') {
    let pre = '';
    let post: string;
    if (m.includes('dokter gigi')) { pre = 'drg.'; post = ''; }
    else if (m.includes('dokter')) { pre = 'dr.'; post = ''; }
    else if (m.includes('ners')) { pre = 'Ns.'; post = 'S.Kep.'; }
    else if (m.includes('apoteker')) { pre = 'apt.'; post = 'S.Farm.'; }
    else if (m.includes('agama islam')) post = 'S.Pd.I.';
    else if (m.startsWith('pendidikan') || m.includes('konseling') || m.includes('manajemen pendidikan')) post = 'S.Pd.';
    else if (m.includes('akuntansi')) post = 'S.Ak.';
    else if (m.includes('hukum')) post = 'S.H.';
    else if (m.includes('teknik') || m.includes('arsitektur') || m.includes('perencanaan wilayah')) post = 'S.T.';
    else if (m.includes('informatika') || m.includes('sistem informasi') || m.includes('komputer')) post = 'S.Kom.';
    else if (m.includes('kesehatan masyarakat')) post = 'S.KM.';
    else if (m.includes('gizi')) post = 'S.Gz.';
    else if (m.includes('psikologi')) post = 'S.Psi.';
    else if (m.includes('statistika') || m.includes('matematika')) post = 'S.Si.';
    else if (m.includes('kedokteran hewan')) { pre = 'drh.'; post = ''; }
    else if (m.includes('agro') || m.includes('agribisnis') || m.includes('peternakan') || m.includes('pangan')) post = 'S.P.';
    else if (m.includes('komunikasi') || m.includes('jurnalistik')) post = 'S.I.Kom.';
    else if (m.includes('pemerintahan')) post = 'S.IP.';
    else if (m.includes('manajemen') || m.includes('ekonomi')) post = 'S.E.';
    else if (m.includes('sosial') || m.includes('administrasi') || m.includes('antropologi')) post = 'S.Sos.';
    else post = 'S.S.';
    if (edu === 'S1') return { pre, post };
    // S2/S3 keep the first degree and add the higher one
    const spec: Record<string, string> = {
      'ilmu penyakit dalam': 'Sp.PD', 'ilmu kesehatan anak': 'Sp.A', 'obstetri dan ginekologi': 'Sp.OG', 'ilmu bedah': 'Sp.B',
    };
    if (spec[m]) return { pre: 'dr.', post: spec[m] };
    const higher = edu === 'S3' ? 'Dr.' : m.includes('hukum') ? 'M.H.' : m.includes('manajemen') ? 'M.M.' : m.includes('pendidikan') ? 'M.Pd.' : m.includes('teknik') ? 'M.T.' : 'M.Si.';
    if (edu === 'S3') return { pre: 'Dr.', post: post || 'M.Si.' };
    return { pre, post: post ? `${post}, ${higher}` : higher };
  }
  return { pre: '', post: '' };
}

export function personName(rng: Rng, sex: Sex, edu: Edu, major: string): string {
  const first = rng.pick(sex === 1 ? MALE : FEMALE);
  const parts = [first];
  const r = rng.next();
  if (r < 0.55) parts.push(rng.pick(FAMILY));
  else if (r < 0.9) parts.push(rng.pick(sex === 1 ? MALE_SECOND : FEMALE_SECOND));
  else parts.push(rng.pick(sex === 1 ? MALE_SECOND : FEMALE_SECOND), rng.pick(FAMILY));
  const t = title(edu, major);
  let name = parts.join(' ');
  if (t.pre) name = `${t.pre} ${name}`;
  if (t.post) name = `${name}, ${t.post}`;
  return name;
}

const PLACE_A = [
  'Suka', 'Karang', 'Tanjung', 'Sungai', 'Muara', 'Bukit', 'Tanah', 'Pasir', 'Batu', 'Lubuk', 'Rantau', 'Air',
  'Padang', 'Teluk', 'Ujung', 'Pulau', 'Gunung', 'Rawa', 'Sumber', 'Sido', 'Mekar', 'Cipta', 'Bumi', 'Tegal', 'Kali', 'Siring',
];
const PLACE_B = [
  'maju', 'jaya', 'sari', 'makmur', 'indah', 'raya', 'baru', 'mulya', 'harapan', 'asri', 'damai', 'sejahtera', 'rejo',
  'mukti', 'agung', 'permai', 'lestari', 'wangi', 'tengah', 'timur', 'barat', 'utara', 'selatan', 'kencana', 'mas',
];

/** a fictional place name (`Sukamaju`, `Tanjung Harapan`), unique within `used` */
export function placeName(rng: Rng, used: Set<string>): string {
  for (let i = 0; i < 200; i++) {
    const a = rng.pick(PLACE_A);
    const b = rng.pick(PLACE_B);
    const joined = ['Suka', 'Sido', 'Cipta', 'Mekar', 'Karang', 'Sumber', 'Tegal', 'Kali'].includes(a);
    const name = joined ? `${a}${b}` : `${a} ${b[0].toUpperCase()}${b.slice(1)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  // the combinations ran out: number them
  const name = `${rng.pick(PLACE_A)} ${used.size + 1}`;
  used.add(name);
  return name;
}

/** private reasons for not being willing to move (personal data: never public) */
export const UNWILLING_REASONS = [
  'Merawat orang tua yang sakit',
  'Suami/istri bertugas di daerah ini',
  'Anak berkebutuhan khusus bersekolah di sini',
  'Sedang menjalani pengobatan rutin',
  'Sedang menempuh pendidikan lanjutan',
  'Mendekati masa pensiun',
  'Merawat anggota keluarga penyandang disabilitas',
  'Kondisi kesehatan pascaoperasi',
  'Tanggungan keluarga di tempat tinggal sekarang',
];
