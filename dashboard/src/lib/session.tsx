import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Me } from '../api/types';
import { navigate } from './router';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** Who is signed in (GET /api/auth/me). A 401 means "nobody": the app shows the login page. */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: () => unwrap(api.GET('/api/auth/me')),
    retry: false,
    staleTime: 5 * 60_000,
  });
}

const SessionContext = createContext<Me | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The signed-in user, organisation and permissions. Only valid inside the signed-in layout. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside the signed-in layout');
  return me;
}

/** True when the signed-in user holds `permission` (the same names the API checks). */
export function useCan(permission: string): boolean {
  return useSession().permissions.includes(permission);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => unwrap(api.POST('/api/auth/login', { body })),
    // Reset (not remove) the cache: the mounted "who am I" observer must see the new user, and nothing
    // cached for a previous user may survive.
    onSuccess: () => qc.resetQueries(),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: async () => {
      // Re-ask "who am I" (now a 401, which shows the login page), then forget everything cached for
      // this user. Resetting keeps the mounted observers attached, unlike clear().
      const reset = qc.resetQueries({ queryKey: ME_QUERY_KEY });
      navigate('/login', { replace: true });
      await reset.catch(() => undefined);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
    },
  });
}
