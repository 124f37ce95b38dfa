/**
 * The first admin of a fresh install (`npm start`): when the store has no account at all, create `admin` with a
 * generated one-time password, to be printed once on the console. No default password exists anywhere.
 */
import { appendAudit } from './audit-log.ts';
import type { Store } from './store.ts';
import { addUser, listUsers } from './users.ts';

export async function ensureFirstAdmin(db: Store, username = 'admin'): Promise<{ username: string; password: string } | null> {
  if (listUsers(db).length > 0) return null;
  const { user, oneTimePassword } = await addUser(db, { username: null, role: 'system', address: 'npm start' }, { username, role: 'admin', displayName: 'Administrator' });
  appendAudit(db, { actor: null, actorRole: 'system', action: 'first_admin_created', target: user.username, address: 'npm start' });
  return { username: user.username, password: oneTimePassword! };
}
