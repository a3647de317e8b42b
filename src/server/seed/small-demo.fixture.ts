// Test fixture, run as its own process: the demo seed at a small size (what `rapport seed --demo` does, minus the
// minutes), which SIGKILLs itself at the progress line named by CRASH_AT, to stand for a seed that died half-way.
import { loadConfig } from '../core/config.js';
import { openDatabase } from '../core/db/database.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { migrationSets } from '../modules.js';
import { seedDemo } from './seed-demo.js';

const db = openDatabase(loadConfig().databaseUrl);
await migrateToLatest(db, migrationSets);
const crashAt = process.env.CRASH_AT;
const log = (line: string) => {
  if (crashAt && line.includes(crashAt)) process.kill(process.pid, 'SIGKILL');
};
console.log(await seedDemo(db, { companies: 30, contacts: 300, log }));
await db.close();
