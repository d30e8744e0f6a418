import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createReportBody,
  Figures,
  ReportDetail,
  ReportKind,
  ReportSummary,
  Submissions,
  UpdateReportInput,
} from '../../../src/modules/reports/schema.ts';
import { api } from './client.ts';

export type { Figures, ReportDetail, ReportKind, ReportSummary, Submissions, UpdateReportInput };
export type CreateReportBody = z.input<typeof createReportBody>;

export type ReportFilter = { unitId?: number; kind?: ReportKind; year?: number };
export type Period = { kind: ReportKind; periodFrom: string; periodTo: string };

export function useReports(filter: ReportFilter) {
  return useQuery({
    queryKey: ['reports', 'list', filter],
    queryFn: () => api.get<{ items: ReportSummary[] }>('/reports', filter),
    placeholderData: (prev) => prev,
  });
}

export function useReport(id: number) {
  return useQuery({ queryKey: ['reports', 'detail', id], queryFn: () => api.get<ReportDetail>(`/reports/${id}`) });
}

/** Which sub-units of a unit have sent their report for the period (null: no unit or period chosen). */
export function useSubmissions(unitId: number | null, period: Period | null) {
  return useQuery({
    queryKey: ['reports', 'submissions', unitId, period],
    queryFn: () => api.get<Submissions>('/reports/submissions', { unitId, ...period }),
    enabled: unitId !== null && period !== null,
  });
}

export const createReport = (input: CreateReportBody) => api.post<ReportDetail>('/reports', input);
export const updateReport = (id: number, input: UpdateReportInput) => api.patch<ReportDetail>(`/reports/${id}`, input);
export const submitReport = (id: number) => api.post<ReportDetail>(`/reports/${id}/submit`);
export const correctReport = (id: number) => api.post<ReportDetail>(`/reports/${id}/correct`);
export const reportFileUrl = (id: number, ext: 'xlsx' | 'pdf') => `/api/v1/reports/${id}.${ext}`;

/** The days a 6-month or annual report covers, as the server computes them. */
export function periodOf(kind: ReportKind, year: number, half: 1 | 2, from: string, to: string): Period | null {
  if (kind === 'annual') return { kind, periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` };
  if (kind === 'six_month')
    return half === 1
      ? { kind, periodFrom: `${year}-01-01`, periodTo: `${year}-06-30` }
      : { kind, periodFrom: `${year}-07-01`, periodTo: `${year}-12-31` };
  return from && to && from <= to ? { kind, periodFrom: from, periodTo: to } : null;
}
