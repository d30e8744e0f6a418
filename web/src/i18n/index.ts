import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Lang, storedLang, storeLang } from '../api/client.ts';
import en from './en.json';
import vi from './vi.json';

const initial: Lang = storedLang() ?? 'vi';
dayjs.locale(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

/** Switches the UI language; remembered in this browser and sent as Accept-Language. */
export function setLanguage(lang: Lang) {
  storeLang(lang);
  dayjs.locale(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
