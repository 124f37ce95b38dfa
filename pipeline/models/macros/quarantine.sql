-- One rejected value: the entries of a staging row's _issues list, unnested into core.quarantine.
CREATE OR REPLACE MACRO issue(col, val, why) AS {'column': col, 'value': CAST(val AS VARCHAR), 'reason': why};
