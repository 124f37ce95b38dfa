/**
 * The region filter of a warehouse of several regions (a province, a national roll-up): the pages that list
 * units (Ringkasan, Unit kerja, Jabatan) read `?region=` the same way and offer the picker only when the
 * warehouse holds more than one region.
 */
import { loadData, type Fetch } from './api';
import { isRegion } from './params';
import type { RegionRow } from './types';

/** the region asked for in the URL (a well-formed code), or null for all regions */
export function askedRegion(url: URL): string | null {
  const asked = url.searchParams.get('region');
  return isRegion(asked) ? asked : null;
}

/** the warehouse's regions, for the picker (empty when they cannot be read: the page works without a filter) */
export async function loadRegions(fetch: Fetch): Promise<RegionRow[]> {
  return (await loadData<RegionRow>(fetch, '/api/regions')).rows;
}

/** the name of the selected region, for headings (null: all regions, or a code the warehouse does not have) */
export function regionName(regions: RegionRow[], region: string | null): string | null {
  return regions.find((r) => r.region_code === region)?.region_name ?? null;
}
