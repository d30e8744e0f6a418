/** 0.4567 -> "45,7 %" in Vietnamese, "45.7%" in English: one decimal is enough for a rate. */
export function formatPct(rate: number, lang = document.documentElement.lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en' : 'vi-VN', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}
