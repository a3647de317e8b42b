// Phone numbers to E.164 with libphonenumber-js and the organisation's default region.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export function toE164(input: string, defaultRegion: string): string | null {
  const p = parsePhoneNumberFromString(input.trim(), defaultRegion as CountryCode);
  return p && p.isValid() ? p.number : null;
}
