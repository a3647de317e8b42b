// The conversation store on both engines: a thread is found again by its channel key, a redelivered message is not
// stored twice, an inbound message counts as unread and reopens a resolved conversation, hooks run after commit;
// the raw inbound store keeps what could not be processed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import type { Db } from '../../../core/db/database.js';
import { appendMessage } from './append-message.js';
import { onMessageStored } from './message-hooks.js';
import { InboundRejected, processInbound, registerInboundProcessor, storeInbound } from './inbound-store.js';

let t: TestApp;
let db: Db;
const seen: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  db = (t.app as unknown as { db: Db }).db;
  onMessageStored('test.seen', async (_db, s) => {
    seen.push(s.message.bodyText);
  });
});
afterAll(() => t.close());

describe('appendMessage', () => {
  it('threads by channel key, ignores redeliveries and counts unread', async () => {
    const first = await appendMessage(db, { channelKind: 'email', externalThreadId: '<root@x>', subject: 'Refund' }, { direction: 'in', authorKind: 'contact', bodyText: 'Where is my refund?', externalId: '<root@x>' });
    expect(first.conversationCreated).toBe(true);
    const again = await appendMessage(db, { channelKind: 'email', externalThreadId: '<root@x>' }, { direction: 'in', authorKind: 'contact', bodyText: 'Where is my refund?', externalId: '<root@x>' });
    expect(again.stored).toBe(false);
    expect(again.conversation.id).toBe(first.conversation.id);
    await db.kysely.updateTable('conversations').set({ status: 'resolved' }).where('id', '=', first.conversation.id).execute();
    const reply = await appendMessage(db, { channelKind: 'email', externalThreadId: '<root@x>' }, { direction: 'in', authorKind: 'contact', bodyText: 'Still  nothing.\n', externalId: '<two@x>' });
    expect(reply.conversation.id).toBe(first.conversation.id);
    const conv = await db.kysely.selectFrom('conversations').selectAll().where('id', '=', first.conversation.id).executeTakeFirstOrThrow();
    expect(conv).toMatchObject({ status: 'open', unreadCount: 2, lastMessagePreview: 'Still nothing.' });
    const events = await db.kysely.selectFrom('outbox').select('type').where('entityId', '=', conv.id).execute();
    expect(events.map((e) => e.type).sort()).toEqual(['conversation.created', 'message.received', 'message.received']);
    expect(seen.filter((s) => s === 'Where is my refund?')).toHaveLength(1);
  });

  it('a private note changes neither the preview nor the unread count', async () => {
    const c = await appendMessage(db, { channelKind: 'chat', visitorId: 'v1' }, { direction: 'in', authorKind: 'contact', bodyText: 'hello' });
    const note = await appendMessage(db, { channelKind: 'chat', conversationId: c.conversation.id }, { direction: 'out', authorKind: 'agent', bodyText: 'VIP, be nice', private: true });
    expect(note.conversation).toMatchObject({ lastMessagePreview: 'hello', unreadCount: 1 });
  });
});

describe('inbound store', () => {
  it('keeps rejected input with its reason and retries transient failures', async () => {
    let calls = 0;
    registerInboundProcessor('test.flaky', async () => {
      calls++;
      if (calls === 1) throw new Error('database hiccup');
    });
    registerInboundProcessor('test.bad', async () => {
      throw new InboundRejected('Not valid JSON.');
    });
    const flaky = await storeInbound(db, 'test.flaky', null, '{}');
    expect(await processInbound(db, flaky)).toEqual({ state: 'pending', error: 'database hiccup' });
    expect(await processInbound(db, flaky)).toEqual({ state: 'done', error: null });
    const bad = await storeInbound(db, 'test.bad', null, '{oops');
    expect(await processInbound(db, bad)).toEqual({ state: 'rejected', error: 'Not valid JSON.' });
    const row = await db.kysely.selectFrom('inbound_raw').selectAll().where('id', '=', bad).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ payload: '{oops', state: 'rejected', attempts: 1 });
  });
});
