/**
 * Plain-language summaries built from the numbers (Bahasa Indonesia first, English second): what the effect
 * estimates say and do not say (Dampak mutasi), the ramp-up after a move, and why one transfer was made (the
 * justification card of Audit mutasi). Pure functions of the rows the pages already have.
 */
import type { Formats } from './i18n';
import type { Lang } from './params';
import type { Band, AuditTransferRow, AuditTransferRuleRow, EffectsInfoRow } from './types';
import type { EffectDatum } from './charts/effectTypes';
import { EFFECT_DIGITS } from './charts/effectTypes';
import type { RampupDatum } from './charts/rampup';
import { BAND_LABELS } from '#domain/metrics.ts';

const excludesZero = (r: { ci_low: number | null; ci_high: number | null }) =>
  r.ci_low != null && r.ci_high != null && (r.ci_low > 0 || r.ci_high < 0);

function list(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'en' ? 'and' : 'dan';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

// ------------------------------------------------------------------ Dampak mutasi

export interface EffectSummary {
  says: string[];
  notSay: string[];
  /** how the estimate compares with another estimator: for the method section only */
  method: string[];
}

const OUTCOME_WORDS: Record<string, { id: { name: string; unit: string }; en: { name: string; unit: string } }> = {
  mean_score: { id: { name: 'rata-rata nilai SKP', unit: 'poin' }, en: { name: 'mean SKP score', unit: 'points' } },
  ej: { id: { name: 'EJ', unit: '' }, en: { name: 'EJ', unit: '' } },
  staffing_gap: { id: { name: 'selisih kebutuhan pegawai', unit: 'orang' }, en: { name: 'staffing gap', unit: 'people' } },
  mean_rating_rank: { id: { name: 'rata-rata peringkat predikat', unit: 'peringkat' }, en: { name: 'mean rating rank', unit: 'ranks' } },
};

/** what a significant change of the outcome means for staffing, in words */
function meaning(outcome: string, up: boolean, lang: Lang): string {
  const id: Record<string, [string, string]> = {
    mean_score: ['Kinerja rata-rata unit penerima membaik.', 'Kinerja rata-rata unit penerima menurun.'],
    mean_rating_rank: ['Predikat kinerja rata-rata unit penerima membaik.', 'Predikat kinerja rata-rata unit penerima menurun.'],
    ej: ['Beban per pegawai di unit penerima bertambah.', 'Beban per pegawai di unit penerima berkurang: unit yang kekurangan pegawai menjadi lebih seimbang.'],
    staffing_gap: ['Jarak antara kebutuhan dan jumlah pegawai di unit penerima melebar.', 'Jarak antara kebutuhan dan jumlah pegawai di unit penerima menyempit.'],
  };
  const en: Record<string, [string, string]> = {
    mean_score: ['The receiving units’ average performance improved.', 'The receiving units’ average performance declined.'],
    mean_rating_rank: ['The receiving units’ average rating improved.', 'The receiving units’ average rating declined.'],
    ej: ['The workload per person in the receiving units grew.', 'The workload per person in the receiving units fell: understaffed units became more balanced.'],
    staffing_gap: ['The gap between required and actual staff in the receiving units widened.', 'The gap between required and actual staff in the receiving units narrowed.'],
  };
  const pair = (lang === 'en' ? en : id)[outcome];
  return pair ? pair[up ? 0 : 1] : '';
}

export function effectSummary(
  lang: Lang,
  f: Formats,
  outcome: string,
  info: EffectsInfoRow | null,
  rows: EffectDatum[],
): EffectSummary {
  const en = lang === 'en';
  const words = OUTCOME_WORDS[outcome]?.[lang] ?? { name: outcome, unit: '' };
  const digits = EFFECT_DIGITS[outcome] ?? 2;
  const num = (v: number | null) => `${f.signed(v, digits)}${words.unit ? ` ${words.unit}` : ''}`;
  const abs = (v: number) => `${(digits === 1 ? f.num1 : digits === 0 ? f.int : f.num2)(Math.abs(v))}${words.unit ? ` ${words.unit}` : ''}`;
  const says: string[] = [];
  const notSay: string[] = [];
  const simple = rows.find((r) => r.aggregation === 'simple');
  const twfe = rows.find((r) => r.aggregation === 'twfe');
  const pre = rows.filter((r) => r.aggregation === 'dynamic' && r.event_time != null && r.event_time < 0 && r.ci_low != null);
  const groups = rows.filter((r) => r.aggregation === 'group' && r.group != null);
  const waves = (info?.cohort_months ?? []).map((m) => f.month(new Date(`${m}-01T00:00:00Z`)));

  if (info && info.n_units != null) {
    says.push(
      en
        ? `${f.int(info.n_units)} units were compared; ${f.int(info.n_treated)} of them gained staff in ${f.int(waves.length)} rotation wave${waves.length === 1 ? '' : 's'} (${list(waves, lang)}).`
        : `${f.int(info.n_units)} unit dibandingkan; ${f.int(info.n_treated)} di antaranya menerima pegawai dalam ${f.int(waves.length)} gelombang rotasi (${list(waves, lang)}).`,
    );
  }
  if (simple && simple.att != null) {
    const ci = en
      ? `95% confidence interval ${num(simple.ci_low)} to ${num(simple.ci_high)}`
      : `selang kepercayaan 95 % ${num(simple.ci_low)} sampai ${num(simple.ci_high)}`;
    if (excludesZero(simple)) {
      const up = simple.att > 0;
      says.push(
        en
          ? `After gaining staff, the ${words.name} of the receiving units went ${up ? 'up' : 'down'} by ${abs(simple.att)} on average, compared with units that had not (yet) gained staff (${ci}). ${meaning(outcome, up, lang)}`
          : `Sesudah menerima pegawai, ${words.name} unit penerima rata-rata ${up ? 'naik' : 'turun'} ${abs(simple.att)} dibanding unit yang (belum) menerima (${ci}). ${meaning(outcome, up, lang)}`,
      );
    } else {
      says.push(
        en
          ? `After gaining staff, the change in the ${words.name} of the receiving units (${num(simple.att)}) cannot be told apart from zero (${ci}).`
          : `Sesudah menerima pegawai, perubahan ${words.name} unit penerima (${num(simple.att)}) tidak dapat dibedakan dari nol (${ci}).`,
      );
    }
  }
  if (pre.length > 0) {
    const off = pre.filter(excludesZero).length;
    says.push(
      off === 0
        ? en
          ? `Before the waves, the two groups moved alike: the difference is near zero in all ${f.int(pre.length)} months observed, which supports the assumption that without the rotation they would have kept moving in parallel.`
          : `Sebelum gelombang, kedua kelompok bergerak serupa: selisihnya dekat nol di semua ${f.int(pre.length)} bulan yang diamati. Ini mendukung asumsi bahwa tanpa rotasi keduanya akan tetap bergerak sejajar.`
        : en
          ? `Before the waves the difference was already away from zero in ${f.int(off)} of ${f.int(pre.length)} months: the parallel-trends assumption is in doubt, so read the effect with care.`
          : `Sebelum gelombang, selisihnya sudah tidak nol di ${f.int(off)} dari ${f.int(pre.length)} bulan: asumsi tren sejajar diragukan, jadi baca angka efek dengan hati-hati.`,
    );
  }
  // the estimator comparison is method, not finding: it goes with "Cara menghitung", not into the summary
  const method: string[] = [];
  if (twfe && twfe.att != null && simple && simple.att != null) {
    const close = simple.ci_low != null && simple.ci_high != null && twfe.att >= simple.ci_low && twfe.att <= simple.ci_high;
    method.push(
      en
        ? `The naive TWFE regression gives ${num(twfe.att)}, ${close ? 'within the interval of the Callaway & Sant’Anna estimate here' : 'outside the interval of the Callaway & Sant’Anna estimate: the difference is the bias of comparing with already-treated units'}.`
        : `Regresi TWFE biasa memberi ${num(twfe.att)}, ${close ? 'di sini masih di dalam selang perkiraan Callaway & Sant’Anna' : 'di luar selang perkiraan Callaway & Sant’Anna: selisihnya adalah bias karena membandingkan dengan unit yang sudah dirotasi'}.`,
    );
  }

  notSay.push(
    en
      ? 'It is an average over the receiving units of the waves in the data, not a forecast for one unit or for the next rotation.'
      : 'Ini rata-rata atas unit penerima dalam gelombang yang ada di data, bukan ramalan untuk satu unit atau untuk rotasi berikutnya.',
    en
      ? 'Rotations are not drawn by lot: units short of staff are chosen. The method removes fixed differences between units, but anything else that changed in the receiving units at the same time (a new programme, a new head) is counted as part of the effect.'
      : 'Rotasi tidak diundi: unit yang kekurangan pegawai yang dipilih. Metode ini menghapus perbedaan tetap antarunit, tetapi perubahan lain yang terjadi bersamaan di unit penerima (program baru, kepala unit baru) ikut terhitung sebagai efek.',
  );
  const small = groups.filter((g) => g.n_treated != null && g.n_treated < 5).map((g) => (g.group_month ? f.month(g.group_month) : String(g.group)));
  if (small.length > 0) {
    notSay.push(
      en
        ? `Waves with fewer than 5 receiving units (${list(small, lang)}) give less stable estimates; their intervals are wide for that reason.`
        : `Gelombang dengan kurang dari 5 unit penerima (${list(small, lang)}) memberi perkiraan yang kurang stabil; karena itu selangnya lebar.`,
    );
  }
  notSay.push(
    en
      ? 'It does not measure service quality, staff satisfaction or the cost of moving, and it judges no individual employee.'
      : 'Angka ini tidak mengukur mutu layanan, kepuasan pegawai, atau biaya pindah, dan tidak menilai pegawai perorangan.',
  );
  return { says, notSay, method };
}

/** The ramp-up in one or two sentences: the initial dip and the month from which it is no longer distinguishable from 0. */
export function rampupSummary(lang: Lang, f: Formats, rows: RampupDatum[]): string {
  const en = lang === 'en';
  const data = rows.filter((r) => r.effect != null).sort((a, b) => a.months_since_transfer - b.months_since_transfer);
  const first = data[0];
  if (!first) return '';
  const within = (r: RampupDatum) => !excludesZero({ ci_low: r.ci_low, ci_high: r.ci_high });
  let settled: number | null = null;
  for (let i = data.length - 1; i >= 0; i--) {
    if (within(data[i]!)) settled = data[i]!.months_since_transfer;
    else break;
  }
  const dip =
    first.effect! < 0 && !within(first)
      ? en
        ? `In the month of the transfer, people who moved scored ${f.num1(-first.effect!)} points below their settled colleagues, about ${f.pct(first.share_of_full_productivity)} of full performance.`
        : `Pada bulan mutasi, pegawai yang pindah mendapat nilai ${f.num1(-first.effect!)} poin di bawah rekan yang sudah menetap, sekitar ${f.pct(first.share_of_full_productivity)} dari kinerja penuh.`
      : en
        ? 'In the month of the transfer, people who moved scored about the same as their settled colleagues.'
        : 'Pada bulan mutasi, nilai pegawai yang pindah kurang lebih sama dengan rekan yang sudah menetap.';
  const last = data[data.length - 1]!.months_since_transfer;
  const back =
    settled === null
      ? en
        ? ` The gap had not closed by month ${f.int(last)}.`
        : ` Sampai bulan ke-${f.int(last)} selisihnya belum hilang.`
      : settled === 0
        ? ''
        : en
          ? ` From month ${f.int(settled)} after the move the difference can no longer be told apart from zero: that is the ramp-up the what-if simulator assumes.`
          : ` Mulai bulan ke-${f.int(settled)} sesudah mutasi selisihnya tidak lagi dapat dibedakan dari nol: itulah masa adaptasi yang dipakai simulasi.`;
  return dip + back;
}

// ------------------------------------------------------------------ Audit mutasi: one transfer

const RULE_NAMES: Record<string, { id: string; en: string }> = {
  min_tenure: { id: 'masa jabatan minimal', en: 'minimum time in post' },
  election_ban: { id: 'larangan menjelang pilkada', en: 'pre-election ban' },
  competency: { id: 'kesesuaian pendidikan', en: 'education requirement' },
  documentation: { id: 'kelengkapan SK', en: 'complete decree' },
};

const band = (b: Band | null, lang: Lang) => (b ? BAND_LABELS[b][lang].toLowerCase() : null);

function sideSentence(
  lang: Lang,
  f: Formats,
  side: 'from' | 'to',
  name: string | null,
  before: { ej: number | null; band: Band | null },
  after: { ej: number | null },
): string | null {
  if (!name) return null;
  const en = lang === 'en';
  const who = en ? (side === 'to' ? 'Receiving unit' : 'Releasing unit') : side === 'to' ? 'Unit penerima' : 'Unit asal';
  if (before.band == null) {
    return en ? `${who} ${name}: no workload data for the month before the transfer.` : `${who} ${name}: tidak ada data beban kerja untuk bulan sebelum mutasi.`;
  }
  const afterText = after.ej != null ? (en ? `, EJ ${f.num2(after.ej)} after it` : `, sesudahnya EJ ${f.num2(after.ej)}`) : '';
  return en
    ? `${who} ${name}: ${band(before.band, lang)} before the transfer (EJ ${f.num2(before.ej)})${afterText}.`
    : `${who} ${name}: ${band(before.band, lang)} sebelum mutasi (EJ ${f.num2(before.ej)})${afterText}.`;
}

/** Why this move, in words leadership can use: the legal rules, then the workload of both units. */
export function transferSummary(lang: Lang, f: Formats, tr: AuditTransferRow, rules: AuditTransferRuleRow[], reasonText: string | null): string[] {
  const en = lang === 'en';
  const out: string[] = [];
  const legal = rules.filter((r) => r.severity === 'rule');
  const failed = legal.filter((r) => r.status === 'failed').map((r) => RULE_NAMES[r.rule]?.[lang] ?? r.rule);
  const unknown = legal.filter((r) => r.status === 'unknown').map((r) => RULE_NAMES[r.rule]?.[lang] ?? r.rule);
  if (failed.length > 0) {
    out.push(
      en
        ? `This transfer breaks ${failed.length === 1 ? 'one legal rule' : `${f.int(failed.length)} legal rules`}: ${list(failed, lang)}.`
        : `Mutasi ini melanggar ${f.int(failed.length)} aturan wajib: ${list(failed, lang)}.`,
    );
  } else if (legal.length > 0) {
    out.push(en ? 'This transfer meets every legal rule that could be checked.' : 'Mutasi ini memenuhi semua aturan wajib yang dapat diperiksa.');
  }
  if (unknown.length > 0) {
    out.push(en ? `Not checkable for lack of data: ${list(unknown, lang)}.` : `Tidak dapat diperiksa karena datanya kurang: ${list(unknown, lang)}.`);
  }
  if (reasonText) out.push(en ? `Recorded reason: ${reasonText}.` : `Alasan yang tercatat: ${reasonText}.`);

  const sameUnit = tr.from_unit_id != null && tr.from_unit_id === tr.to_unit_id;
  if (sameUnit) {
    out.push(en ? 'A move within one unit: its workload balance does not change.' : 'Perpindahan di dalam satu unit: keseimbangan beban unit itu tidak berubah.');
    return out;
  }
  const to = sideSentence(lang, f, 'to', tr.to_unit_name ?? tr.to_unit_id, { ej: tr.to_ej_before, band: tr.to_band_before }, { ej: tr.to_ej_after });
  const from = sideSentence(lang, f, 'from', tr.from_unit_name ?? tr.from_unit_id, { ej: tr.from_ej_before, band: tr.from_band_before }, { ej: tr.from_ej_after });
  if (to) out.push(to);
  if (from) out.push(from);
  const need = tr.to_band_before === 'overloaded' || tr.to_band_before === 'unstaffed';
  const spare = tr.from_band_before === 'slack' || tr.from_band_before === 'idle';
  if (tr.to_band_before != null && (tr.from_band_before != null || tr.from_unit_id == null)) {
    out.push(
      need && spare
        ? en
          ? 'On workload, the move makes sense: a person went from a unit with staff to spare to one that was short.'
          : 'Dari sisi beban kerja, mutasi ini masuk akal: pegawai pindah dari unit yang kelebihan ke unit yang kekurangan.'
        : need
          ? en
            ? 'On workload, the move helps the receiving unit, which was short of staff; the releasing unit had none to spare.'
            : 'Dari sisi beban kerja, mutasi ini membantu unit penerima yang kekurangan pegawai; unit asal sebenarnya tidak kelebihan.'
          : spare
            ? en
              ? 'On workload, the releasing unit had staff to spare, but the receiving unit was not short: the move does not even out the load.'
              : 'Dari sisi beban kerja, unit asal memang kelebihan pegawai, tetapi unit penerima tidak kekurangan: mutasi ini tidak meratakan beban.'
            : en
              ? 'On workload, the move does not even out the load: the receiving unit was not short and the releasing unit had none to spare. Its justification must come from elsewhere (career, competence, the person’s request) and should be on record.'
              : 'Dari sisi beban kerja, mutasi ini tidak meratakan beban: unit penerima tidak kekurangan dan unit asal tidak kelebihan pegawai. Alasannya harus datang dari hal lain (karier, kompetensi, permintaan sendiri) dan sebaiknya tercatat.',
    );
    if (tr.from_band_before === 'overloaded' || tr.from_band_before === 'unstaffed') {
      out.push(
        en
          ? 'Note that the releasing unit was itself short of staff: the move adds to its load.'
          : 'Perlu dicatat, unit asal sendiri kekurangan pegawai: kepindahan ini menambah bebannya.',
      );
    }
  }
  return out;
}
