/**
 * Vietnamese text: folding for search ("nguyen van duc" finds "Nguyễn Văn Đức") and ordering the
 * way a Vietnamese reader expects (a < ă < â < b … d < đ …, tones after letters).
 */

/** Lower-case, without diacritics, đ as d, single spaces: what search compares. */
export function fold(text: string): string {
  // Latin text (Vietnamese included) is folded a code unit at a time through a table made once
  // from foldWhole: several times as fast as normalising the whole string, which was the largest
  // cost in JavaScript of a 100,000-row register import. Other scripts take the whole-string path,
  // where lower-casing can depend on neighbours (Greek final sigma), as do the rare characters that
  // fold to more than one.
  if (text.length > buffer.length) return foldWhole(text);
  let n = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const f = code < TABLE_END ? (TABLE[code] as number) : OTHER;
    if (f === OTHER) return foldWhole(text);
    if (f === SPACE) space = n > 0;
    else if (f !== DROP) {
      if (space) buffer[n++] = 32;
      space = false;
      buffer[n++] = f;
    }
  }
  return String.fromCharCode.apply(null, buffer.subarray(0, n) as unknown as number[]);
}

const TABLE_END = 0x1f00;
// Lone low surrogates: never what a character below TABLE_END folds to.
const [DROP, SPACE, OTHER] = [0xdfff, 0xdffe, 0xdffd];
/** What each code unit below TABLE_END folds to: one code unit, DROP, SPACE, or OTHER. */
const TABLE = new Uint16Array(TABLE_END).map((_, code) => {
  if (code >= 0x0370 && code < 0x1e00) return OTHER;
  const ch = String.fromCharCode(code);
  if (/\s/.test(ch)) return SPACE;
  const f = foldWhole(ch);
  return f.length === 0 ? DROP : f.length === 1 ? f.charCodeAt(0) : OTHER;
});
const buffer = new Uint16Array(4096);

function foldWhole(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search query, folded; empty words dropped. */
export function searchTerms(query: string): string[] {
  return fold(query)
    .split(' ')
    .map((w) => w.replace(/[%_\\]/g, ''))
    .filter((w) => w.length > 0);
}

// Vietnamese alphabetical order of base letters (the 29 letters plus f, j, w, z for foreign words).
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
// Tone order used by Vietnamese dictionaries: level, grave, hook, tilde, acute, dot below.
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

/**
 * A string whose plain (C/binary) order is Vietnamese order: store it beside a name and ORDER BY it
 * in SQL, which works the same on PGlite and PostgreSQL whatever collations the server has.
 */
export function sortKey(text: string): string {
  const words = text.toLowerCase().normalize('NFD').replace(/\s+/g, ' ').trim().split(' ');
  // Word by word, each word's key computed once: names are made of few distinct words, and an
  // import of 170,000 members spent more time here than anywhere else in checking its rows.
  let primary = '';
  let tones = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    let k = wordKeys.get(w);
    if (!k) {
      // A word opening with a combining mark changes the space before it: no word-by-word then.
      if (/^[\u0300-\u036f]/.test(w)) return keyOf(words.join(' '));
      k = keyParts(w);
      if (wordKeys.size >= 50_000) wordKeys.clear();
      wordKeys.set(w, k);
    }
    primary += i === 0 ? k[0] : ` ${k[0]}`;
    tones += i === 0 ? k[1] : `0${k[1]}`;
  }
  return `${primary}\u0001${tones}`;
}

const wordKeys = new Map<string, [string, string]>();
const keyOf = (normalised: string) => {
  const [primary, tones] = keyParts(normalised);
  return `${primary}\u0001${tones}`;
};

/** Primary letters and tones of a lower-case NFD text with single spaces. */
function keyParts(text: string): [string, string] {
  const letters: string[] = [];
  const tones: string[] = [];
  for (const ch of text) {
    const tone = TONES[ch];
    if (tone !== undefined) {
      tones[tones.length - 1] = String(tone);
      continue;
    }
    if (ch === '\u0306' || ch === '\u0302' || ch === '\u031b') {
      // breve, circumflex, horn: they change the letter (a -> ă, â; o -> ô, ơ; u -> ư).
      const last = letters.pop() ?? '';
      const composed = (last.length === 1 ? last : '').normalize('NFC');
      letters.push(`${composed}${ch}`.normalize('NFC'));
      continue;
    }
    if (/[\u0300-\u036f]/.test(ch)) continue;
    letters.push(ch);
    tones.push('0');
  }
  const primary = letters
    .map((l) => {
      const i = ALPHABET.indexOf(l);
      // Letters get two-digit ranks after a space; digits and other characters keep their order.
      return i >= 0 ? String.fromCharCode(0x41 + i) : l === ' ' ? ' ' : l;
    })
    .join('');
  return [primary, tones.join('')];
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compare two strings in Vietnamese order (for sorting lists already in memory). */
export function compareVi(a: string, b: string): number {
  const c = collator.compare(a, b);
  return c !== 0 ? c : sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0;
}

/**
 * Vietnamese lists of people sort by given name (the last word), then by the full name:
 * "Nguyễn Văn An" comes before "Bùi Thị Bình".
 */
export function personSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const given = words[words.length - 1] ?? '';
  return `${sortKey(given)}\u0002${sortKey(fullName)}`;
}
