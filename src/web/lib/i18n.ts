// i18next setup: English and Simplified Chinese, chosen from the user's saved locale, else localStorage, else the browser.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import type { Locale } from '../types/api';

dayjs.extend(relativeTime);

const STORAGE_KEY = 'rapport.locale';
export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '简体中文' },
];

function isLocale(v: unknown): v is Locale {
  return v === 'en' || v === 'zh-CN';
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); fall through to the browser language
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function syncSideEffects(locale: Locale): void {
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

const start = initialLocale();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: start,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
syncSideEffects(start);

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** Switches the UI language and remembers it in this browser. */
export function applyLocale(locale: Locale): void {
  if (!isLocale(locale)) return;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // ignore: the choice still applies for this session
  }
  syncSideEffects(locale);
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

export { i18n };
