// Placeholder replaced by the demo seed; see seed-demo implementation.
import type { Db } from '../core/db/database.js';
export async function seedDemo(_db: Db): Promise<string> {
  throw new Error('the demo seed is being written');
}
