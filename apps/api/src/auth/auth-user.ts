import type { Role } from '@dueflow/domain';

/** Who is calling, as the verified token says. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export function hasRole(user: AuthUser, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

/** Managers and admins see every project, task and review. */
export function seesEverything(user: AuthUser): boolean {
  return hasRole(user, 'manager', 'admin');
}
