// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Role } from '#app-store/roles.ts';

declare global {
  namespace App {
    interface Locals {
      /** the signed-in user (hooks.server.ts), or null */
      user: { username: string; displayName: string | null; role: Exclude<Role, 'publik'>; mustChangePassword: boolean; tokenHash: string } | null;
      /** the user's role, `publik` when not signed in */
      role: Role;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
