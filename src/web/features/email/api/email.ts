// E-mail API hooks: send from a record, templates, attachments, a message's sanitised HTML, and the admin settings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiErrorFromResponse } from '../../../lib/api-error';
import { currentLocale } from '../../../lib/i18n';

export interface EmailRecord {
  contactId?: string;
  companyId?: string;
  dealId?: string;
  ticketId?: string;
  conversationId?: string;
}
export interface Attachment { id: string; name: string; contentType: string; size: number }
export interface EmailTemplate { id: string; name: string; language: 'en' | 'zh-CN'; subject: string; body: string }
export interface SendEmail extends EmailRecord { to: string[]; cc?: string[]; subject: string; body: string; attachmentIds?: string[] }
export interface SmtpSettings { url?: string | null; host?: string | null; port?: number | null; secure?: boolean; user?: string | null; password?: string | null; fromAddress?: string | null; fromName?: string | null }
export interface SmtpSettingsView extends SmtpSettings { hasPassword: boolean; source: 'settings' | 'environment' | 'none' }
export interface Mailbox { id: string; name: string; address: string; imapHost: string | null; imapPort: number; imapSecure: boolean; imapUser: string | null; hasPassword: boolean; imapMailbox: string; enabled: boolean; lastUid: number; lastPolledAt: string | null; lastError: string | null }

export function useSendEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SendEmail) => api.post<{ messageId: string; conversationId: string; status: string }>('/email/send', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['interactions'] });
      void qc.invalidateQueries({ queryKey: ['conversations'] });
    },
  });
}

/** Uploads the file as the raw body (streamed to disk on the server, size-limited there). */
export async function uploadAttachment(file: File): Promise<Attachment> {
  const res = await fetch(`/api/v1/email/attachments?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json, application/problem+json', 'Accept-Language': currentLocale() },
    body: file,
  });
  if (!res.ok) throw await apiErrorFromResponse(res);
  return (await res.json()) as Attachment;
}

export const useEmailTemplates = () => useQuery({ queryKey: ['email', 'templates'], queryFn: () => api.get<{ data: EmailTemplate[]; variables: string[] }>('/email/templates') });
export const renderTemplate = (id: string, record: EmailRecord) => api.post<{ subject: string; body: string }>(`/email/templates/${id}/render`, record);

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...t }: Omit<EmailTemplate, 'id'> & { id?: string }) => (id ? api.put<EmailTemplate>(`/email/templates/${id}`, t) : api.post<EmailTemplate>('/email/templates', t)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['email', 'templates'] }),
  });
}
export function useDeleteTemplate() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/email/templates/${id}`), onSuccess: () => void qc.invalidateQueries({ queryKey: ['email', 'templates'] }) });
}

export const useMessageHtml = (messageId: string, images: boolean, enabled = true) =>
  useQuery({ queryKey: ['email', 'html', messageId, images], enabled, queryFn: () => api.get<{ html: string | null; blockedImages: number }>(`/email/messages/${messageId}/html`, { images: images ? 'true' : undefined }) });

export const useSmtpSettings = () => useQuery({ queryKey: ['email', 'settings'], queryFn: () => api.get<SmtpSettingsView>('/email/settings') });
export function useSaveSmtpSettings() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (s: SmtpSettings) => api.put<SmtpSettingsView>('/email/settings', s), onSuccess: (v) => qc.setQueryData(['email', 'settings'], v) });
}

export const useMailboxes = () => useQuery({ queryKey: ['email', 'mailboxes'], queryFn: () => api.get<{ data: Mailbox[] }>('/email/mailboxes') });
export function useSaveMailbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...m }: Record<string, unknown> & { id?: string }) => (id ? api.put<Mailbox>(`/email/mailboxes/${id}`, m) : api.post<Mailbox>('/email/mailboxes', m)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['email', 'mailboxes'] }),
  });
}
export function usePollMailbox() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.post<{ fetched: number }>(`/email/mailboxes/${id}/poll`), onSettled: () => void qc.invalidateQueries({ queryKey: ['email', 'mailboxes'] }) });
}
