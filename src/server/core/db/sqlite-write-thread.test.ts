import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database.js';
import { writeThreadOf } from './sqlite-write-thread.js';

// Engine-independent (it is SQLite's own machinery): run once, in the SQLite project.
describe.runIf(process.env.RAPPORT_TEST_DB !== 'postgres')('SQLite write thread', () => {
  let dir: string;
  let db: Db;
  const insert = (id: string) => (db.kysely as any).insertInto('items').values({ id, note: `n-${id}` }).compile();
  const ids = async () => (await sql<{ id: string }>`select id from items order by id`.execute(db.kysely)).rows.map((r) => r.id);

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rapport-write-thread-'));
    db = openDatabase(`sqlite:${path.join(dir, 'w.db')}`);
    await sql`create table items (id text primary key, note text not null)`.execute(db.kysely);
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs Kysely-compiled statements in one transaction, visible to the main connection once it resolves', async () => {
    await writeThreadOf(db)!.run([insert('a'), insert('b')]);
    expect(await ids()).toEqual(['a', 'b']);
  });

  it('rolls the whole call back when one statement fails, and says why', async () => {
    await writeThreadOf(db)!.run([insert('a')]);
    await expect(writeThreadOf(db)!.run([insert('b'), insert('a')])).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await ids()).toEqual(['a']);
    await writeThreadOf(db)!.run([insert('c')]);
    expect(await ids()).toEqual(['a', 'c']);
  });

  it('waits for another connection’s write lock without blocking the event loop', async () => {
    db.sqlite!.prepare('begin immediate').run();
    db.sqlite!.prepare("insert into items (id, note) values ('first', 'x')").run();
    const write = writeThreadOf(db)!.run([insert('second')]);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await new Promise((r) => setTimeout(r, 150));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
    db.sqlite!.prepare('commit').run();
    await write;
    expect(await ids()).toEqual(['first', 'second']);
  });

  it('lets handed-over writes commit on close, then refuses new ones', async () => {
    const thread = writeThreadOf(db)!;
    const pending = thread.run(Array.from({ length: 500 }, (_, i) => insert(`r${String(i).padStart(3, '0')}`)));
    await thread.close();
    await pending;
    await expect(thread.run([insert('late')])).rejects.toThrow(/closed/);
    expect((await ids()).length).toBe(500);
  });

  it('is absent for in-memory SQLite', async () => {
    const mem = openDatabase('sqlite::memory:');
    expect(writeThreadOf(mem)).toBeNull();
    await mem.close();
  });
});
