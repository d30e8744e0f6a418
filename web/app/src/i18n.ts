import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Lang, storedLang, storeLang } from '../../src/api/client.ts';
import en from './en.json';
import vi from './vi.json';

// The same language choice as the officers' app (one key in this browser), Vietnamese by default.
const initial: Lang = storedLang() ?? 'vi';
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: Lang) {
  storeLang(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export const formatDay = (iso: string | null | undefined) => {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

/** "25/11/2026 14:05" in Vietnam's time, whatever the phone's zone. */
export const formatTime = (iso: string) =>
  new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

export default i18n;
