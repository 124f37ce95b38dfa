import { fail, redirect } from '@sveltejs/kit';
import { verifyPassword } from '#app-store/passwords.ts';
import { AccountError, changePassword, findUser } from '#app-store/users.ts';
import { appStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
  mustChange: locals.user?.mustChangePassword ?? false,
  changed: url.searchParams.has('diganti'),
});

export const actions: Actions = {
  default: async (event) => {
    const user = event.locals.user;
    if (!user) return fail(401, { error: 'wrongCurrent' as const, message: null });
    const form = await event.request.formData();
    const current = String(form.get('current') ?? '');
    const next = String(form.get('next') ?? '');
    const repeat = String(form.get('repeat') ?? '');
    const row = findUser(appStore(), user.username);
    if (!row || !(await verifyPassword(current, row.password_hash))) return fail(400, { error: 'wrongCurrent' as const, message: null });
    if (next !== repeat) return fail(400, { error: 'mismatch' as const, message: null });
    try {
      await changePassword(appStore(), { username: user.username, role: user.role, address: event.getClientAddress() }, user.username, next, user.tokenHash);
    } catch (err) {
      if (err instanceof AccountError) return fail(400, { error: 'policy' as const, message: err.message });
      throw err;
    }
    redirect(303, '/akun?diganti=1');
  },
};
