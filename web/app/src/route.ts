import { useEffect, useState } from 'react';

/**
 * Where the member is in the app, kept in the address's hash (#/card, #/speak/12): the phone's back
 * button works, and a link to a thread opens that thread. A router library would cost more bytes
 * than the whole of this app's screens.
 */
export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const on = () => setParts(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parts;
}

export const go = (...parts: (string | number)[]) => {
  window.location.hash = `#/${parts.map((p) => encodeURIComponent(String(p))).join('/')}`;
};
