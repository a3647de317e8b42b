// Password hashing with argon2id, and a stand-in verification for logins that name no usable account.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax)

export const hashPassword = (password: string) => hash(password, { algorithm: ARGON2ID });

let verifications = 0;
/** How many argon2 verifications this process has run: lets tests see that a login was (or was not) checked. */
export const passwordVerifications = () => verifications;

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same argon2 work as a real check and fails, so an unknown or inactive account answers as slowly as a
 * known one and the response time does not tell who has an account. The hash is made once, on first use. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
  return false;
}
