// Backups (admin): the backup files, "back up now" (a job to follow), and daily/weekly schedules with retention.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface Backup {
  file: string;
  engine: string;
  format: string;
  createdAt: string;
  bytes: number;
  seconds: number;
  totalRows: number;
  tables: number;
}

export interface BackupSchedule {
  id: string;
  name: string;
  frequency: 'daily' | 'weekly';
  atTime: string;
  weekday: number | null;
  nextRunAt: string;
  lastJobId: string | null;
  active: boolean;
  keep: number | null;
  createdAt: string;
}

export interface BackupJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  error: string | null;
  result: { file?: string; pruned?: string[] } | null;
}

export interface NewScheduleInput {
  name: string;
  frequency: 'daily' | 'weekly';
  atTime: string;
  weekday: number | null;
  keep: number;
}

export const isActive = (j: BackupJob | undefined) => !j || j.status === 'queued' || j.status === 'running';

export function useBackups() {
  return useQuery({ queryKey: ['backups', 'list'], queryFn: ({ signal }) => api.get<{ data: Backup[] }>('/backups', undefined, signal).then((r) => r.data) });
}

export function useBackupSchedules() {
  return useQuery({
    queryKey: ['backups', 'schedules'],
    queryFn: ({ signal }) => api.get<{ data: BackupSchedule[] }>('/backups/schedules', undefined, signal).then((r) => r.data),
  });
}

/** Follows a backup job once a second until it ends. */
export function useBackupJob(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => api.get<BackupJob>(`/jobs/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: (q) => (isActive(q.state.data) ? 1000 : false),
  });
}

export function useStartBackup() {
  return useMutation({ mutationFn: () => api.post<BackupJob>('/backups', {}) });
}

export function useCreateBackupSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ weekday, ...input }: NewScheduleInput) =>
      api.post<BackupSchedule>('/backups/schedules', { ...input, ...(input.frequency === 'weekly' ? { weekday } : {}) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['backups', 'schedules'] }),
  });
}

export function useDeleteBackupSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/backups/schedules/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['backups', 'schedules'] }),
  });
}
