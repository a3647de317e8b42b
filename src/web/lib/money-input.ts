// Money in forms: people type whole units (12.50), the API takes integer minor units (1250); common currency choices.
export const COMMON_CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD', 'TWD', 'KRW', 'AUD', 'CAD'] as const;

/** A form value in major units → integer minor units (undefined when empty or not a number). */
export function toMinor(major: number | string | null | undefined): number | undefined {
  if (major === '' || major === null || major === undefined) return undefined;
  const n = Number(major);
  return Number.isFinite(n) ? Math.round(n * 100) : undefined;
}

/** Integer minor units → the number a form shows (12.5 for 1250). */
export function toMajor(minor: number | null | undefined): number | '' {
  return minor === null || minor === undefined ? '' : minor / 100;
}

/** Currency choices for a select: the common ones plus any already in use. */
export function currencyOptions(...inUse: (string | null | undefined)[]): string[] {
  return [...new Set([...COMMON_CURRENCIES, ...inUse.filter((c): c is string => Boolean(c))])];
}
