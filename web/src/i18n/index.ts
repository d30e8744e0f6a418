import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Lang, storedLang, storeLang } from '../api/client.ts';
import announcementsEn from './announcements.en.json';
import announcementsVi from './announcements.vi.json';
import dashboardEn from './dashboard.en.json';
import dashboardVi from './dashboard.vi.json';
import en from './en.json';
import inboxEn from './inbox.en.json';
import inboxVi from './inbox.vi.json';
import plansEn from './plans.en.json';
import plansVi from './plans.vi.json';
import reportsEn from './reports.en.json';
import reportsVi from './reports.vi.json';
import surveysEn from './surveys.en.json';
import surveysVi from './surveys.vi.json';
import vi from './vi.json';

const initial: Lang = storedLang() ?? 'vi';
dayjs.locale(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  // Later capabilities keep their strings in their own files (one top-level key each).
  resources: {
    vi: {
      translation: { ...vi, ...plansVi, ...reportsVi, ...dashboardVi, ...inboxVi, ...announcementsVi, ...surveysVi },
    },
    en: {
      translation: { ...en, ...plansEn, ...reportsEn, ...dashboardEn, ...inboxEn, ...announcementsEn, ...surveysEn },
    },
  },
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
