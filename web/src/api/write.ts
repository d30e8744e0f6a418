import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A write to the server. On success every view whose query key begins with one of `refetch` is
 * refetched, then `onDone` gets the answer; `refetchOnError` names views that a refusal may have
 * shown to be stale (e.g. a request another officer dealt with meanwhile).
 */
export function useWrite<TInput, TResult>(
  refetch: readonly string[],
  write: (input: TInput) => Promise<TResult>,
  onDone?: (result: TResult) => void,
  refetchOnError?: readonly string[],
) {
  const qc = useQueryClient();
  const refresh = (keys: readonly string[]) => Promise.all(keys.map((k) => qc.invalidateQueries({ queryKey: [k] })));
  return useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      await refresh(refetch);
      onDone?.(result);
    },
    ...(refetchOnError ? { onError: () => refresh(refetchOnError) } : {}),
  });
}
