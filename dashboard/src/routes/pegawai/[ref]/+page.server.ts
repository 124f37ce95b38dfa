import { error } from '@sveltejs/kit';
import { pegawaiPerson, pegawaiPositions, pegawaiRatings, pegawaiTransfers } from '$lib/server/queries';
import { rowsOf, runDef } from '$lib/server/run-def';
import { audit } from '$lib/server/store';
import { parseLang } from '$lib/params';
import type { PageServerLoad } from './$types';

type Row = Record<string, unknown>;

/** One person: record, positions over time, ratings, transfers with their audit. Every view is in the audit log. */
export const load: PageServerLoad = async (event) => {
  const ref = event.params.ref;
  if (!/^[0-9a-f]{24}$/.test(ref)) error(404, 'Not found');
  const lang = parseLang(event.url.searchParams.get('lang'));
  const [person, positions, ratings, transfers] = await Promise.all([
    runDef(pegawaiPerson, { ref }),
    runDef(pegawaiPositions, { ref }),
    runDef(pegawaiRatings, { ref }),
    runDef(pegawaiTransfers, { ref, lang }),
  ]);
  const p = rowsOf<Row>(person)[0];
  if (!p) error(404, 'Not found');
  audit({ actor: event.locals.user!.username, actorRole: event.locals.role, action: 'personal_data_viewed', target: `pegawai ${ref}`, address: event.getClientAddress() });
  return { ref, person: p, positions: rowsOf<Row>(positions), ratings: rowsOf<Row>(ratings), transfers: rowsOf<Row>(transfers) };
};
