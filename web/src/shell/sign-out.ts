import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { api, dataOf, rememberCsrfToken } from '../api/api-client.ts';

/** Ends the session on the server, forgets everything loaded for this user and goes to sign-in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: () => dataOf(api.POST('/api/auth/sign-out')),
    onSuccess: async () => {
      rememberCsrfToken(null);
      await router.navigate({ to: '/sign-in', search: {} });
      queryClient.clear();
    },
  });
}
