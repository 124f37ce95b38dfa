import { parseLang } from '$lib/params';
import { publikReport } from '$lib/server/publik';
import { WarehouseUnavailableError } from '$lib/server/db';
import type { PageServerLoad } from './$types';

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
