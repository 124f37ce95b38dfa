-- One rejected value: the entries of a staging row's _issues list, unnested into core.quarantine.
CREATE OR REPLACE MACRO issue(col, val, why) AS {'column': col, 'value': CAST(val AS VARCHAR), 'reason': why};

-- The NIP of a record that refers to an employee (ratings, transfers, activity logs): missing, malformed, or not
-- an employee loaded from the staff list. `known` = the cleaned NIP was found among the loaded employees.
CREATE OR REPLACE MACRO employee_ref_issue(nip_text, nip, known) AS
  CASE WHEN nullif(trim(nip_text), '') IS NULL THEN issue('nip', NULL, 'missing required value')
       WHEN nip IS NULL THEN issue('nip', nip_text, 'malformed NIP: not 18 digits')
       WHEN NOT known THEN issue('nip', nip_text, 'unknown employee') END;
