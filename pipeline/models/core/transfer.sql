-- Core: transfers (mutasi), one row each, with the units on both sides. transfer_id is stable for the same inputs.
CREATE OR REPLACE TABLE transfer AS
SELECT
  'T' || lpad(CAST(row_number() OVER (ORDER BY t.effective_date, t.nip, t.to_position_id, t._row) AS VARCHAR), 7, '0') AS transfer_id,
  t.nip, t.effective_date, t.from_position_id, t.to_position_id,
  pf.unit_id AS from_unit_id, pt.unit_id AS to_unit_id,
  t.decree_number, t.decree_date, t.reason_category, t.reason_text, t.approval_ref
FROM stg_transfers t
JOIN position pt ON pt.position_id = t.to_position_id
LEFT JOIN position pf ON pf.position_id = t.from_position_id
WHERE len(t._issues) = 0
ORDER BY transfer_id;

COMMENT ON TABLE transfer IS 'Core: transfers with decree (SK), reason and approval reference; nip is personal data';
COMMENT ON COLUMN transfer.approval_ref IS 'written approval, e.g. the Minister of Home Affairs during the pre-election ban (UU 10/2016 Pasal 71 ayat 2)';
