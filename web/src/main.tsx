import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { onSessionExpired, rememberCsrfToken } from './api/api-client.ts';
import { isApiError } from './api/api-error.ts';
import { meQuery } from './auth/session-query.ts';
import { createAppRouter } from './router.tsx';
import { ToastProvider } from './ui/toast.tsx';
import './styles/tokens.css';
import './styles/base.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused request (4xx) will be refused again; only network and server failures are retried.
      retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});
const router = createAppRouter(queryClient);

// A 401 while signed in means the session ended (idle, expired, signed out elsewhere): back to
// sign-in, then here again. Without a session loaded, the signed-in layout redirects by itself.
onSessionExpired(() => {
  if (queryClient.getQueryData(meQuery.queryKey) === undefined) return;
  const location = router.state.location;
  if (location.pathname === '/sign-in') return;
  rememberCsrfToken(null);
  void router.navigate({ to: '/sign-in', search: { next: location.href, expired: true } }).then(() => queryClient.clear());
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
