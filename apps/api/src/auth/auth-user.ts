import type { Role, UserLocale } from '@dueflow/domain';

/** Who is calling, as the verified token says. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** The console language: server-made words (rubric criteria, notifications) come in it. */
  locale: UserLocale;
}

export function hasRole(user: AuthUser, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

/** Managers and admins see every project, task and review. */
export function seesEverything(user: AuthUser): boolean {
  return hasRole(user, 'manager', 'admin');
}
