// After-commit hooks on a stored message: real-time fan-out, routing, sentiment and the bot register here, so the
// channels (e-mail, widget, IM, phone) only store and never know who reacts.
import type { Db } from '../../../core/db/database.js';
import type { ConversationsTable, MessagesTable } from '../tables.js';

export interface StoredMessage {
  message: MessagesTable;
  conversation: ConversationsTable;
  /** True when the conversation was created by this message. */
  conversationCreated: boolean;
}

export type MessageHook = (db: Db, stored: StoredMessage) => Promise<void>;

const hooks: { name: string; run: MessageHook }[] = [];

/** Registers a reaction to every stored message; a later registration with the same name replaces the earlier. */
export function onMessageStored(name: string, run: MessageHook): void {
  const at = hooks.findIndex((h) => h.name === name);
  if (at >= 0) hooks[at] = { name, run };
  else hooks.push({ name, run });
}

/** Runs every hook; one hook's failure is logged and does not stop the others (the message is already stored). */
export async function runMessageHooks(db: Db, stored: StoredMessage, log?: (err: unknown, hook: string) => void): Promise<void> {
  for (const h of hooks) {
    try {
      await h.run(db, stored);
    } catch (err) {
      (log ?? ((e, name) => console.error(`message hook ${name} failed`, e)))(err, h.name);
    }
  }
}
