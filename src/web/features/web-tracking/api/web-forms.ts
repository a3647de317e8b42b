// Embeddable forms (admin): the builder's CRUD, whether mail is set up for double opt-in, and the submissions.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface FormField {
  key: string;
  label: string;
  required: boolean;
}
export interface WebForm {
  id: string;
  name: string;
  siteId: string | null;
  fields: FormField[];
  consentText: string | null;
  doubleOptIn: boolean;
  language: 'en' | 'zh-CN';
  submitLabel: string;
  successMessage: string;
  enabled: boolean;
  createdAt: string;
  submissions: number;
}
export type WebFormInput = Omit<WebForm, 'id' | 'createdAt' | 'submissions' | 'submitLabel' | 'successMessage'> & { submitLabel?: string; successMessage?: string };
export interface Submission {
  id: string;
  status: 'received' | 'processing' | 'processed' | 'spam' | 'failed';
  fields: Record<string, string>;
  consent: boolean;
  utm: Record<string, string> | null;
  pageUrl: string | null;
  contactId: string | null;
  contactName: string | null;
  error: string | null;
  receivedAt: string;
  confirmedAt: string | null;
}

export const BUILTIN_FIELDS = ['email', 'name', 'givenName', 'familyName', 'phone', 'company', 'title', 'message'] as const;
const KEY = ['web-forms'];

export function useWebForms() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ data: WebForm[]; mailConfigured: boolean }>('/web-forms', undefined, signal) });
}

/** A form as every user sees it (GET /web-forms/directory): enough for the journey trigger's picker. */
export interface WebFormName {
  id: string;
  name: string;
  enabled: boolean;
}

/** The forms' names for pickers; under the builder's key, so saving or deleting a form refreshes them. */
export function useWebFormDirectory() {
  return useQuery({ queryKey: [...KEY, 'directory'], queryFn: ({ signal }) => api.get<{ data: WebFormName[] }>('/web-forms/directory', undefined, signal).then((r) => r.data) });
}

export function useSaveWebForm(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<WebFormInput>) => (id ? api.patch<WebForm>(`/web-forms/${id}`, input) : api.post<WebForm>('/web-forms', input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteWebForm() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/web-forms/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export function useSubmissions(formId: string | null) {
  return useInfiniteQuery({
    queryKey: [...KEY, formId, 'submissions'],
    enabled: formId !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<{ data: Submission[]; nextCursor: string | null }>(`/web-forms/${formId}/submissions`, { limit: 25, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The script embed: the form renders where the <div> is (the tracking snippet's script; no site key needed). */
export const scriptEmbed = (formId: string, siteKey?: string) =>
  `<div data-rapport-form="${formId}"></div>\n<script src="${window.location.origin}/t/rapport.js"${siteKey ? ` data-site="${siteKey}"` : ''} async></script>`;

export const iframeEmbed = (formId: string) => `<iframe src="${window.location.origin}/f/${formId}" title="Form" style="width:100%;max-width:520px;height:560px;border:0"></iframe>`;
