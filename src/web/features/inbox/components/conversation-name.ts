// The name an agent sees for a conversation: the contact (when visible), else what the visitor gave, else a label.
import type { Conversation } from '../api/inbox';

export const conversationName = (c: Conversation, fallback: string): string => c.contactName ?? c.visitorName ?? c.visitorEmail ?? c.subject ?? fallback;
