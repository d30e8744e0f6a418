import { useMutation, useQueryClient } from '@tanstack/react-query';

/** A change to the tree: on success every unit view (tree, search, pages) is refetched. */
export function useUnitWrite<TInput>(write: (input: TInput) => Promise<unknown>, onDone: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['units'] });
      onDone();
    },
  });
}
