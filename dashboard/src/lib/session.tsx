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
    onSuccess: async () => {
      qc.removeQueries();
      await qc.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: () => unwrap(api.GET('/api/auth/me')) });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: () => {
      // Forget every cached response of this user, then show the login page.
      qc.clear();
      navigate('/login', { replace: true });
    },
  });
}
