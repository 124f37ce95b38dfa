import { fail } from '@sveltejs/kit';
import { AccountError, addUser, listUsers, resetPassword, setDisabled, setRole, type Actor } from '#app-store/users.ts';
import { appStore } from '$lib/server/store';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = () => ({
  users: listUsers(appStore()).map((u) => ({
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    state: u.disabled_at ? 'disabled' : u.locked_until_ms && u.locked_until_ms > Date.now() ? 'locked' : u.must_change_password ? 'mustChange' : 'active',
  })),
});

const actor = (e: RequestEvent): Actor => ({ username: e.locals.user!.username, role: e.locals.user!.role, address: e.getClientAddress() });

/** run an account change; AccountError (a rule of users.ts, e.g. the last admin) becomes a message on the page */
async function change(f: () => Promise<{ oneTime?: { username: string; password: string } }> | { oneTime?: undefined }) {
  try {
    return { ok: true as const, ...(await f()) };
  } catch (err) {
    if (err instanceof AccountError) return fail(400, { ok: false as const, message: err.message });
    throw err;
  }
}

export const actions: Actions = {
  add: async (e) => {
    const form = await e.request.formData();
    return change(async () => {
      const r = await addUser(appStore(), actor(e), {
        username: String(form.get('username') ?? ''),
        role: String(form.get('role') ?? ''),
        displayName: String(form.get('name') ?? '') || null,
      });
      return { oneTime: { username: r.user.username, password: r.oneTimePassword! } };
    });
  },
  role: async (e) => {
    const form = await e.request.formData();
    return change(() => (setRole(appStore(), actor(e), String(form.get('username')), String(form.get('role'))), {}));
  },
  disable: async (e) => {
    const form = await e.request.formData();
    return change(() => (setDisabled(appStore(), actor(e), String(form.get('username')), true), {}));
  },
  enable: async (e) => {
    const form = await e.request.formData();
    return change(() => (setDisabled(appStore(), actor(e), String(form.get('username')), false), {}));
  },
  reset: async (e) => {
    const form = await e.request.formData();
    const username = String(form.get('username'));
    return change(async () => ({ oneTime: { username, password: await resetPassword(appStore(), actor(e), username) } }));
  },
};
