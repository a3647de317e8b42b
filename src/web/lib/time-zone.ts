// The browser's IANA time zone, sent where the server must know where the user's day starts (Today, task groups).
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
