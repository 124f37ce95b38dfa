-- Mart: the transfers of the rotation waves — the one definition of a wave, read by effect_panel_unit (the
-- effects estimation) and by the dashboard (Ringkasan's strip on the last wave). A wave is a collective decree:
-- transfers with reason rotasi_berkala sharing one decree number (within a region) that moves at least
-- setting_wave_min_transfers() people (SK mutasi kolektif; individual rotations on their own decrees are not
-- waves). month = the first 1st-of-month on or after the effective date (head-counts are taken on the 1st).
CREATE OR REPLACE TABLE rotation_wave_transfer AS
WITH tr AS (
  SELECT t.transfer_id, t.to_unit_id, t.from_unit_id, t.decree_number, t.reason_category, month_ceil(t.effective_date) AS m,
         coalesce(u.region_code, setting_region_code()) AS region_code
  FROM transfer t LEFT JOIN unit u ON u.unit_id = t.to_unit_id
)
SELECT transfer_id, region_code, decree_number, m AS "month", from_unit_id, to_unit_id
FROM tr
WHERE reason_category = 'rotasi_berkala' AND decree_number IS NOT NULL
QUALIFY count(*) OVER (PARTITION BY region_code, decree_number) >= setting_wave_min_transfers()
ORDER BY "month", transfer_id;

COMMENT ON TABLE rotation_wave_transfer IS 'Mart: transfers that belong to a rotation wave (a collective rotasi_berkala decree moving at least effects.wave_min_transfers people), with the month they count from';
