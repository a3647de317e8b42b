// Encrypts secrets kept in the database (SMTP and IMAP passwords, channel tokens) with AES-256-GCM under a key derived
// from RAPPORT_SECRET_KEY (or the data dir's secret.key), so a copied database or backup does not reveal them.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { loadConfig } from '../config.js';

const PREFIX = 'v1:';
let key: Buffer | undefined;
let secretText: string | undefined;

/** The server passes its configured secret key at start; a bare worker falls back to the environment / data dir. */
export function configureSecretKey(secret: string): void {
  secretText = secret;
  key = createHash('sha256').update(`rapport-secret-box:${secret}`).digest();
}

/** A key for HMAC signatures of one purpose (campaign tracking links), derived from the same server secret. */
export function derivedKey(purpose: string): Buffer {
  if (!secretText) configureSecretKey(loadConfig().secretKey);
  const cached = derived.get(purpose);
  if (cached && cached.secret === secretText) return cached.key;
  const key = createHash('sha256').update(`rapport-${purpose}:${secretText}`).digest();
  derived.set(purpose, { secret: secretText!, key });
  return key;
}
const derived = new Map<string, { secret: string; key: Buffer }>();

function currentKey(): Buffer {
  if (!key) configureSecretKey(loadConfig().secretKey);
  return key!;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', currentKey(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the value was not made by encryptSecret with the same key (tampered, or the key changed). */
export function decryptSecret(sealed: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error('Not an encrypted secret');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', currentKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export const isEncryptedSecret = (v: unknown): v is string => typeof v === 'string' && v.startsWith(PREFIX);
