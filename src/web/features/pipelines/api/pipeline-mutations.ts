// Create, change (name, default, the ordered stages) and delete pipelines; the board and pickers refetch after.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Pipeline, Stage } from '../../deals';

export interface StageInput {
  /** Present for stages that already exist (they keep their deals). */
  id?: string;
  name: string;
  probability: number;
  kind: Stage['kind'];
}

export interface PipelineInput {
  name: string;
  stages: StageInput[];
}

function usePipelineMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pipelines'] });
      void qc.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}

export const useCreatePipeline = () => usePipelineMutation((input: PipelineInput) => api.post<Pipeline>('/pipelines', input));
export const useUpdatePipeline = () =>
  usePipelineMutation(({ id, ...patch }: Partial<PipelineInput> & { id: string; isDefault?: true }) => api.patch<Pipeline>(`/pipelines/${id}`, patch));
export const useDeletePipeline = () => usePipelineMutation((id: string) => api.delete(`/pipelines/${id}`));
