// Merit audit of transfers (marts/transfer_audit, marts/tenure_overdue):
// 1. on a copy of the tiny fixture with one hand-made transfer per rule break (and per "unknown"), every status,
//    number and sentence checked by hand;
// 2. on the bundled sample: exactly the planted breaks are found, nothing else fails a rule, the approved
//    transfers inside the election ban pass, and tenure_overdue lists exactly the planted long stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, copyFixture, query, removeDir, tempDir } from './helpers.ts';
import { buildSampleWarehouse, type SampleWarehouse } from './sample-warehouse.ts';
import { auditWithWords, expectRulesParity, expectTenureOverdueParity } from './rules-parity.ts';

// ---------------------------------------------------------------------------------------------------------------
// Tiny fixture + hand-made transfers. Calendar = 2024-01 .. 2024-03 (the workload months); monthly WKE = 6,250.
// Election ban (defaults): 2024-03-22 .. 2025-02-20. Minimum tenure 2 years, maximum 5.
//   A  P2→P1 2024-03-01, appointed 2023-06-01 (first recorded transfer): 9 months → min_tenure failed; within U1
//   B  P2→P3 2024-04-01, no approval → election_ban failed
//   C  P4→P1 2024-05-01, approval B-100.2.2.6/1234/OTDA → election_ban passed; ref month 2024-04 outside the calendar
//   D  P2→P1 2024-02-01, education SMA, P1 needs S1 → competency failed (lacks analisis, kebijakan)
//   E  P1→P4 2024-03-01, no decree number/date → documentation failed
//   F  P3→P1 2024-01-15, no reason → documentation failed; ref month 2023-12 outside the calendar
//   G  P3→P2 2024-02-01, no appointment date, no education → min_tenure and competency unknown
// Head-counts on the 1st (spells from the transfers; first spells start at the appointment, NULL = always):
//   Jan: U1 = P1 {Budi, Agus, E} + P2 {Siti, A, B, D} = 7, U2 = P3 {F, G} = 2, U3 = P4 {Dewi, C} = 2
//   Feb: U1 = P1 {Budi, Agus, D, F, E} + P2 {Siti, A, B, G} = 9, U3 = P4 {Dewi, C} = 2
//   Mar: U1 = P1 {Budi, D, F, A} + P2 {Siti, B, G} = 7, U2 = P3 {Agus} = 1, U3 = P4 {Dewi, C, E} = 3
// Monthly workload: U1 = 3,730 + 4,525 = 8,255 every month; U2 = P3 records 12,000 / 15,000 / 18,000; U3 = 6,250.
const EMPLOYEES = [
  '199001012023061001,Andi Baru,PNS,III/a,1990-01-01,L,S1,Administrasi Publik,analisis;kebijakan,P1,2024-03-01,2023-06-01,ya,',
  '198502022009012001,Bunga Pilkada,PNS,II/c,1985-02-02,P,D3,Teknik Informatika,komputer;jaringan,P3,2024-04-01,2009-01-01,ya,',
  '198703032010011002,Candra Izin,PNS,III/b,1987-03-03,L,S1,Administrasi Publik,analisis,P1,2024-05-01,2010-01-01,ya,',
  '199205052015032001,Dina Kurang,PNS,II/a,1992-05-05,P,SMA,,arsip,P1,2024-02-01,2015-03-01,ya,',
  '198111112006041001,Eko Tanpa SK,PNS,III/c,1981-11-11,L,S1,Manajemen,kepemimpinan,P4,2024-03-01,2006-04-01,ya,',
  '198212122007051002,Fajar Tanpa Alasan,PNS,III/c,1982-12-12,L,S1,Administrasi Publik,analisis;kebijakan,P1,2024-01-15,2007-05-01,ya,',
  '198306062008061003,Gilang Tanpa Data,PNS,III/a,1983-06-06,L,,,,P2,2024-02-01,,,',
];
const TRANSFERS = [
  '199001012023061001,2024-03-01,P2,P1,821.2/010/BKPSDM/2024,2024-02-20,kebutuhan_organisasi,',
  '198502022009012001,2024-04-01,P2,P3,821.2/020/BKPSDM/2024,2024-03-25,kebutuhan_organisasi,',
  '198703032010011002,2024-05-01,P4,P1,821.2/030/BKPSDM/2024,2024-04-25,kebutuhan_organisasi,B-100.2.2.6/1234/OTDA',
  '199205052015032001,2024-02-01,P2,P1,821.2/005/BKPSDM/2024,2024-01-25,kebutuhan_organisasi,',
  '198111112006041001,2024-03-01,P1,P4,,,pengembangan_karier,',
  '198212122007051002,2024-01-15,P3,P1,821.2/002/BKPSDM/2024,2024-01-10,,',
  '198306062008061003,2024-02-01,P3,P2,821.2/004/BKPSDM/2024,2024-01-25,permintaan_sendiri,',
];
const NIP = {
  agus: '199003032015031003', A: '199001012023061001', B: '198502022009012001', C: '198703032010011002', D: '199205052015032001',
  E: '198111112006041001', F: '198212122007051002', G: '198306062008061003',
} as const;

describe('transfer audit on hand-made transfers (tiny fixture)', () => {
  let input: string;
  let out: string;
  let db: string;
  type Row = { rule: string; status: string; severity: string; detail_id: string; detail_en: string; value: number | null; threshold: number | null };
  const audit = new Map<string, Row>();
  const row = (who: keyof typeof NIP, rule: string): Row => audit.get(`${NIP[who]}|${rule}`)!;

  beforeAll(async () => {
    input = copyFixture();
    out = tempDir();
    db = join(out, 'w.duckdb');
    appendFileSync(join(input, 'employees.csv'), `${EMPLOYEES.join('\n')}\n`);
    appendFileSync(join(input, 'transfers.csv'), `${TRANSFERS.join('\n')}\n`);
    const r = cli(['build', '--input', input, '--db', db, '--strict']);
    expect(r.code, r.stderr).toBe(0);
    // the sentences as the dashboard words them from the warehouse's codes and numbers
    for (const x of await auditWithWords(db)) {
      const { nip, rule, status, severity, detail_id, detail_en, value, threshold } = x;
      audit.set(`${x.nip}|${x.rule}`, { nip, rule, status, severity, detail_id, detail_en, value, threshold } as unknown as Row);
    }
  });
  afterAll(() => {
    removeDir(input);
    removeDir(out);
  });

  it('one row per transfer × rule, legal rules and advisory considerations', async () => {
    const rows = await query(db, `SELECT rule, severity, count(*) AS n FROM transfer_audit GROUP BY ALL ORDER BY rule`);
    expect(rows).toEqual([
      { rule: 'competency', severity: 'rule', n: 8 },
      { rule: 'documentation', severity: 'rule', n: 8 },
      { rule: 'election_ban', severity: 'rule', n: 8 },
      { rule: 'min_tenure', severity: 'rule', n: 8 },
      { rule: 'receiving_need', severity: 'advisory', n: 8 },
      { rule: 'releasing_slack', severity: 'advisory', n: 8 },
    ]);
    const [ids] = await query(db, `SELECT count(DISTINCT transfer_id) AS n, count(*) FILTER (WHERE transfer_id IS NULL) AS missing FROM transfer_audit`);
    expect(ids).toEqual({ n: 8, missing: 0 });
  });

  it('legal rules: exactly the planted breaks fail', () => {
    const failed = [...audit].filter(([, r]) => r.severity === 'rule' && r.status === 'failed').map(([k]) => k).sort();
    expect(failed).toEqual([
      `${NIP.A}|min_tenure`, `${NIP.B}|election_ban`, `${NIP.D}|competency`, `${NIP.E}|documentation`, `${NIP.F}|documentation`,
    ].sort());
    const unknown = [...audit].filter(([, r]) => r.severity === 'rule' && r.status === 'unknown').map(([k]) => k).sort();
    expect(unknown).toEqual([`${NIP.G}|competency`, `${NIP.G}|min_tenure`].sort());
  });

  it('min_tenure: whole months since the previous transfer or the appointment (PP 11/2017 Pasal 190)', () => {
    expect(row('A', 'min_tenure')).toMatchObject({
      status: 'failed', value: 0.75, threshold: 2,
      detail_id: '9 bulan di jabatan sebelumnya (sejak 1 Juni 2023, TMT pengangkatan); minimal 2 tahun (PP 11/2017 Pasal 190)',
      detail_en: '9 months in the previous position (since 1 June 2023, appointment date); minimum 2 years (PP 11/2017 Article 190)',
    });
    // Agus: appointed 2015-03-01, moved 2024-02-15 → 8 years 11 months
    expect(row('agus', 'min_tenure')).toMatchObject({ status: 'passed', detail_id: '8 tahun 11 bulan di jabatan sebelumnya (sejak 1 Maret 2015, TMT pengangkatan); minimal 2 tahun (PP 11/2017 Pasal 190)' });
    expect(row('agus', 'min_tenure').value).toBeCloseTo(107 / 12, 12);
    expect(row('G', 'min_tenure')).toMatchObject({ status: 'unknown', value: null });
    expect(row('G', 'min_tenure').detail_id).toContain('TMT pengangkatan (CPNS/PPPK) kosong');
  });

  it('election_ban: effective date inside 22 March 2024 – 20 February 2025; approval_ref makes it pass (UU 10/2016 Pasal 71(2))', () => {
    expect(row('B', 'election_ban')).toMatchObject({
      status: 'failed',
      detail_id: 'TMT 1 April 2024 dalam masa larangan penggantian pejabat menjelang pilkada (22 Maret 2024 – 20 Februari 2025) tanpa persetujuan tertulis Menteri Dalam Negeri (UU 10/2016 Pasal 71 ayat 2)',
    });
    expect(row('C', 'election_ban').status).toBe('passed');
    expect(row('C', 'election_ban').detail_id).toContain('dengan persetujuan tertulis Menteri Dalam Negeri nomor B-100.2.2.6/1234/OTDA');
    expect(row('C', 'election_ban').detail_en).toContain('with the written approval of the Minister of Home Affairs no. B-100.2.2.6/1234/OTDA');
    expect(row('agus', 'election_ban')).toMatchObject({ status: 'passed' });
    expect(row('agus', 'election_ban').detail_en).toContain('outside the pre-election ban');
  });

  it('competency: education rank against the target position; missing competency tags listed', () => {
    expect(row('D', 'competency')).toMatchObject({
      status: 'failed', value: 3, threshold: 8,
      detail_id: 'Pendidikan SMA di bawah syarat minimal S1 jabatan tujuan (PP 11/2017 Pasal 190); kompetensi yang disyaratkan tetapi belum tercatat: analisis, kebijakan',
      detail_en: "Education SMA is below the target position's minimum S1 (PP 11/2017 Article 190); required competencies not on record: analisis, kebijakan",
    });
    expect(row('C', 'competency')).toMatchObject({ status: 'passed', value: 8, threshold: 8 });
    expect(row('C', 'competency').detail_en).toContain('required competencies not on record: kebijakan');
    expect(row('G', 'competency')).toMatchObject({ status: 'unknown', value: null, threshold: 3 });
  });

  it('documentation: decree number and reason category present (Peraturan BKN 5/2019)', () => {
    expect(row('E', 'documentation')).toMatchObject({
      status: 'failed', value: 1, threshold: 0,
      detail_id: 'Tidak tercatat: nomor SK; tanggal SK kosong (Peraturan BKN 5/2019)',
      detail_en: 'Missing: decree number; decree date empty (Peraturan BKN 5/2019)',
    });
    expect(row('F', 'documentation')).toMatchObject({ status: 'failed', value: 1, detail_en: 'Missing: reason (Peraturan BKN 5/2019)' });
    expect(row('B', 'documentation')).toMatchObject({ status: 'passed', detail_id: 'SK nomor 821.2/020/BKPSDM/2024, alasan kebutuhan organisasi (Peraturan BKN 5/2019)' });
  });

  it('receiving_need / releasing_slack: unit EJ in the month before the effective month', () => {
    // the default balanced band is 0.90–1.10 (workload.slack_below / overloaded_above, issue 16)
    // B (effective 2024-04-01): March, U2 = 18,000 / (1 × 6,250) = 2.88 > 1.1 → need; U1 = 8,255 / (7 × 6,250) = 0.189 < 0.9 → slack
    expect(row('B', 'receiving_need')).toMatchObject({ status: 'passed', threshold: 1.1, detail_id: 'EJ unit penerima 2,88 pada Maret 2024 (di atas 1,10): kekurangan pegawai, kurang 1,9 orang' });
    expect(row('B', 'receiving_need').value).toBeCloseTo(2.88, 12);
    expect(row('B', 'releasing_slack')).toMatchObject({ status: 'passed', threshold: 0.9 });
    expect(row('B', 'releasing_slack').value).toBeCloseTo(8255 / (7 * 6250), 12);
    expect(row('B', 'releasing_slack').detail_en).toBe('Releasing unit EJ 0.19 in March 2024 (below 0.90): overstaffed by 5.7 people');
    // E (2024-03-01): February, U3 = 6,250 / (2 × 6,250) = 0.5 → not understaffed; U1 = 8,255 / (9 × 6,250) = 0.147 → slack
    expect(row('E', 'receiving_need')).toMatchObject({ status: 'failed', value: 0.5 });
    expect(row('E', 'receiving_need').detail_en).toBe('Receiving unit EJ 0.50 in February 2024 (not above 1.10): not understaffed, overstaffed by 1.0 people');
    expect(row('E', 'releasing_slack').value).toBeCloseTo(8255 / (9 * 6250), 12);
    expect(row('E', 'releasing_slack').status).toBe('passed');
    // G (2024-02-01): January, U1 = 8,255 / (7 × 6,250) = 0.19 → no need; U2 = 12,000 / (2 × 6,250) = 0.96 → not slack (≥ 0.9)
    expect(row('G', 'receiving_need').status).toBe('failed');
    expect(row('G', 'receiving_need').value).toBeCloseTo(8255 / (7 * 6250), 12);
    expect(row('G', 'releasing_slack')).toMatchObject({ status: 'failed' });
    expect(row('G', 'releasing_slack').value).toBeCloseTo(0.96, 12);
    // a move within one unit, and reference months outside the calendar: unknown
    for (const who of ['A', 'D'] as const) {
      expect(row(who, 'receiving_need').status).toBe('unknown');
      expect(row(who, 'releasing_slack').detail_en).toBe("Move within one unit: the unit's load does not change");
    }
    for (const who of ['C', 'F'] as const) {
      expect(row(who, 'receiving_need').status).toBe('unknown');
      expect(row(who, 'releasing_slack').status).toBe('unknown');
    }
    expect(row('F', 'receiving_need').detail_id).toBe('Beban kerja unit penerima pada Desember 2023 tidak ada dalam data');
  });

  it('tenure_overdue: more than 5 years in the current post at the end of the calendar', async () => {
    expect(await query(db, `SELECT nip, position_id, position_since, as_of, months_in_position, years_in_position, years_over FROM tenure_overdue ORDER BY nip`)).toEqual([
      { nip: '198001012005011001', position_id: 'P1', position_since: '2019-03-01', as_of: '2024-03-31', months_in_position: 60, years_in_position: 5.08, years_over: 0.08 },
      { nip: '198502022010012002', position_id: 'P2', position_since: '2018-07-01', as_of: '2024-03-31', months_in_position: 68, years_in_position: 5.75, years_over: 0.75 },
    ]);
  });

  it('the TypeScript rules (pipeline/domain/rules.ts) give the same codes and numbers on every hand-made case', async () => {
    expect(await expectRulesParity(db)).toBe(6 * 8);
    expect(await expectTenureOverdueParity(db)).toBeGreaterThan(2);
  });

  it('the effects step records why nothing could be estimated, and the build goes on', async () => {
    const info = await query(db, `SELECT level, outcome, status, message FROM transfer_effect_info ORDER BY level DESC, outcome`);
    expect(info.every((r) => r.status === 'not_estimated' && typeof r.message === 'string' && r.message.length > 0)).toBe(true);
    const [n] = await query(db, `SELECT (SELECT count(*) FROM transfer_effect) AS e, (SELECT count(*) FROM transfer_rampup) AS r`);
    expect(n).toEqual({ e: 0, r: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('transfer audit on the sample: the planted breaks, nothing else', () => {
  let s: SampleWarehouse;
  beforeAll(() => {
    s = buildSampleWarehouse();
  });
  afterAll(() => s?.cleanup());

  it('the failed legal checks are exactly the planted (nip, effective_date, rule)', async () => {
    const failed = await query(s.db, `SELECT nip, CAST(effective_date AS VARCHAR) AS d, rule FROM transfer_audit WHERE severity = 'rule' AND status = 'failed'`);
    const got = failed.map((r) => `${r.nip}|${r.d}|${r.rule}`).sort();
    const want = s.truth.transfer_audit.breaks.map((b) => `${b.nip}|${b.effective_date}|${b.rule}`).sort();
    expect(got).toEqual(want);
    const byRule: Record<string, number> = {};
    for (const b of s.truth.transfer_audit.breaks) byRule[b.rule] = (byRule[b.rule] ?? 0) + 1;
    for (const rule of ['min_tenure', 'election_ban', 'competency', 'documentation']) expect(byRule[rule], rule).toBe(s.truth.transfer_audit.counts[rule]);
  });

  it('the sample leaves nothing unknown for the legal checks but the election ban before the configured election dates', async () => {
    // default settings: election dates known for 2022-01-01 … 2028-12-31 (election.checked_from / checked_until)
    const [u] = await query(s.db, `SELECT count(*) FILTER (WHERE NOT (rule = 'election_ban' AND code = 'no_dates_for_period')) AS other,
      count(*) FILTER (WHERE rule = 'election_ban') AS ban FROM transfer_audit WHERE severity = 'rule' AND status = 'unknown'`);
    const [old] = await query(s.db, `SELECT count(*) AS n FROM transfer WHERE effective_date < DATE '2022-01-01'`);
    expect(Number(u!.other)).toBe(0);
    expect(Number(u!.ban)).toBe(Number(old!.n));
  });

  it('transfers inside the ban WITH the Minister\'s approval pass, and the detail names the approval', async () => {
    expect(s.truth.transfer_audit.must_pass.length).toBeGreaterThan(0);
    for (const m of s.truth.transfer_audit.must_pass) {
      const rows = await auditWithWords(s.db, `a.nip = '${m.nip}' AND a.effective_date = DATE '${m.effective_date}' AND a.severity = 'rule'`);
      expect(rows.length, m.nip).toBe(4);
      for (const r of rows) expect(r.status, `${m.nip} ${r.rule}`).toBe('passed');
      const ban = rows.find((r) => r.rule === 'election_ban')!;
      expect(ban.approval_ref).toBeTruthy();
      expect(ban.detail_id).toContain(`nomor ${ban.approval_ref}`);
    }
  });

  it('readable sentences with the numbers and the regulation', async () => {
    const rows = await auditWithWords(s.db, `a.status = 'failed' AND a.severity = 'rule'`);
    for (const r of rows.filter((x) => x.rule === 'min_tenure')) {
      expect(r.detail_id).toMatch(/^(\d+ tahun( \d+ bulan)?|\d+ bulan) di jabatan sebelumnya \(sejak \d+ \w+ \d{4}\); minimal 2 tahun \(PP 11\/2017 Pasal 190\)$/);
      expect(r.value as number).toBeLessThan(2);
      expect(r.threshold).toBe(2);
    }
    for (const r of rows.filter((x) => x.rule === 'election_ban')) expect(r.detail_en).toContain('(22 March 2024 – 20 February 2025) without the written approval');
    for (const r of rows.filter((x) => x.rule === 'competency')) expect(r.value as number).toBeLessThan(r.threshold as number);
  });

  it('advisory checks: the rotation waves go from slack to overloaded units', async () => {
    const rows = await query(s.db, `
      WITH w AS (SELECT transfer_id FROM transfer WHERE reason_category = 'rotasi_berkala'
                 QUALIFY count(*) OVER (PARTITION BY decree_number) >= 5)
      SELECT rule, count(*) FILTER (WHERE status = 'passed') / count(*) AS share, count(*) AS n
      FROM transfer_audit JOIN w USING (transfer_id) WHERE severity = 'advisory' GROUP BY rule ORDER BY rule`);
    expect(rows.map((r) => r.rule)).toEqual(['receiving_need', 'releasing_slack']);
    expect(rows[0]!.share).toBeGreaterThanOrEqual(0.95);
    expect(rows[1]!.share).toBeGreaterThanOrEqual(0.7);
    // transfers before the calendar cannot be judged
    const [old] = await query(s.db, `SELECT count(*) FILTER (WHERE status <> 'unknown') AS n FROM transfer_audit
      WHERE severity = 'advisory' AND effective_date < (SELECT min("month") + INTERVAL 1 MONTH FROM month_calendar)`);
    expect(old!.n).toBe(0);
  });

  it('tenure_overdue: exactly the planted employees with more than 5 years in post', async () => {
    const got = (await query(s.db, `SELECT nip, years_in_position FROM tenure_overdue`));
    const csv = readFileSync(join(s.input, s.truth.transfer_audit.max_tenure.file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(got.length).toBe(s.truth.transfer_audit.max_tenure.count);
    expect(got.map((r) => r.nip).sort()).toEqual(csv.map((c) => c[0]).sort());
    const years = new Map(csv.map((c) => [c[0], Number(c[3])]));
    for (const r of got) expect(Math.abs((r.years_in_position as number) - years.get(r.nip as string)!), r.nip as string).toBeLessThanOrEqual(0.0051);
    const [asOf] = await query(s.db, `SELECT DISTINCT as_of FROM tenure_overdue`);
    expect(asOf!.as_of).toBe(s.truth.transfer_audit.max_tenure.as_of);
  });
});
