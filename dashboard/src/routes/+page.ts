import { browser } from '$app/environment';
import { loadData, type Dataset } from '$lib/api';
import { resolveMonth } from '$lib/month';
import { askedRegion, loadRegions } from '$lib/region';
import { parseView } from '$lib/params';
import type { HeatmapRow, ImbalanceRow, LastWaveRow, WaveRow, OverviewRow, RegionRow, UnitLoadRow } from '$lib/types';
import type { PageLoad } from './$types';

/** units of the last wave named on Ringkasan; the rest are one click away (Dampak mutasi lists every unit) */
const LAST_WAVE_SHOWN = 15;

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { months, lang, warehouseError } = await parent();
  const state = resolveMonth(url, months);
  // a warehouse of several regions (a province, a national roll-up) can be looked at one region at a time
  const region = askedRegion(url);
  // annual EJ (rolling 12 months) by default, the month alone one click away (issue 16)
  const view = parseView(url.searchParams.get('view'));
  if (warehouseError || !state.month) return { state, region, view, regions: [] as RegionRow[], data: null, heatmap: null, unitLoad: null };
  const q = { month: state.month, region, view };
  // the units' EJ (a province: 900 units, 214 KB) likewise: the chart, its table and the briefing's list draw when it
  // arrives; the headlines (overview) stay in the HTML
  const unitLoad: Promise<Dataset<UnitLoadRow>> | null =
    browser && !state.missing ? loadData<UnitLoadRow>(fetch, '/api/unit-load', { ...q, lang }) : null;
  // the heat map (units × 36 months, the page's largest data) stays out of the HTML (≤ 100 KB, issue 16): in the
  // browser it is asked for here, beside the rest and not awaited, so a month change costs one round trip, not two
  // one after the other (bench pages); the page draws it when it arrives
  const heatmap: Promise<Dataset<HeatmapRow>> | null =
    browser && !state.missing ? loadData<HeatmapRow>(fetch, '/api/heatmap', { month: state.month, region }) : null;
  const [regions, overview, imbalance, lastWave, waves] = await Promise.all([
    loadRegions(fetch),
    loadData<OverviewRow>(fetch, '/api/overview', q),
    loadData<ImbalanceRow>(fetch, '/api/imbalance', { level: view === 'annual' ? 'unit_annual' : 'unit', region }),
    // the strip names the wave's first units (a province wave touches ~300); each row carries the wave's totals
    loadData<LastWaveRow>(fetch, '/api/last-wave', { ...q, limit: String(LAST_WAVE_SHOWN) }),
    loadData<WaveRow>(fetch, '/api/waves', { region }),
  ]);
  return { state, region, view, regions, data: { overview, imbalance, lastWave, waves }, heatmap, unitLoad };
};
