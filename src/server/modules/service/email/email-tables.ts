// Tables of the e-mail part: templates for the composer and the files attached to mail (uploads and inbound).
export interface EmailTemplatesTable {
  id: string;
  name: string;
  /** 'en' or 'zh-CN': the composer offers the ones in the user's language first. */
  language: string;
  subject: string;
  /** Plain text with {{contact.displayName}}-style variables. */
  body: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A file kept under the data dir (email/…): an upload waiting to be sent, or an attachment of a sent/received message. */
export interface EmailFilesTable {
  id: string;
  name: string;
  contentType: string;
  size: number;
  /** Relative to the data dir. */
  path: string;
  /** The message it belongs to (null: uploaded, not sent yet). */
  messageId: string | null;
  /** The user who uploaded it (null: received). */
  uploadedBy: string | null;
  createdAt: string;
}

export interface EmailTables {
  email_templates: EmailTemplatesTable;
  email_files: EmailFilesTable;
}
