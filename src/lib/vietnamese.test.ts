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
