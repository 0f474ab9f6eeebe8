import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, ApiFailure, unwrap, type Schemas } from '../api/client';
import i18n, { switchLocale, type Locale } from '../i18n';

export type Me = Schemas['Me'];
export type Role = Schemas['Role'];

/** The signed-in account (GET /me), or null when the session cookie is missing or expired. */
export function useMe() {
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET('/me'));
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  // The account's language wins over the browser's once known.
  const locale = query.data?.locale;
  useEffect(() => {
    if (locale && locale !== i18n.language) void switchLocale(locale as Locale);
  }, [locale]);
  return query;
}

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me && roles.some((r) => me.roles.includes(r));
}

/** Where each person starts: their inbox, by the first role that has one. */
export function homeOf(me: Me): string {
  if (hasRole(me, 'reviewer')) return '/tasks';
  if (hasRole(me, 'manager')) return '/decisions';
  if (hasRole(me, 'officer')) return '/projects';
  return '/admin/users';
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api.POST('/auth/logout');
    client.clear();
    client.setQueryData(['me'], null);
  };
}
