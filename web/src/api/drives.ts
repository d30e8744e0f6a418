import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assignableSchema,
  boardSchema,
  ContactInput,
  contactBody,
  DriveDetail,
  DriveStage,
  DriveSummary,
  openDriveBody,
  RecogniseInput,
  recogniseBody,
  StageInput,
} from '../../../src/modules/drives/schema.ts';
import { ApiError, api, refreshCsrf, storedLang } from './client.ts';
import type { Application } from './types.ts';

export type { ContactInput, DriveDetail, DriveStage, DriveSummary, RecogniseInput, StageInput };
export type Board = z.infer<typeof boardSchema>;
export type Assignable = z.infer<typeof assignableSchema>;
export type OpenDriveBody = z.input<typeof openDriveBody>;
export type ContactBody = z.input<typeof contactBody>;
export type RecogniseBody = z.input<typeof recogniseBody>;
export type Recognised = DriveDetail & { recognised: { unitId: number; code: string; founders: number } };

export type BoardFilter = {
  under?: number;
  status: 'active' | 'recognised' | 'abandoned' | 'all';
  stalledDays: number;
  q?: string;
};

export function useBoard(filter: BoardFilter) {
  return useQuery({
    queryKey: ['drives', 'board', filter],
    queryFn: () => api.get<Board>('/drives', { ...filter, limit: 500 }),
    placeholderData: (prev) => prev,
  });
}

export function useDrive(id: number, stalledDays?: number) {
  return useQuery({
    queryKey: ['drives', 'detail', id, stalledDays ?? null],
    queryFn: () => api.get<DriveDetail>(`/drives/${id}`, { stalledDays }),
  });
}

export function useAssignable(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['drives', 'assignable', id],
    queryFn: () => api.get<Assignable>(`/drives/${id}/assignable`),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Joining applications filed under the union running the drive: candidates for founders. */
export function useFounderApplications(upperUnionId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', 'list', { under: upperUnionId, founders: true }],
    queryFn: () => api.get<Application[]>('/applications', { under: upperUnionId, limit: 500 }),
    enabled,
  });
}

/**
 * A change to a drive: the board, the drive, and what recognition changes (the enterprise register,
 * coverage, units, members, applications) are refetched after it.
 */
export function useDriveWrite<TInput, TResult>(
  write: (input: TInput) => Promise<TResult>,
  onDone?: (result: TResult) => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      await Promise.all(
        ['drives', 'enterprises', 'coverage', 'units', 'members', 'applications'].map((k) =>
          qc.invalidateQueries({ queryKey: [k] }),
        ),
      );
      onDone?.(result);
    },
  });
}

export const openDrive = (input: OpenDriveBody) => api.post<DriveDetail>('/drives', input);
export const moveStage = (id: number, input: StageInput) => api.post<DriveDetail>(`/drives/${id}/stage`, input);
export const logContact = (id: number, input: ContactBody) => api.post<DriveDetail>(`/drives/${id}/contacts`, input);
export const abandonDrive = (id: number, input: { onDate: string; reason: string }) =>
  api.post<DriveDetail>(`/drives/${id}/abandon`, input);
export const recogniseDrive = (id: number, input: RecogniseBody) =>
  api.post<Recognised>(`/drives/${id}/recognise`, input);
export const setAssignees = (id: number, userIds: number[]) =>
  fetchJson<DriveDetail>('PUT', `/drives/${id}/assignees`, { userIds });

export const documentUrl = (driveId: number, documentId: number) => `/api/v1/drives/${driveId}/documents/${documentId}`;

/**
 * Attaches a file: sent as it is with its own type, so a download opens as a PDF or an image.
 * JSON and text bodies would be parsed by the server as such, so those go as plain bytes.
 */
export function uploadDocument(id: number, input: { file: File; title: string; stage?: DriveStage }) {
  const type = input.file.type;
  const raw = !type || type.startsWith('text/') || type.includes('json');
  const params = new URLSearchParams({ title: input.title, fileName: input.file.name });
  if (input.stage) params.set('stage', input.stage);
  return fetchJson<{ id: number }>(
    'POST',
    `/drives/${id}/documents?${params}`,
    input.file,
    raw ? 'application/octet-stream' : type,
  );
}

/** For the writes the shared client has no verb or body type for (PUT; a file with its own type). */
async function fetchJson<T>(method: string, path: string, body: unknown, type = 'application/json'): Promise<T> {
  const send = async (token: string) =>
    fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        'Content-Type': type,
        Accept: 'application/json',
        'Accept-Language': storedLang() ?? 'vi',
        'x-csrf-token': token,
      },
      body: body instanceof Blob ? body : JSON.stringify(body),
    });
  let res = await send(await refreshCsrf());
  if (res.status === 403) res = await send(await refreshCsrf());
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (e.g. a proxy error page): keep the status only
  }
  if (!res.ok) throw new ApiError(res.status, (json ?? {}) as object);
  return json as T;
}
