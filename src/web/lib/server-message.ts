// Puts the server's (English) validation messages into the UI language when we know them; unknown ones pass through.
import { i18n } from './i18n';

const PHONE = /^"(.*)" is not a valid phone number \(default region ([A-Z]{2})\)$/;

export function localizeServerMessage(message: string): string {
  const phone = PHONE.exec(message);
  if (phone) return i18n.t('serverMessages.invalidPhone', { value: phone[1], region: phone[2] });
  const table = i18n.getResource(i18n.language, 'translation', 'serverMessages') as Record<string, string> | undefined;
  return table?.[message] ?? message;
}
