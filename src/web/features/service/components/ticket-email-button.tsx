// The ticket page's e-mail composer: addressed to the requester (when the agent may see them), the subject naming the
// ticket; the mail joins the ticket's e-mail conversation and its timeline.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { EmailComposerButton } from '../../email';
import type { Ticket } from '../api/tickets';

export function TicketEmailButton({ ticket }: { ticket: Ticket }) {
  const requester = ticket.contactId && ticket.contactName ? ticket.contactId : null;
  const contact = useQuery({
    queryKey: ['ticket-requester', requester],
    queryFn: ({ signal }) => api.get<{ emails: string[] }>(`/contacts/${requester}`, undefined, signal),
    enabled: requester !== null,
    staleTime: 60_000,
  });
  return <EmailComposerButton record={{ ticketId: ticket.id }} defaultTo={contact.data?.emails.slice(0, 1)} defaultSubject={`[#${ticket.number}] ${ticket.subject}`} />;
}
