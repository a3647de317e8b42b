// Tells every server process that a user's logins changed (logout, deactivation, new role or team), so long-lived
// connections such as the inbox's WebSocket check their session again at once instead of at their next periodic check.
import type { Db } from '../db/database.js';
import { publish } from '../realtime/realtime.js';

export const SESSIONS_TOPIC = 'auth.sessions';

export interface SessionChange {
  userId: string;
}

/** Best effort: a failed announcement is caught by the connections' periodic check. */
export async function announceSessionChange(db: Db, userId: string): Promise<void> {
  try {
    await publish(db, SESSIONS_TOPIC, { userId } satisfies SessionChange);
  } catch (err) {
    console.error('session change announcement failed', err);
  }
}
