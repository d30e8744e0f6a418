import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/**
 * What the server answers for a preview or an import. Its zod schema lives in
 * src/modules/members/import-routes.ts, which the web build cannot read (it pulls in Fastify), so
 * the shape is restated here; keep the two alike.
 */
export type ImportReport = {
  fileName: string;
  /** The spreadsheet row (1-based, as Excel numbers it) that holds the headers. */
  headerRow: number | null;
  columns: { letter: string; header: string; field: string | null }[];
  /** Data rows read below the header (blank rows not counted). */
  rows: number;
  counts: { new: number; updated: number; unchanged: number; invalid: number };
  /** Every problem, by spreadsheet row and column letter ('' when the row as a whole is refused). */
  problems: { row: number; column: string; header: string; message: string }[];
  committed: boolean;
};

export type ImportTake = 'all' | 'valid';
export type ImportInput = { file: File; unitId: number; take?: ImportTake };

/** Checks a spreadsheet against a CĐCS: the column mapping and every problem; writes nothing. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ file, unitId }: ImportInput) =>
      api.upload<ImportReport>('/members/import/preview', file, { unitId, fileName: file.name }),
  });
}

/** Imports it: all rows or none (take=all), or only the rows without problems (take=valid). */
export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, unitId, take = 'all' }: ImportInput) =>
      api.upload<ImportReport>('/members/import', file, { unitId, fileName: file.name, take }),
    onSuccess: async (report) => {
      if (!report.committed) return;
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['members'] }),
        qc.invalidateQueries({ queryKey: ['data-quality'] }),
        qc.invalidateQueries({ queryKey: ['units'] }),
      ]);
    },
  });
}
