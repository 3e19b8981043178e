import { useEffect, useState } from 'react';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { Layout } from './components/layout';
import { ErrorMessage, Loading } from './components/states';
import { LoginPage } from './pages/login.page';
import { allowedPages } from './pages/registry';
import { appPath, navigate, useLocation } from './lib/router';
import { ME_QUERY_KEY, SessionProvider, useMeQuery } from './lib/session';

function makeQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 on any query means the session ended (expired or signed out elsewhere): re-check who
      // we are, which shows the login page.
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== ME_QUERY_KEY[0])
          void qc.invalidateQueries({ queryKey: ME_QUERY_KEY });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return qc;
}

export function App() {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Shell />
    </QueryClientProvider>
  );
}

/** Decides between the login page and the signed-in layout, and keeps the URL in line with it. */
function Shell() {
  const me = useMeQuery();
  const { pathname, search } = useLocation();
  const path = appPath(pathname);
  const signedOut = me.error instanceof ApiError && me.error.status === 401;

  useEffect(() => {
    if (signedOut && path !== '/login') {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(pathname + window.location.search)}`;
      navigate(`/login${next}`, { replace: true });
    }
    if (me.data && (path === '/login' || path === '/')) {
      const next = search.get('next');
      const first = allowedPages(me.data.permissions)[0];
      navigate(next?.startsWith('/app/') ? next : (first?.path ?? '/overview'), { replace: true });
    }
  }, [signedOut, me.data, path, pathname, search]);

  if (me.isPending) return <Loading label="Loading Crossgate…" />;
  if (signedOut) return <LoginPage />;
  if (me.error)
    return (
      <main className="centered">
        <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  return (
    <SessionProvider value={me.data}>
      <Layout path={path} />
    </SessionProvider>
  );
}
