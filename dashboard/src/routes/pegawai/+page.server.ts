import { fail } from '@sveltejs/kit';
import { pegawaiSearch } from '$lib/server/queries';
import { rowsOf, runDef } from '$lib/server/run-def';
import { audit } from '$lib/server/store';
import type { Actions } from './$types';

export interface SearchRow {
  ref: string;
  nip: string;
  name: string;
  golongan: string | null;
  unit_name: string | null;
  title: string | null;
}

/**
 * Search by name or NIP. A POST form: the searched name or NIP stays out of URLs, access logs and the browser
 * history. The search is written to the audit log (who searched, how many found; not the text).
 */
export const actions: Actions = {
  default: async (event) => {
    const q = String((await event.request.formData()).get('q') ?? '').trim().slice(0, 80);
    const digits = q.replace(/[\s.]/g, '');
    const isNip = /^\d+$/.test(digits);
    if ((isNip && digits.length < 4) || (!isNip && q.length < 2)) return fail(400, { q, rows: null, tooShort: true });
    const r = await runDef(pegawaiSearch, { digits: isNip ? digits : '', text: isNip ? '' : q });
    const rows = rowsOf<SearchRow>(r);
    audit({ actor: event.locals.user!.username, actorRole: event.locals.role, action: 'personal_data_viewed', target: 'pegawai search', detail: { results: rows.length }, address: event.getClientAddress() });
    return { q, rows, tooShort: false };
  },
};
