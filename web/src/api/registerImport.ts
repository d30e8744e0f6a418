import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegisterSource } from '../../../src/modules/enterprises/schema.ts';
import { api } from './client.ts';
import { invalidateEnterprises } from './enterprises.ts';

export type { RegisterSource };

type Problem = { row: number; column: string; header: string; message: string };

/**
 * What the server answers for a register extract's preview or import. Its zod schema lives in
 * src/modules/enterprises/import-routes.ts, which the web build cannot read (it pulls in Fastify),
 * so the shape is restated here; keep the two alike.
 */
export type ExtractReport = {
  fileName: string;
  source: RegisterSource;
  /** The day the extract speaks of. */
  asOf: string;
  headerRow: number | null;
  columns: { letter: string; header: string; field: string | null }[];
  rows: number;
  counts: {
    new: number;
    updated: number;
    unchanged: number;
    invalid: number;
    /** Rows of enterprises another unit is in charge of: left untouched. */
    outOfScope: number;
    /** Conflicts raised for a person to decide. */
    conflicts: number;
  };
  problems: Problem[];
  warnings: Problem[];
  committed: boolean;
  importId: number | null;
  /** The conflicts the file raises (the first 200): what a person will be asked to decide. */
  conflicts: {
    taxCode: string;
    name: string;
    kind: string;
    field: string;
    ourValue: unknown;
    registerValue: unknown;
  }[];
};

export type ExtractTake = 'all' | 'valid';
export type ExtractInput = {
  file: File;
  source: RegisterSource;
  asOf: string;
  /** Upper union for new enterprises whose place names none (the caller's unit when left out). */
  unitId?: number | undefined;
  take?: ExtractTake;
};

const query = ({ file, source, asOf, unitId }: ExtractInput) => ({ source, asOf, unitId, fileName: file.name });

/** Checks an extract: columns found, what would change, conflicts it would raise, problems; writes nothing. */
export function usePreviewExtract() {
  return useMutation({
    mutationFn: (input: ExtractInput) =>
      api.upload<ExtractReport>('/enterprises/import/preview', input.file, query(input)),
  });
}

/** Imports it: all rows or none (take=all), or only the rows without problems (take=valid). */
export function useCommitExtract() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ExtractInput) =>
      api.upload<ExtractReport>('/enterprises/import', input.file, { ...query(input), take: input.take ?? 'all' }),
    onSuccess: async (report) => {
      if (report.committed) await invalidateEnterprises(qc);
    },
  });
}
