import { useMutation, useQueryClient } from '@tanstack/react-query';

/** A change to the tree: on success every unit view (tree, search, pages) is refetched. */
export function useUnitWrite<TInput, TResult>(
  write: (input: TInput) => Promise<TResult>,
  onDone: (result: TResult) => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      await qc.invalidateQueries({ queryKey: ['units'] });
      onDone(result);
    },
  });
}
