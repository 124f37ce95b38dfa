/**
 * The people pages (/pegawai): one person's record for signed-in roles (pimpinan, analis: lib/server/access.ts).
 *
 * A person is named in URLs by an opaque reference, not the NIP (NIPs would otherwise land in access logs and
 * browser histories): the first 24 hex digits of sha256(installation key ‖ NIP). The key is generated once per
 * installation in the application store (lib/server/store.ts) and bound as `$ref_key` by the server.
 *
 * Tenure and rotation status follow PP 11/2017 Pasal 190 (amended by PP 17/2020): at least `tenure.min_years` and
 * at most `tenure.max_years` in a position (settings of the build, defaults from pipeline/domain/settings.ts).
 */
import { DEFAULT_SETTINGS } from '#domain/settings.ts';
import { defineQuery } from './define';
import { AUDIT_RULES } from '$lib/params';
import { lang, personRef } from '../params';
import { personRefKey } from '../store';

export const PERSON_REF = (nip: string) => `substr(sha256($ref_key || ${nip}), 1, 24)`;

const settingOr = (jsonPath: string, fallback: string) =>
  `coalesce((SELECT TRY_CAST(json_extract(settings, '${jsonPath}') AS DOUBLE) FROM build_info LIMIT 1), ${fallback})`;

/** the reference date: the last day of the latest month with data */
const AS_OF = `(SELECT CAST(max(month) + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) FROM unit_load_monthly)`;

const runtime = () => ({ ref_key: personRefKey() });

/** Search by name (case-insensitive, any part) or NIP (digits, spaces and dots ignored): at most 50 people. */
export const pegawaiSearch = defineQuery({
  name: 'pegawai-search',
  description: 'People whose name contains the text, or whose NIP contains the digits: reference, name, NIP, unit, position.',
  params: {},
  runtime,
  sql: `
    SELECT ${PERSON_REF('e.nip')} AS ref, e.nip, e.name, e.golongan, u.unit_label AS unit_name, p.title
    FROM employee e LEFT JOIN unit u ON u.unit_id = e.unit_id LEFT JOIN position p ON p.position_id = e.position_id
    WHERE (length($digits) >= 4 AND e.nip LIKE '%' || $digits || '%')
       OR (length($text) >= 2 AND e.name ILIKE '%' || $text || '%')
    ORDER BY e.name, e.nip LIMIT 50`,
});

export const pegawaiPerson = defineQuery({
  name: 'pegawai',
  description:
    'One person: NIP, name, status, golongan, education, unit and position now, since when, tenure in the position and ' +
    'rotation status (PP 11/2017 Pasal 190: minimum and maximum years), willingness to move.',
  params: { ref: personRef() },
  runtime,
  constants: { default_min: DEFAULT_SETTINGS.tenure.min_years, default_max: DEFAULT_SETTINGS.tenure.max_years },
  sql: `
    WITH s AS (SELECT ${settingOr('$.tenure.min_years', '$default_min')} AS min_years, ${settingOr('$.tenure.max_years', '$default_max')} AS max_years, ${AS_OF} AS as_of),
    e AS (SELECT * FROM employee WHERE ${PERSON_REF('nip')} = $ref)
    SELECT e.nip, e.name, e.status, e.golongan, e.sex, e.education_level, e.education_major, e.competencies,
      e.unit_id, u.unit_label AS unit_name, e.position_id, p.title, e.position_since, e.appointment_date,
      e.willing_to_move, e.unwilling_reason, s.as_of, s.min_years, s.max_years,
      round(date_diff('day', e.position_since, s.as_of) / 365.25, 1) AS tenure_years,
      CASE WHEN e.position_since IS NULL THEN 'unknown'
           WHEN date_diff('day', e.position_since, s.as_of) / 365.25 < s.min_years THEN 'too_early'
           WHEN date_diff('day', e.position_since, s.as_of) / 365.25 > s.max_years THEN 'overdue'
           ELSE 'eligible' END AS rotation_status
    FROM e CROSS JOIN s LEFT JOIN unit u ON u.unit_id = e.unit_id LEFT JOIN position p ON p.position_id = e.position_id`,
});

export const pegawaiPositions = defineQuery({
  name: 'pegawai-positions',
  description: "One person's positions over time: from, to, unit, position title, the transfer that started it.",
  params: { ref: personRef() },
  runtime,
  sql: `
    SELECT h.valid_from, h.valid_to, h.unit_id, u.unit_label AS unit_name, h.position_id, p.title, h.transfer_id
    FROM employee_position_history h LEFT JOIN unit u ON u.unit_id = h.unit_id LEFT JOIN position p ON p.position_id = h.position_id
    WHERE ${PERSON_REF('h.nip')} = $ref ORDER BY h.valid_from DESC`,
});

export const pegawaiRatings = defineQuery({
  name: 'pegawai-ratings',
  description: "One person's SKP ratings: period, rating, results and behaviour ratings (PermenPANRB 6/2022).",
  params: { ref: personRef() },
  runtime,
  sql: `
    SELECT period, rating, CAST(rating_rank AS INTEGER) AS rating_rank, results_rating, behaviour_rating
    FROM performance WHERE ${PERSON_REF('nip')} = $ref ORDER BY period DESC`,
});

const ruleOrder = (col: string) => `CASE ${col} ${AUDIT_RULES.map((r, i) => `WHEN '${r}' THEN ${i + 1}`).join(' ')} ELSE 99 END`;

export const pegawaiTransfers = defineQuery({
  name: 'pegawai-transfers',
  description: "One person's transfers with their audit result: legal rules failed (their codes; the page words them) or passed.",
  params: { ref: personRef(), lang: lang() },
  runtime,
  sql: `
    WITH t AS (SELECT * FROM transfer WHERE ${PERSON_REF('nip')} = $ref)
    SELECT t.transfer_id, t.effective_date, t.decree_number, t.reason_category,
      uf.unit_label AS from_unit_name, ut.unit_label AS to_unit_name,
      CASE WHEN bool_or(a.severity = 'rule' AND a.status = 'failed') THEN 'failed'
           WHEN bool_or(a.severity = 'rule' AND a.status = 'unknown') THEN 'unknown'
           WHEN count(a.rule) = 0 THEN NULL ELSE 'passed' END AS status,
      list(a.rule ORDER BY ${ruleOrder('a.rule')})
        FILTER (WHERE a.status = 'failed' AND a.severity = 'rule') AS failed_rules
    FROM t LEFT JOIN transfer_audit a USING (transfer_id)
    LEFT JOIN unit uf ON uf.unit_id = t.from_unit_id LEFT JOIN unit ut ON ut.unit_id = t.to_unit_id
    GROUP BY ALL ORDER BY t.effective_date DESC`,
});
