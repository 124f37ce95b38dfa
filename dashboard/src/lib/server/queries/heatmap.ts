/** Unit × month EJ for the 24 months up to the selected month (Ringkasan heat map). */
import { defineQuery, SELECTED_MONTH } from './define';
import { month } from '../params';

export const heatmap = defineQuery({
  name: 'heatmap',
  description: 'EJ of every unit for the 24 months ending at the selected month.',
  params: { month: month() },
  sql: `
    WITH m AS (SELECT ${SELECTED_MONTH} AS month)
    SELECT l.unit_id, u.unit_name, CAST(u.depth AS INTEGER) AS depth, u.top_unit_id, l.month, l.ej, l.band,
      l.current_staff
    FROM unit_load_monthly l JOIN unit u USING (unit_id), m
    WHERE l.month <= m.month AND l.month > m.month - INTERVAL 24 MONTH
    ORDER BY u.top_unit_id, u.depth, u.unit_name, l.month`,
});
