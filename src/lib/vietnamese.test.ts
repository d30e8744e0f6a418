import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, searchTerms, sortKey } from './vietnamese.ts';

describe('Vietnamese text', () => {
  it('folds diacritics and đ so plain typing finds names', () => {
    expect(fold('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(fold('  Công   đoàn Giáo dục ')).toBe('cong doan giao duc');
    expect(searchTerms('Đức  nguyen%')).toEqual(['duc', 'nguyen']);
  });

  it('orders names as a Vietnamese dictionary does', () => {
    const names = ['Đức', 'Dung', 'Ân', 'An', 'Ăn', 'Bình', 'Ánh', 'Anh', 'Ảnh', 'Ơn', 'Ôn', 'On', 'Ưng', 'Ung', 'Yến'];
    const sorted = [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'An',
      'Anh',
      'Ảnh',
      'Ánh',
      'Ăn',
      'Ân',
      'Bình',
      'Dung',
      'Đức',
      'On',
      'Ôn',
      'Ơn',
      'Ung',
      'Ưng',
      'Yến',
    ]);
  });

  it('folding is idempotent and never leaves a combining mark or đ', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const f = fold(s);
        expect(fold(f)).toBe(f);
        expect(/[\u0300-\u036fđĐ]/.test(f)).toBe(false);
      }),
    );
  });

  it('folds a character at a time exactly as normalising the whole string does', () => {
    // The definition; fold() reads it from a table for speed.
    const whole = (t: string) =>
      t
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
    for (const t of ['a\u0000b', 'x\u00a0y\u2003z', 'a\u0301b\u0323c', 'ΟΔΟΣ Σίσυφος', 'İstanbul', '😀 Đức'])
      expect(fold(t), JSON.stringify(t)).toBe(whole(t));
    const vietnamese = fc.constantFrom(
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ \t\n.-0123456789',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: vietnamese }), fc.string({ unit: 'grapheme' })), (t) => {
        expect(fold(t)).toBe(whole(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('sort keys agree with folding: names equal after folding differ only by the tone part', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('a', 'á', 'à', 'ả', 'ã', 'ạ', 'ă', 'â', 'e', 'ê', 'o', 'ô', 'ơ'),
        fc.constantFrom('n', 'nh', 'm'),
        (v, c) => {
          const key = sortKey(`${v}${c}`);
          expect(key.split('\u0001')[0]?.length).toBe(1 + c.length);
        },
      ),
    );
  });
});

describe('sort keys, computed word by word', () => {
  // The definition, letter by letter over the whole text: sortKey caches words and must agree.
  const reference = (text: string) => {
    const letters: string[] = [];
    const tones: string[] = [];
    const toneOf: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
    for (const ch of text.toLowerCase().normalize('NFD').replace(/\s+/g, ' ').trim()) {
      const tone = toneOf[ch];
      if (tone !== undefined) {
        tones[tones.length - 1] = String(tone);
        continue;
      }
      if (ch === '\u0306' || ch === '\u0302' || ch === '\u031b') {
        const last = letters.pop() ?? '';
        letters.push(`${(last.length === 1 ? last : '').normalize('NFC')}${ch}`.normalize('NFC'));
        continue;
      }
      if (/[\u0300-\u036f]/.test(ch)) continue;
      letters.push(ch);
      tones.push('0');
    }
    const alphabet = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
    const primary = letters
      .map((l) => (alphabet.indexOf(l) >= 0 ? String.fromCharCode(0x41 + alphabet.indexOf(l)) : l))
      .join('');
    return `${primary}\u0001${tones.join('')}`;
  };
  const parts = [
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠĐƯ 1-'.split(''),
    '\u0301',
    '\u0300',
    '\u0303',
    '\u0306',
    '\u031b',
    '  ',
    '\t',
  ];

  it('agrees with the letter-by-letter definition for any text, repeated words included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 20 }), fc.string({ unit: 'grapheme' }), (a, s) => {
        const text = a.join('');
        expect(sortKey(text)).toBe(reference(text));
        expect(sortKey(`${text} ${text}`)).toBe(reference(`${text} ${text}`));
        expect(sortKey(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('people in Vietnamese order', () => {
  it('sorts by given name first, then the whole name', async () => {
    const { personSortKey } = await import('./vietnamese.ts');
    const names = ['Bùi Thị Bình', 'Nguyễn Văn An', 'Trần Thị Ánh', 'Lê Đức An', 'Hồ Văn Đạt', 'Phan Văn Dũng'];
    const sorted = [...names].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'Lê Đức An',
      'Nguyễn Văn An',
      'Trần Thị Ánh',
      'Bùi Thị Bình',
      'Phan Văn Dũng',
      'Hồ Văn Đạt',
    ]);
  });
});
