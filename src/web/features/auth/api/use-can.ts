// Whether the logged-in person's role may use an action, by the access level its route declares on the server
// (src/server/core/auth/route-access.ts: user / manager / support / admin). Buttons a role cannot use are hidden, not refused.
import type { Role } from '../../../types/api';
import { useMe } from './use-me';
import type { Access } from './route-access';

export type { Access };

const rolesOf: Record<Access, readonly Role[]> = {
  user: ['admin', 'manager', 'sales', 'marketing', 'support'],
  manager: ['admin', 'manager'],
  support: ['admin', 'manager', 'support'],
  admin: ['admin'],
};

export const roleCan = (role: Role | null | undefined, access: Access): boolean => !!role && rolesOf[access].includes(role);

/** False while the user is still loading: a button appears once we know it may be used. */
export function useCan(access: Access): boolean {
  const me = useMe();
  return roleCan(me.data?.role, access);
}
