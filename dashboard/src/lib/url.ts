import type { Lang } from './params';

/**
 * A link inside the dashboard that keeps the page state the target understands: the language always,
 * the month when given. Default values are left out so URLs stay short (`?lang=id` is the default).
 */
export function href(path: string, state: { lang: Lang; month?: string | null; [k: string]: string | null | undefined }): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) {
    if (v == null || v === '') continue;
    if (k === 'lang' && v === 'id') continue;
    qs.set(k, v);
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** The current URL with some query parameters replaced (null removes). */
export function withParams(url: URL, set: Record<string, string | null>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(set)) {
    if (v == null || v === '' || (k === 'lang' && v === 'id')) u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  const s = u.searchParams.toString();
  return s ? `${u.pathname}?${s}` : u.pathname;
}
