/**
 * The effects estimator's notes in the reader's language. The estimator (pipeline/effects) writes did-compatible
 * English sentences into transfer_effect_info.warnings, naming cohorts and periods by their month index t
 * (1 = first month of the data). Here each known form is rewritten in Bahasa Indonesia or plain English, with
 * month names instead of indices and "unit" or "pegawai" for the estimator's "units". A note of a form not known
 * here is shown as written, marked as English, so nothing the estimator says is hidden.
 * Pure functions (no $lib imports), so the unit tests can run them against the real estimator's output.
 */
import type { Lang } from './params';

export interface EffectNote {
  text: string;
  /** language of `text`: the reader's, or 'en' for a note shown as the estimator wrote it */
  lang: Lang;
}

export interface NoteContext {
  lang: Lang;
  /** unit panel (rotation waves) or employee panel (individual transfers) */
  level: 'unit' | 'employee';
  /** the month of index t (1 = first month of the data), e.g. "Juni 2024"; null when unknown */
  monthOf: (t: number) => string | null;
}

type Render = (m: RegExpMatchArray, c: NoteContext) => string;

const join = (items: string[], lang: Lang) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'dan'} ${items[items.length - 1]}`;

const month = (t: string, c: NoteContext) => c.monthOf(Number(t)) ?? (c.lang === 'en' ? `month ${t}` : `bulan ke-${t}`);

/** band labels of pipeline/effects/index.ts */
const BANDS: Record<string, Record<Lang, string>> = {
  'Event study': { id: 'Efek menurut bulan sejak gelombang', en: 'Effect by months since the wave' },
  'Group effects': { id: 'Efek per gelombang', en: 'Effect by wave' },
  'Calendar effects': { id: 'Efek per bulan kalender', en: 'Effect by calendar month' },
  'ATT(g,t)': { id: 'Efek per gelombang dan bulan', en: 'Effect by wave and month' },
};
const band = (label: string, c: NoteContext) => BANDS[label]?.[c.lang] ?? label;

/** "…very few units (fewer than k)…: 14, 31, 0": a sentence on the small groups by month, one on a small group 0 (never treated) */
function smallGroups(
  byMonth: (months: string, k: string, c: NoteContext) => string,
  never: (k: string, c: NoteContext) => string,
): Render {
  return ([, k, list], c) => {
    const ts = list!.split(', ');
    const months = join(ts.filter((t) => t !== '0').map((t) => month(t, c)), c.lang);
    return [months ? byMonth(months, k!, c) : '', ts.includes('0') ? never(k!, c) : ''].filter(Boolean).join(' ');
  };
}

/** One entry per sentence the estimator writes (pipeline/effects/panel.ts, attgt.ts, index.ts). */
const FORMS: [RegExp, Record<Lang, Render>][] = [
  [
    /^Dropped (\d+) units that were already treated in the first period\.$/,
    {
      id: ([, n], c) => c.level === 'unit'
        ? `${n} unit sudah menerima pegawai dalam gelombang rotasi pada bulan pertama data atau sebelumnya. Tidak ada bulan sebelum gelombang untuk dibandingkan, jadi unit ini tidak ikut dihitung.`
        : `${n} pegawai sudah dimutasi pada bulan pertama data. Tidak ada bulan sebelum mutasi untuk dibandingkan, jadi mereka tidak ikut dihitung.`,
      en: ([, n], c) => c.level === 'unit'
        ? `${n} units had already gained staff in a rotation wave in the first month of the data or before. There is no month before the wave to compare with, so they are left out.`
        : `${n} people had already been transferred in the first month of the data. There is no month before the move to compare with, so they are left out.`,
    },
  ],
  [
    /^Some groups have very few units \(fewer than (\d+)\), which may cause estimation problems: (.+)\.$/,
    {
      id: smallGroups(
        (months, k, c) => c.level === 'unit'
          ? `Gelombang ${months} hanya melibatkan kurang dari ${k} unit penerima, sehingga efek untuk gelombang itu kurang andal.`
          : `Kurang dari ${k} pegawai dimutasi pada ${months}, sehingga efek untuk bulan-bulan itu kurang andal.`,
        (k, c) => c.level === 'unit'
          ? `Kelompok yang tidak pernah menerima pegawai dalam gelombang berisi kurang dari ${k} unit.`
          : `Kelompok yang tidak pernah dimutasi berisi kurang dari ${k} pegawai.`,
      ),
      en: smallGroups(
        (months, k, c) => c.level === 'unit'
          ? `The waves of ${months} involved fewer than ${k} receiving units each, so the effects for those waves are less reliable.`
          : `Fewer than ${k} people were transferred in ${months}, so the effects for those months are less reliable.`,
        (k, c) => c.level === 'unit'
          ? `The group that was never part of a wave has fewer than ${k} units.`
          : `The group that was never transferred has fewer than ${k} people.`,
      ),
    },
  ],
  [
    /^(\d+) units first treated after the last period \((\d+)\) are treated as never treated\.$/,
    {
      id: ([, n], c) => `${n} ${c.level === 'unit' ? 'unit baru menerima pegawai dalam gelombang' : 'pegawai baru dimutasi'} sesudah bulan terakhir data; dalam perhitungan mereka dianggap tidak pernah ${c.level === 'unit' ? 'menerima' : 'dimutasi'}.`,
      en: ([, n], c) => `${n} ${c.level === 'unit' ? 'units first gained staff in a wave' : 'people were first transferred'} after the last month of the data; they count as never ${c.level === 'unit' ? 'treated' : 'transferred'}.`,
    },
  ],
  [
    /^No never-treated group is available\. The last treated cohort \((\d+)\) is used as the never-treated group, and periods from \d+ on are dropped/,
    {
      id: ([, g], c) => `Tidak ada ${c.level === 'unit' ? 'unit' : 'pegawai'} yang tidak pernah ${c.level === 'unit' ? 'menerima pegawai dalam gelombang' : 'dimutasi'}. Kelompok terakhir (${month(g!, c)}) dipakai sebagai pembanding, dan bulan sejak ${month(g!, c)} tidak dihitung.`,
      en: ([, g], c) => `Nobody was never ${c.level === 'unit' ? 'part of a wave' : 'transferred'}. The last group (${month(g!, c)}) serves as the comparison, and the months from ${month(g!, c)} on are left out.`,
    },
  ],
  [
    /^No never-treated group is available\. Periods from (\d+) \(the last cohort\) on are dropped/,
    {
      id: ([, g], c) => `Tidak ada ${c.level === 'unit' ? 'unit' : 'pegawai'} yang tidak pernah ${c.level === 'unit' ? 'menerima pegawai dalam gelombang' : 'dimutasi'}. Bulan sejak ${month(g!, c)} (kelompok terakhir) tidak dihitung; kelompok itu hanya menjadi pembanding selama belum ${c.level === 'unit' ? 'menerima' : 'dimutasi'}.`,
      en: ([, g], c) => `Nobody was never ${c.level === 'unit' ? 'part of a wave' : 'transferred'}. The months from ${month(g!, c)} (the last group) on are left out; that group serves only as a comparison until its own ${c.level === 'unit' ? 'wave' : 'move'}.`,
    },
  ],
  [
    /^ATT\((\d+),(\d+)\) not estimated: no (treated|control) units\.$/,
    {
      id: ([, g, t, who], c) => `Efek kelompok ${month(g!, c)} pada ${month(t!, c)} tidak dihitung: tidak ada ${who === 'treated' ? (c.level === 'unit' ? 'unit penerima' : 'pegawai yang dimutasi') : 'pembanding'}.`,
      en: ([, g, t, who], c) => `The effect for the ${month(g!, c)} group in ${month(t!, c)} is not estimated: there is no ${who === 'treated' ? (c.level === 'unit' ? 'receiving unit' : 'transferred person') : 'comparison'}.`,
    },
  ],
  [
    /^ATT\((\d+),(\d+)\) not estimated: overlap condition violated \(treated share ≥ ([\d.]+)\)\.$/,
    {
      id: ([, g, t], c) => `Efek kelompok ${month(g!, c)} pada ${month(t!, c)} tidak dihitung: hampir semuanya termasuk kelompok itu, sehingga pembandingnya terlalu sedikit.`,
      en: ([, g, t], c) => `The effect for the ${month(g!, c)} group in ${month(t!, c)} is not estimated: nearly everyone is in that group, which leaves too few to compare with.`,
    },
  ],
  [
    /^(.+): simultaneous critical value is not available; using pointwise intervals\.$/,
    {
      id: ([, l], c) => `${band(l!, c)}: pita serentak tidak dapat dihitung; yang ditampilkan selang kepercayaan per titik.`,
      en: ([, l], c) => `${band(l!, c)}: the simultaneous band cannot be computed; pointwise confidence intervals are shown.`,
    },
  ],
  [
    /^(.+): simultaneous band narrower than pointwise; using pointwise intervals\.$/,
    {
      id: ([, l], c) => `${band(l!, c)}: pita serentak ternyata lebih sempit daripada selang per titik, jadi yang ditampilkan selang per titik (yang lebih hati-hati).`,
      en: ([, l], c) => `${band(l!, c)}: the simultaneous band came out narrower than the pointwise intervals, so the (more cautious) pointwise intervals are shown.`,
    },
  ],
  [
    /^(.+): simultaneous critical value ([\d.]+) is very large and may be unreliable\.$/,
    {
      id: ([, l, v], c) => `${band(l!, c)}: nilai kritis pita serentak sangat besar (${v.replace('.', ',')}); pita itu mungkin kurang andal.`,
      en: ([, l, v], c) => `${band(l!, c)}: the critical value of the simultaneous band is very large (${v}); the band may be unreliable.`,
    },
  ],
];

/** The notes of one estimate, in the reader's language where their form is known. */
export function effectNotes(warnings: readonly string[], c: NoteContext): EffectNote[] {
  return warnings.map((w) => {
    for (const [re, render] of FORMS) {
      const m = w.match(re);
      if (m) return { text: render[c.lang](m, c), lang: c.lang };
    }
    return { text: w, lang: 'en' };
  });
}

/**
 * Month index → month, from a row of transfer_effect_info: its cohorts (indices) and cohort_months ('YYYY-MM', in
 * the same order) fix the first month of the data; `label` formats a month (e.g. formats(lang).month).
 */
export function monthIndex(
  cohorts: readonly number[] | null | undefined,
  cohortMonths: readonly string[] | null | undefined,
  label: (d: Date) => string,
): (t: number) => string | null {
  const t0 = cohorts?.[0];
  const m0 = cohortMonths?.[0];
  if (t0 == null || !m0 || !/^\d{4}-\d{2}$/.test(m0)) return () => null;
  const [y, m] = m0.split('-').map(Number) as [number, number];
  return (t: number) => (Number.isInteger(t) && t >= 1 ? label(new Date(Date.UTC(y, m - 1 + (t - t0), 1))) : null);
}
