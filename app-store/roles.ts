/**
 * Roles (issue 19). `publik` is everyone who has not signed in; accounts hold one of the other three.
 * - pimpinan (leadership): every aggregate page, scenarios read and approve, people pages read-only;
 * - analis (BKPSDM analysts): the simulator and the people pages, scenarios create and edit;
 * - admin: users, settings, builds and the audit log (and the aggregate pages). An admin does not see people data
 *   by virtue of the role (UU 27/2022: only who needs it): give the person an analis account for that.
 */
export const ROLES = ['publik', 'pimpinan', 'analis', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_ROLES = ['pimpinan', 'analis', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export function isAccountRole(v: unknown): v is AccountRole {
  return typeof v === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(v);
}
