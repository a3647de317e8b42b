// The outgoing mail queue: a message is written in the transaction that decides to send it and sent by the worker.
export interface MailOutboxTable {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  /** queued → sending → sent; failed after the last attempt. */
  status: string;
  attempts: number;
  nextAttemptAt: string;
  /** A sender that died mid-send leaves the row 'sending' until this passes; then it is tried again. */
  lockedUntil: string | null;
  lastError: string | null;
  /** What the mail is about (task.reminder, …), for operators reading the queue. */
  kind: string;
  createdAt: string;
  sentAt: string | null;
  /** Overrides the configured sender (null: the organisation's From). */
  fromAddress: string | null;
  /** Comma-separated cc addresses. */
  cc: string | null;
  html: string | null;
  /** JSON { messageId, inReplyTo, references } for threading (null: plain notification mail). */
  headers: string | null;
  /** JSON array of { filename, path (under the data dir), contentType }. */
  attachments: string | null;
  /** The Message-ID sent. */
  messageId: string | null;
  /** What this mail delivers (a conversation message id); outcome hooks of its kind are told. */
  refId: string | null;
}

