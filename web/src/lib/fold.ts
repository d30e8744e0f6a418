/** Text folded for a typed filter: no tones, đ as d, lower case ("truong vinh" finds "Trường Vinh"). */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
