// Channel secrets at rest: the signing secret and a Telegram bot token are kept encrypted (core secret box) and
// opened only to sign, verify or call the platform.
import { decryptSecret, encryptSecret, isEncryptedSecret } from '../../../core/secrets/secret-box.js';

export const sealSecret = (plain: string): string => encryptSecret(plain);

/** The plain value; a value stored before encryption was used is returned as it is. */
export const openSecret = (stored: string): string => (isEncryptedSecret(stored) ? decryptSecret(stored) : stored);
