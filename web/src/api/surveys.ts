import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createSurveyBody,
  QuestionKind,
  SurveyResults,
  SurveySummary,
} from '../../../src/modules/surveys/schema.ts';
import { api } from './client.ts';

export type { QuestionKind, SurveyResults, SurveySummary };
export type CreateSurveyBody = z.input<typeof createSurveyBody>;

/** Surveys run by a unit and the units under it (the caller's whole scope without one). */
export function useSurveys(unitId: number | null) {
  return useQuery({
    queryKey: ['surveys', 'list', unitId],
    queryFn: () => api.get<{ items: SurveySummary[] }>('/surveys', { unitId }),
    placeholderData: (prev) => prev,
  });
}

export function useSurveyResults(id: number) {
  return useQuery({
    queryKey: ['surveys', 'results', id],
    queryFn: () => api.get<SurveyResults>(`/surveys/${id}/results`),
  });
}

export const createSurvey = (input: CreateSurveyBody) => api.post<SurveyResults>('/surveys', input);
export const closeSurvey = (id: number) => api.post<SurveyResults>(`/surveys/${id}/close`);
