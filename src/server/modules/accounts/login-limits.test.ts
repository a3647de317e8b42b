// Login limits over HTTP (the probe of issue 8): parallel guesses, lockout by strangers, backoff, admin unlock,
// password spraying, and the same argon2 work for unknown emails. Client addresses come from app.inject's remoteAddress.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { passwordVerifications } from '../../core/auth/password.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { limitAddress, loginLimits } from './login-limits.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const PASSWORD = 'correct-horse-1';
let n = 0;
async function newUser(role = 'sales') {
  const email = `limit-${++n}@example.com`;
  const res = await t.json('POST', '/api/v1/users', t.admin, { email, name: `Limit ${n}`, password: PASSWORD, role });
  expect(res.status).toBe(201);
  return { email, id: res.body.id as string };
}
async function attempt(email: string, password: string, remoteAddress: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password } });
  return { status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] };
}

describe('parallel guesses', () => {
  it('checks at most 5 passwords of a burst of 50, and the right one late in the burst does not log in', async () => {
    const { email } = await newUser();
    const before = passwordVerifications();
    const burst = Array.from({ length: 50 }, (_, i) => attempt(email, i === 49 ? PASSWORD : `wrong-${i}`, '198.51.100.10'));
    const results = await Promise.all(burst);
    const checked = passwordVerifications() - before;
    expect(checked).toBe(loginLimits.pair.limit); // exactly the pair budget, however the 50 interleave
    expect(results.filter((r) => r.status === 401).length).toBe(checked);
    expect(results.filter((r) => r.status === 429).length).toBe(50 - checked);
    expect(results[49]!.status).toBe(429);
    // The lock holds afterwards too: the right password from that address is refused without being checked.
    const after = passwordVerifications();
    expect((await attempt(email, PASSWORD, '198.51.100.10')).status).toBe(429);
    expect(passwordVerifications()).toBe(after);
  });
});

describe('a stranger cannot lock a colleague out', () => {
  it('failures from address A do not lock the user logging in from address B', async () => {
    const { email } = await newUser();
    expect((await attempt(email, PASSWORD, '192.0.2.20')).status).toBe(200); // B is where the user works
    for (let i = 0; i < 12; i++) await attempt(email, `guess-${i}`, '203.0.113.66');
    const locked = await attempt(email, PASSWORD, '203.0.113.66');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ status: 429, detail: expect.stringMatching(/^Too many failed logins; try again in \d+ minutes?$/) });
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect((await attempt(email, PASSWORD, '192.0.2.20')).status).toBe(200);
  });

  it('many addresses exhaust the account-wide budget for new addresses only; an address that logged in before is exempt', async () => {
    const { email } = await newUser();
    expect((await attempt(email, PASSWORD, '192.0.2.30')).status).toBe(200);
    for (let i = 0; i < loginLimits.account.limit; i++) expect((await attempt(email, 'nope', `198.18.0.${i + 1}`)).status).toBe(401);
    const before = passwordVerifications();
    expect((await attempt(email, PASSWORD, '198.18.1.1')).status).toBe(429); // a new address, even with the right password
    expect(passwordVerifications()).toBe(before);
    expect((await attempt(email, PASSWORD, '192.0.2.30')).status).toBe(200); // the user's usual address
  });
});

describe('backoff', () => {
  afterEach(() => vi.useRealTimers());

  it('locks for 1, then 2, then 4 minutes, one try between locks; the right password starts the count afresh', async () => {
    const { email } = await newUser();
    vi.useFakeTimers({ toFake: ['Date'] }); // only the clock: sessions and the database keep real timers
    vi.setSystemTime(Date.now());
    const ip = '198.51.100.77';
    for (let i = 0; i < 5; i++) expect((await attempt(email, 'bad', ip)).status).toBe(401);
    const waits: string[] = [];
    for (const minutes of [1, 2, 4]) {
      const refused = await attempt(email, 'bad', ip);
      expect(refused.status).toBe(429);
      waits.push(refused.body.detail);
      expect(Number(refused.retryAfter)).toBe(minutes * 60);
      vi.setSystemTime(Date.now() + minutes * 60_000 - 1000);
      expect((await attempt(email, PASSWORD, ip)).status).toBe(429); // still locked: not checked
      vi.setSystemTime(Date.now() + 1001);
      expect((await attempt(email, 'bad', ip)).status).toBe(401); // the one try after a lock
    }
    expect(waits).toEqual(['Too many failed logins; try again in 1 minute', 'Too many failed logins; try again in 2 minutes', 'Too many failed logins; try again in 4 minutes']);
    const next = await attempt(email, 'bad', ip);
    expect(next.body.detail).toBe('Too many failed logins; try again in 8 minutes');
    vi.setSystemTime(Date.now() + 8 * 60_000);
    expect((await attempt(email, PASSWORD, ip)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt(email, 'bad', ip)).status).toBe(401);
    expect((await attempt(email, 'bad', ip)).body.detail).toBe('Too many failed logins; try again in 1 minute');
  });
});

describe('password spraying from one address', () => {
  it('stops after the address budget over accounts it never logged in to, but not for its own accounts', async () => {
    const ip = '203.0.113.99';
    const own = await newUser();
    expect((await attempt(own.email, PASSWORD, ip)).status).toBe(200);
    for (let i = 0; i < loginLimits.address.limit; i++) expect((await attempt(`nobody-${i}@example.com`, 'Summer2030!', ip)).status).toBe(401);
    expect((await attempt('nobody-next@example.com', 'Summer2030!', ip)).status).toBe(429);
    const stranger = await newUser();
    expect((await attempt(stranger.email, PASSWORD, ip)).status).toBe(429);
    expect((await attempt(stranger.email, PASSWORD, '192.0.2.99')).status).toBe(200);
    expect((await attempt(own.email, PASSWORD, ip)).status).toBe(200);
  });
});

describe('admin unlock', () => {
  it('clears the limits of a user, is audited, and is for admins only', async () => {
    const { email, id } = await newUser();
    const ip = '198.51.100.150';
    for (let i = 0; i < 6; i++) await attempt(email, 'bad', ip);
    expect((await attempt(email, PASSWORD, ip)).status).toBe(429);
    const colleague = await newUser('manager');
    const h = await t.login(colleague.email, PASSWORD);
    expect((await t.json('POST', `/api/v1/users/${id}/unlock`, h)).status).toBe(403);
    expect((await attempt(email, PASSWORD, ip)).status).toBe(429);
    expect((await t.json('POST', '/api/v1/users/01900000-0000-7000-8000-000000000000/unlock', t.admin)).status).toBe(404);
    const unlocked = await t.json('POST', `/api/v1/users/${id}/unlock`, t.admin);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.cleared).toBeGreaterThanOrEqual(1);
    expect((await attempt(email, PASSWORD, ip)).status).toBe(200);
    const audit = await t.json('GET', `/api/v1/audit?entity=user&entityId=${id}`, t.admin);
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).toContain('loginLimitsCleared');
  });
});

describe('account existence does not show', () => {
  it('an unknown or inactive email runs one argon2 verification and answers like a wrong password', async () => {
    const { email, id } = await newUser();
    const ip = '198.51.100.200';
    const known = passwordVerifications();
    const wrong = await attempt(email, 'bad', ip);
    expect(passwordVerifications() - known).toBe(1);
    const unknown = passwordVerifications();
    const missing = await attempt('nobody-at-all@example.com', 'bad', ip);
    expect(passwordVerifications() - unknown).toBe(1);
    expect(missing).toEqual(wrong);
    await t.json('PATCH', `/api/v1/users/${id}`, t.admin, { active: false });
    const inactive = passwordVerifications();
    expect(await attempt(email, PASSWORD, ip)).toEqual(wrong);
    expect(passwordVerifications() - inactive).toBe(1);
  });
});

describe('limitAddress', () => {
  it('reads IPv4-mapped IPv6 as IPv4 and groups other IPv6 by /64', () => {
    expect(limitAddress('203.0.113.5')).toBe('203.0.113.5');
    expect(limitAddress('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(limitAddress('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(limitAddress('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(limitAddress('::1')).toBe('0:0:0:0::/64');
  });
});
