/** Metadata the pages need everywhere: the months with data, the unit list, the build. */
import { defineQuery, inRegion, unitLabel } from './define';
import { region } from '../params';

export const months = defineQuery({
  name: 'months',
  description: 'Months with unit workload data (first day of month), oldest first.',
  params: {},
  sql: `SELECT DISTINCT month FROM unit_load_monthly ORDER BY month`,
});

export const units = defineQuery({
  name: 'units',
  description: 'All units (OPD and sub-units; of one region when `region` is given) with their place in the hierarchy.',
  params: { region: region() },
  sql: `SELECT unit_id, ${unitLabel()} AS unit_name, parent_id, unit_kind, CAST(depth AS INTEGER) AS depth, top_unit_id
        FROM unit WHERE ${inRegion()} ORDER BY top_unit_id, depth, unit_label`,
});

export const regions = defineQuery({
  name: 'regions',
  description: 'Regions (kode wilayah) of the units, with their names and unit counts: a province or national warehouse holds several.',
  params: {},
  sql: `SELECT region_code, coalesce(any_value(region_name), region_code) AS region_name, CAST(count(*) AS INTEGER) AS units
        FROM unit GROUP BY region_code ORDER BY region_code`,
});

export const buildInfo = defineQuery({
  name: 'build-info',
  description:
    'When and with which version the warehouse was built, and the settings it was built with (the ones in force: ' +
    'working time, band thresholds; `settings` is the whole settings object as JSON).',
  params: {},
  // the settings in force are the warehouse's own (build_info.settings), never the defaults in code
  sql: `SELECT CAST(version AS VARCHAR) AS version, built_at,
          CAST(json_extract(settings, '$.workload.effective_minutes_per_year') AS DOUBLE) AS effective_minutes_per_year,
          CAST(json_extract(settings, '$.workload.overloaded_above') AS DOUBLE) AS overloaded_above,
          CAST(json_extract(settings, '$.workload.slack_below') AS DOUBLE) AS slack_below,
          coalesce(TRY_CAST(json_extract_string(settings, '$.region.name') AS VARCHAR), '') AS region_name,
          coalesce(json_extract_string(settings, '$.region.time_zone'), 'WIB') AS time_zone,
          CAST(settings AS VARCHAR) AS settings
        FROM build_info LIMIT 1`,
});
