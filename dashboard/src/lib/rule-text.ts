/**
 * The words of the merit audit: one sentence per transfer × rule, in Bahasa Indonesia or English, chosen from the
 * rule's result code (pipeline/domain/rules.ts, SQL twin macros/rules.sql) and the numbers behind it. The one place
 * the audit's sentences are written; the warehouse returns codes and values only. Pure: the server, the pages and
 * the tests import it.
 */
import type { Lang } from './params';

type DateLike = Date | string | number;

/** The columns of an audit row the sentences read (transfer_audit with transfer_audit_fact and transfer). */
export interface RuleTextRow {
  rule: string;
  code: string;
  /** the limit from the settings: minimum years (min_tenure), EJ thresholds (receiving_need, releasing_slack) */
  threshold: number | null;
  effective_date: DateLike;
  region_code: string | null;
  // min_tenure
  prev_start: DateLike | null;
  first_recorded: boolean | null;
  tenure_months: number | null;
  // election_ban
  hit_start: DateLike | null;
  hit_end: DateLike | null;
  approval_ref: string | null;
  decree_in_window: boolean | null;
  decree_date: DateLike | null;
  // competency
  education_level: string | null;
  required_education: string | null;
  lacking: readonly string[] | null;
  // documentation
  decree_number: string | null;
  reason_category: string | null;
  // receiving_need, releasing_slack: the units' load the month before
  ref_month: DateLike | null;
  to_ej: number | null;
  to_required: number | null;
  to_staff: number | null;
  from_ej: number | null;
  from_required: number | null;
  from_staff: number | null;
}

/** the reason categories of the data contract, in words (a code is never shown to a reader) */
export const REASON_WORDS: Record<string, { id: string; en: string }> = {
  rotasi_berkala: { id: 'rotasi berkala', en: 'periodic rotation' },
  kebutuhan_organisasi: { id: 'kebutuhan organisasi', en: 'organisational need' },
  permintaan_sendiri: { id: 'permintaan sendiri', en: 'own request' },
  promosi: { id: 'promosi', en: 'promotion' },
  pengembangan_karier: { id: 'pengembangan karier', en: 'career development' },
  lainnya: { id: 'lainnya', en: 'other' },
};
export const reasonWords = (code: string | null, lang: Lang): string =>
  code == null ? (lang === 'id' ? 'tidak tercatat' : 'not recorded') : (REASON_WORDS[code]?.[lang] ?? code.replaceAll('_', ' '));

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function ymd(d: DateLike): { y: number; m: number; d: number } {
  if (typeof d === 'string') {
    const [y, m, day] = d.slice(0, 10).split('-').map(Number);
    return { y: y!, m: m!, d: day! };
  }
  const x = typeof d === 'number' ? new Date(d) : d;
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

/** The number formats of the audit's sentences: fixed decimals, decimal comma in Indonesian, no grouping. */
export function ruleWords(lang: Lang) {
  const dec = (x: number | null, digits: number) => {
    if (x === null) return '';
    const s = x.toFixed(digits);
    return lang === 'id' ? s.replace('.', ',') : s;
  };
  const month = (d: DateLike | null | undefined) => {
    if (d == null) return '';
    const x = ymd(d);
    return `${MONTHS[lang][x.m - 1]} ${x.y}`;
  };
  const date = (d: DateLike | null | undefined) => (d == null ? '' : `${ymd(d).d} ${month(d)}`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  /** whole months as years and months: 16 → '1 tahun 4 bulan' / '1 year 4 months' */
  const duration = (m: number) => {
    const y = Math.floor(m / 12);
    const r = m % 12;
    if (lang === 'id') return m < 12 ? `${m} bulan` : r === 0 ? `${y} tahun` : `${y} tahun ${r} bulan`;
    return m < 12 ? plural(m, 'month') : r === 0 ? plural(y, 'year') : `${plural(y, 'year')} ${plural(r, 'month')}`;
  };
  /** a number of years from the settings: '2 tahun', '2,5 tahun' / '2 years' */
  const years = (y: number) => {
    const n = y === Math.round(y) ? String(y) : dec(y, 1);
    return lang === 'id' ? `${n} tahun` : `${n} ${y === 1 ? 'year' : 'years'}`;
  };
  return { dec, month, date, duration, years };
}

/** The sentence of one audit row: what was tested, the numbers and the regulation. */
export function ruleDetail(r: RuleTextRow, lang: Lang): string {
  const w = ruleWords(lang);
  const id = lang === 'id';
  const lim = r.threshold ?? NaN;
  switch (r.rule) {
    case 'min_tenure': {
      const rule = id ? ' (PP 11/2017 Pasal 190)' : ' (PP 11/2017 Article 190)';
      const min = id ? `; minimal ${w.years(lim)}` : `; minimum ${w.years(lim)}`;
      if (r.code === 'start_unknown')
        return id
          ? `Lama di jabatan sebelumnya tidak diketahui: tidak ada mutasi sebelumnya dan TMT pengangkatan (CPNS/PPPK) kosong${min}${rule}`
          : `Time in the previous position unknown: no earlier transfer and no appointment date${min}${rule}`;
      if (r.code === 'start_after_transfer')
        return id
          ? `Lama di jabatan sebelumnya tidak dapat dihitung: tanggal mulai (${w.date(r.prev_start)}) sesudah TMT mutasi${min}${rule}`
          : `Time in the previous position cannot be computed: its start (${w.date(r.prev_start)}) is after the effective date${min}${rule}`;
      const since = `${w.date(r.prev_start)}${r.first_recorded ? (id ? ', TMT pengangkatan' : ', appointment date') : ''}`;
      return id
        ? `${w.duration(r.tenure_months ?? 0)} di jabatan sebelumnya (sejak ${since})${min}${rule}`
        : `${w.duration(r.tenure_months ?? 0)} in the previous position (since ${since})${min}${rule}`;
    }
    case 'election_ban': {
      const rule = id ? ' (UU 10/2016 Pasal 71 ayat 2)' : ' (UU 10/2016 Article 71(2))';
      const window = `(${w.date(r.hit_start)} – ${w.date(r.hit_end)})`;
      if (r.code === 'inside_without_approval')
        return id
          ? `TMT ${w.date(r.effective_date)} dalam masa larangan penggantian pejabat menjelang pilkada ${window} tanpa persetujuan tertulis Menteri Dalam Negeri${rule}`
          : `Effective ${w.date(r.effective_date)}, inside the pre-election ban on replacing officials ${window} without the written approval of the Minister of Home Affairs${rule}`;
      if (r.code === 'inside_with_approval')
        return id
          ? `TMT ${w.date(r.effective_date)} dalam masa larangan penggantian pejabat menjelang pilkada ${window}, dengan persetujuan tertulis Menteri Dalam Negeri nomor ${r.approval_ref}${rule}`
          : `Effective ${w.date(r.effective_date)}, inside the pre-election ban on replacing officials ${window}, with the written approval of the Minister of Home Affairs no. ${r.approval_ref}${rule}`;
      if (r.code === 'no_dates_for_period')
        return id
          ? `Tidak dapat diperiksa: tanggal pilkada untuk masa TMT ${w.date(r.effective_date)} belum diatur (pengaturan tanggal pilkada: election.windows dan masa yang dicakupnya)`
          : `Cannot be checked: no election dates are set for the period of the effective date ${w.date(r.effective_date)} (settings: election.windows and the period they cover)`;
      if (r.code === 'no_dates')
        return id
          ? `Tanggal pilkada untuk wilayah ${r.region_code} belum diatur (pengaturan election.windows)`
          : `No election dates are set for region ${r.region_code} (setting election.windows)`;
      const note = r.decree_in_window
        ? id ? `; catatan: SK bertanggal ${w.date(r.decree_date)}, di dalam masa larangan` : `; note: the decree is dated ${w.date(r.decree_date)}, inside the ban`
        : '';
      return id
        ? `TMT ${w.date(r.effective_date)} di luar masa larangan penggantian pejabat menjelang pilkada${rule}${note}`
        : `Effective ${w.date(r.effective_date)}, outside the pre-election ban on replacing officials${rule}${note}`;
    }
    case 'competency': {
      const need = r.required_education;
      const have = r.education_level;
      const main = {
        no_requirement: id ? 'Jabatan tujuan tidak mencantumkan syarat pendidikan' : 'The target position states no education requirement',
        education_unknown: id
          ? `Pendidikan pegawai tidak tercatat; syarat minimal jabatan tujuan ${need}`
          : `The employee's education is not on record; the target position requires at least ${need}`,
        meets: id ? `Pendidikan ${have} memenuhi syarat minimal ${need} jabatan tujuan` : `Education ${have} meets the target position's minimum ${need}`,
        below: id ? `Pendidikan ${have} di bawah syarat minimal ${need} jabatan tujuan` : `Education ${have} is below the target position's minimum ${need}`,
      }[r.code as 'meets'];
      const lacking = r.lacking && r.lacking.length > 0
        ? id ? `; kompetensi yang disyaratkan tetapi belum tercatat: ${r.lacking.join(', ')}` : `; required competencies not on record: ${r.lacking.join(', ')}`
        : '';
      return `${main}${id ? ' (PP 11/2017 Pasal 190)' : ' (PP 11/2017 Article 190)'}${lacking}`;
    }
    case 'documentation': {
      const missing = {
        missing_decree_and_reason: id ? 'nomor SK dan alasan mutasi' : 'decree number and reason',
        missing_decree: id ? 'nomor SK' : 'decree number',
        missing_reason: id ? 'alasan mutasi' : 'reason',
      }[r.code as 'missing_decree'];
      const main = missing
        ? `${id ? 'Tidak tercatat: ' : 'Missing: '}${missing}`
        : id ? `SK nomor ${r.decree_number}, alasan ${reasonWords(r.reason_category, 'id')}` : `Decree no. ${r.decree_number}, reason ${reasonWords(r.reason_category, 'en')}`;
      const noDate = r.decree_date === null ? (id ? '; tanggal SK kosong' : '; decree date empty') : '';
      return `${main}${noDate} (Peraturan BKN 5/2019)`;
    }
    case 'receiving_need': {
      const m = w.month(r.ref_month);
      const ej = w.dec(r.to_ej, 2);
      const short = (r.to_required ?? 0) - (r.to_staff ?? 0);
      switch (r.code) {
        case 'same_unit':
          return id ? 'Mutasi di dalam satu unit: beban unit tidak berubah' : "Move within one unit: the unit's load does not change";
        case 'no_data':
          return id ? `Beban kerja unit penerima pada ${m} tidak ada dalam data` : `No workload data for the receiving unit in ${m}`;
        case 'unstaffed':
          return id
            ? `Unit penerima tanpa pegawai pada ${m}, dengan beban ${w.dec(r.to_required, 1)} orang: kekurangan pegawai`
            : `The receiving unit had nobody in post in ${m} and work for ${w.dec(r.to_required, 1)} people: understaffed`;
        case 'overloaded':
          return id
            ? `EJ unit penerima ${ej} pada ${m} (di atas ${w.dec(lim, 2)}): kekurangan pegawai, kurang ${w.dec(short, 1)} orang`
            : `Receiving unit EJ ${ej} in ${m} (above ${w.dec(lim, 2)}): understaffed by ${w.dec(short, 1)} people`;
        case 'idle':
          return id ? `Unit penerima tanpa beban kerja tercatat pada ${m}` : `The receiving unit had no recorded workload in ${m}`;
        default: {
          const extra = r.code === 'slack' ? (id ? `, bahkan kelebihan ${w.dec(-short, 1)} orang` : `, overstaffed by ${w.dec(-short, 1)} people`) : '';
          return id
            ? `EJ unit penerima ${ej} pada ${m} (tidak di atas ${w.dec(lim, 2)}): tidak kekurangan pegawai${extra}`
            : `Receiving unit EJ ${ej} in ${m} (not above ${w.dec(lim, 2)}): not understaffed${extra}`;
        }
      }
    }
    case 'releasing_slack': {
      const m = w.month(r.ref_month);
      const ej = w.dec(r.from_ej, 2);
      const over = (r.from_staff ?? 0) - (r.from_required ?? 0);
      switch (r.code) {
        case 'unknown_unit':
          return id ? 'Unit asal tidak diketahui (jabatan lama kosong)' : 'Releasing unit unknown (no previous position)';
        case 'same_unit':
          return id ? 'Mutasi di dalam satu unit: beban unit tidak berubah' : "Move within one unit: the unit's load does not change";
        case 'no_data':
          return id ? `Beban kerja unit asal pada ${m} tidak ada dalam data` : `No workload data for the releasing unit in ${m}`;
        case 'unstaffed':
          return id ? `Unit asal tanpa pegawai tercatat pada ${m}` : `The releasing unit had nobody in post on record in ${m}`;
        case 'idle':
          return id ? `Unit asal tanpa beban kerja tercatat pada ${m}: kelebihan pegawai` : `The releasing unit had no recorded workload in ${m}: overstaffed`;
        case 'slack':
          return id
            ? `EJ unit asal ${ej} pada ${m} (di bawah ${w.dec(lim, 2)}): kelebihan ${w.dec(over, 1)} orang`
            : `Releasing unit EJ ${ej} in ${m} (below ${w.dec(lim, 2)}): overstaffed by ${w.dec(over, 1)} people`;
        default: {
          const extra = r.code === 'overloaded'
            ? id ? `, bahkan kekurangan ${w.dec(-over, 1)} orang` : `, even understaffed by ${w.dec(-over, 1)} people`
            : '';
          return id
            ? `EJ unit asal ${ej} pada ${m} (tidak di bawah ${w.dec(lim, 2)}): tidak kelebihan pegawai${extra}`
            : `Releasing unit EJ ${ej} in ${m} (not below ${w.dec(lim, 2)}): not overstaffed${extra}`;
        }
      }
    }
    default:
      return r.code;
  }
}
