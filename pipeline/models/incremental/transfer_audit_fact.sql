-- Incremental build (pipeline/warehouse/incremental-marts.ts): transfer_audit_fact after new months.
-- Of marts/transfer_audit_fact.sql only the advisory considerations read the months (shared/domain.md "Transfer
-- rules": receiving_need and releasing_slack, from unit_load_monthly in the month before the effective month,
-- unknown when that month is outside the calendar). The calendar only grew at its end, so the transfers whose
-- reference month is one of the new months ({{last}} = the previous last month) are the only ones whose
-- numbers change: they are now in the calendar, with both units' load of that month. The columns below are those
-- of marts/transfer_audit_fact.sql (lt = the receiving unit, lf = the releasing unit).
UPDATE transfer_audit_fact AS f SET
  in_calendar = n.in_calendar,
  to_ej = n.to_ej, to_band = n.to_band, to_required = n.to_required, to_staff = n.to_staff,
  from_ej = n.from_ej, from_band = n.from_band, from_required = n.from_required, from_staff = n.from_staff
FROM (
  SELECT f.transfer_id,
         c."month" IS NOT NULL AS in_calendar,
         lt.ej AS to_ej, lt.band AS to_band, lt.required_staff AS to_required, lt.current_staff AS to_staff,
         lf.ej AS from_ej, lf.band AS from_band, lf.required_staff AS from_required, lf.current_staff AS from_staff
  FROM transfer_audit_fact f
  JOIN transfer tr USING (transfer_id)
  LEFT JOIN month_calendar c ON c."month" = f.ref_month
  LEFT JOIN unit_load_monthly lt ON lt.unit_id = tr.to_unit_id AND lt."month" = f.ref_month
  LEFT JOIN unit_load_monthly lf ON lf.unit_id = tr.from_unit_id AND lf."month" = f.ref_month
  WHERE f.ref_month > {{last}}
) n
WHERE f.transfer_id = n.transfer_id;
