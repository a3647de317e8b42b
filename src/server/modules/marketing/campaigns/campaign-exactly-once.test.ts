// Exactly once across kill -9, on both engines: `rapport worker` processes send a campaign to a real SMTP peer that
// counts messages. The first worker is killed while the peer holds its "250" for a message it already has (the row is
// 'committing'), the second while the peer holds RCPT TO (the row is 'sending', no data sent), a third finishes.
// Every recipient has exactly one message: the committing row is not sent again, the sending row is.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../../../test/smtp-peer.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { addContact, api, newCampaign, tagSegment } from './campaign-test-support.js';

const RECIPIENTS = 30;
const root = path.join(import.meta.dirname, '../../../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-campaign-kill-'));
let t: TestApp;
let peer: SmtpPeer;
const children: ChildProcess[] = [];

// The peer stalls on the 10th message's acceptance and on the RCPT of the 20th address until the test lets go.
const holds = { accept: 10, rcpt: 'person20@kill.test' };
let released = false;
let stalled: 'accept' | 'rcpt' | null = null;
const hold = (what: 'accept' | 'rcpt') => {
  stalled = what;
  return new Promise<void>((resolve) => {
    const wait = () => (released ? resolve() : setTimeout(wait, 20));
    wait();
  });
};

function worker(): { child: ChildProcess; output: () => string } {
  const child = spawn('node', ['bin/rapport.mjs', 'worker'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: t.databaseUrl, RAPPORT_DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${peer.port}`, RAPPORT_JOB_LOCK_MS: '1000', RAPPORT_OUTBOUND_ALLOW: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  children.push(child);
  return { child, output: () => out };
}
const until = async (what: string, ok: () => Promise<boolean> | boolean, ms = 90_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await ok()) return;
  throw new Error(`timed out waiting for ${what}`);
};
const killed = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

beforeAll(async () => {
  peer = await startSmtpPeer({
    beforeAccept: async (n) => (n === holds.accept && !released ? hold('accept') : undefined),
    beforeRcpt: async (address) => (address === holds.rcpt && !released ? hold('rcpt') : undefined),
  });
  t = await startTestApp();
  for (let i = 1; i <= RECIPIENTS; i++) await addContact(t, 'kill', { givenName: `P${i}`, displayName: `Person ${i}` }, `person${i}@kill.test`, 'granted');
}, 120_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await t.close();
  await peer.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const rows = (campaignId: string) => t.app.db.kysely.selectFrom('campaignRecipients').select(['email', 'status', 'uncertain']).where('campaignId', '=', campaignId).execute();

describe('a campaign send killed with SIGKILL', () => {
  it('delivers to every recipient exactly once after two kills and restarts', async () => {
    const segmentId = await tagSegment(t, 'kill');
    const campaignId = await newCampaign(t, segmentId, { throttlePerMinute: 1200 });
    expect((await api(t, 'POST', `/campaigns/${campaignId}/schedule`, {})).status).toBe(200);

    // 1. Killed with the 10th message at the peer and its "250" not yet given: the row waits in 'committing'.
    const first = worker();
    await until('the peer to hold the 10th message', () => stalled === 'accept');
    first.child.kill('SIGKILL');
    await killed(first.child);
    expect(peer.received).toHaveLength(10);
    expect((await rows(campaignId)).filter((r) => r.status === 'committing')).toHaveLength(1);
    stalled = null;

    // 2. A new worker resumes (after the dead one's job lock expires) and is killed in RCPT TO of person20.
    released = false;
    holds.accept = -1;
    const second = worker();
    await until('the peer to hold RCPT TO of person20', () => stalled === 'rcpt');
    second.child.kill('SIGKILL');
    await killed(second.child);
    const mid = await rows(campaignId);
    expect(mid.filter((r) => r.status === 'sending').map((r) => r.email)).toEqual([holds.rcpt]);
    expect(mid.filter((r) => r.status === 'committing')).toHaveLength(0);
    released = true;

    // 3. A third worker finishes the send.
    const third = worker();
    await until('the campaign to be sent', async () => (await t.app.db.kysely.selectFrom('campaigns').select('status').where('id', '=', campaignId).executeTakeFirstOrThrow()).status === 'sent');
    third.child.kill('SIGTERM');
    await killed(third.child);

    const perAddress = new Map<string, number>();
    for (const m of peer.received) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(perAddress.size).toBe(RECIPIENTS);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect(peer.received).toHaveLength(RECIPIENTS);
    const end = await rows(campaignId);
    expect(end.every((r) => r.status === 'sent')).toBe(true);
    expect(end.filter((r) => r.uncertain === 1)).toHaveLength(1); // the 10th: sent, but the 250 never came back
    for (const w of [first, second, third]) expect(w.output()).not.toMatch(/background job failed/);
  }, 240_000);
});
