import { parseLang } from '$lib/params';
import { publikReport } from '$lib/server/publik';
import { WarehouseUnavailableError } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// a printed report, nothing to interact with: no hydration, so the report's data is not written into the page a
// second time as script (at province scale 320 KB of the page's 830 KB; issue 16: HTML ≤ 100 KB)
export const csr = false;

/** The public report, rendered on the server (no script needed to read or print it); the `publik` role, no sign-in. */
export const load: PageServerLoad = async ({ url }) => {
  const lang = parseLang(url.searchParams.get('lang'));
  try {
    return { lang, report: await publikReport() };
  } catch (err) {
    // the layout shows why (warehouse missing or outdated)
    if (err instanceof WarehouseUnavailableError) return { lang, report: null };
    throw err;
  }
};
