// Test helper: a private Dovecot IMAP server (Debian's dovecot-imapd) in a temp dir — its own config, port, passwd-file
// user and maildir, started in the foreground by this process (no system service) — and delivery into it by IMAP APPEND.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  /** Puts a raw message into the user's folder (INBOX by default) with IMAP APPEND; answers its UID. */
  deliver(raw: string | Buffer, mailbox?: string): Promise<number | undefined>;
  log(): string;
  stop(): Promise<void>;
}

const DOVECOT = ['/usr/sbin/dovecot', '/usr/bin/dovecot'].find((p) => existsSync(p));
export const dovecotAvailable = (): boolean => Boolean(DOVECOT);

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, logFile: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''}`);
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1', () => (c.end(), resolve(true)));
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not listen on ${port}: ${readFileSync(logFile, 'utf8')}`);
}

export async function startDovecot(opts: { user?: string; password?: string } = {}): Promise<Dovecot> {
  if (!DOVECOT) throw new Error('dovecot is not installed (apt-get install -y dovecot-imapd)');
  const user = opts.user ?? 'agent';
  const password = opts.password ?? 'imap-secret-1';
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-dovecot-'));
  chmodSync(dir, 0o755); // the login processes (another user when we are root) reach their sockets through it
  for (const d of ['run', 'state', 'mail']) mkdirSync(path.join(dir, d));
  const me = userInfo();
  const root = me.uid === 0;
  // Dovecot never runs mail processes as root: as root, mail belongs to Debian's `mail` user (8) and the login and
  // internal processes use the package's own users; otherwise everything runs as the current user.
  const mailUid = root ? 8 : me.uid;
  const mailGid = root ? 8 : me.gid;
  if (root) chownSync(path.join(dir, 'mail'), mailUid, mailGid);
  const group = root ? 'dovecot' : (spawnSync('id', ['-gn'], { encoding: 'utf8' }).stdout.trim() || me.username);
  const port = await freePort();
  const logFile = path.join(dir, 'dovecot.log');
  writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  const conf = `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${logFile}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
first_valid_uid = ${Math.min(mailUid, 1)}
default_internal_user = ${root ? 'dovecot' : me.username}
default_internal_group = ${group}
default_login_user = ${root ? 'dovenull' : me.username}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
  writeFileSync(path.join(dir, 'dovecot.conf'), conf);
  const child = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await waitForPort(port, child, logFile);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${stderr}`);
  }
  const deliver = async (raw: string | Buffer, mailbox = 'INBOX') => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    await client.connect();
    try {
      const res = await client.append(mailbox, raw);
      return res ? res.uid : undefined;
    } finally {
      await client.logout();
    }
  };
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    dir,
    deliver,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
