// Which country a phone number is read in: a country as people write it (ISO code, English or Chinese name) to the
// region libphonenumber-js knows, and E.164 parsing that answers null rather than a number of another country.
import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s.'’()\-_,/]+/g, '');

// Spellings Intl.DisplayNames does not give: short forms, official names, the way Chinese exports write them.
const extra: Record<string, CountryCode> = {
  usa: 'US', 'united states of america': 'US', america: 'US', 美國: 'US', 美利坚合众国: 'US',
  uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  prc: 'CN', 'mainland china': 'CN', "people's republic of china": 'CN', 中华人民共和国: 'CN', 中国大陆: 'CN', 大陆: 'CN', 内地: 'CN',
  'hong kong': 'HK', 'hong kong sar': 'HK', hongkong: 'HK', 香港: 'HK', 中国香港: 'HK', 香港特别行政区: 'HK',
  macau: 'MO', macao: 'MO', 澳门: 'MO', 中国澳门: 'MO', 台灣: 'TW', 中国台湾: 'TW', 台湾省: 'TW', 'republic of china': 'TW',
  korea: 'KR', 'republic of korea': 'KR', 南韩: 'KR', 'north korea': 'KP', 朝鲜: 'KP', russia: 'RU', 'russian federation': 'RU',
  'viet nam': 'VN', 'czech republic': 'CZ', holland: 'NL', 'the netherlands': 'NL', uae: 'AE', 阿联酋: 'AE', deutschland: 'DE',
};

let table: Map<string, CountryCode> | null = null;
function countryTable(): Map<string, CountryCode> {
  if (table) return table;
  table = new Map();
  const names = ['en', 'zh', 'zh-Hant'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));
  for (const code of getCountries()) {
    table.set(squash(code), code);
    for (const n of names) {
      const name = n.of(code);
      if (!name || name === code) continue;
      table.set(squash(name), code);
      // "Hong Kong SAR China" and "中国香港特别行政区" are also written without their qualifiers.
      table.set(squash(name.replace(/\s*SAR China$/, '').replace(/特别行政区$/, '')), code);
    }
  }
  for (const [k, v] of Object.entries(extra)) table.set(squash(k), v);
  return table;
}

/** The region of a country cell ("United States", "USA", "US", "美国"), or null when it names no country we know. */
export function regionOfCountry(country: string | null | undefined): CountryCode | null {
  if (!country) return null;
  const key = squash(country);
  return key ? (countryTable().get(key) ?? null) : null;
}

/** The E.164 form when the number is valid in that region (or carries its own +country code), else null. */
export function toE164In(raw: string, region: string): string | null {
  const p = parsePhoneNumberFromString(raw.trim(), region as CountryCode);
  return p && p.isValid() ? p.number : null;
}
