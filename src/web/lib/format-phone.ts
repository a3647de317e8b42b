// Phone numbers are stored in E.164 (+8613800138000); people read them grouped (+86 138 0013 8000).
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
