import type { AppMe } from './types.ts';

const KEY = 'congdoan.app.me';

/**
 * The last profile and e-card the server gave, kept on the phone so that the card shows with no
 * network (at a gate, in a basement). Only what the card itself shows: name, unit, card number, QR.
 */
export function keepMe(me: AppMe) {
  localStorage.setItem(KEY, JSON.stringify({ me, savedAt: new Date().toISOString() }));
}

export function keptMe(): { me: AppMe; savedAt: string } | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as { me: AppMe; savedAt: string }) : null;
  } catch {
    return null;
  }
}

export function forgetMe() {
  localStorage.removeItem(KEY);
}
