/**
 * Unit codes of the demo dataset: readable, and unique across the whole country.
 *
 *   TLD             the confederation
 *   pp              provincial federation: the 2-digit GSO province code ('40' Nghệ An)
 *   ppHddd          district federation: GSO district code ('40H412' LĐLĐ thành phố Vinh)
 *   ppNnn           provincial sector union ('40N01' Công đoàn Giáo dục tỉnh)
 *   ppKnn           zone union ('40K01' Công đoàn Khu Kinh tế Đông Nam)
 *   ppXnnn          commune union of the 2025 reform ('40X001')
 *   ppCnnnnn        grassroots union, CĐCS ('40C00001')
 *   ppDnnnnn        trade-association union, nghiệp đoàn
 *   ppVnnnnn        member grassroots union, CĐCS thành viên
 *   ppBnnnnn        union section, công đoàn bộ phận
 *   ppTnnnnn        union team, tổ công đoàn
 *   TNnn            national sector union ('TN05' Công đoàn Điện lực Việt Nam)
 *   TNnnSnn         a corporation-level union under a national sector union
 * Units under a national sector union use 'TNnn' in place of 'pp' with the C/V/B/T letters.
 */

export type CodeLetter = 'N' | 'K' | 'X' | 'C' | 'D' | 'V' | 'B' | 'T' | 'S';

const WIDTH: Record<CodeLetter, number> = { N: 2, K: 2, X: 3, S: 2, C: 5, D: 5, V: 5, B: 5, T: 5 };

export const CONFEDERATION_CODE = 'TLD';

export function districtFederationCode(provinceCode: string, districtCode: string): string {
  return `${provinceCode}H${districtCode}`;
}

export function nationalSectorCode(n: number): string {
  return `TN${String(n).padStart(2, '0')}`;
}

/** Hands out codes under one prefix ('40', 'TN05'): one counter per letter, from 1. */
export function createCodeCounter(prefix: string): (letter: CodeLetter) => string {
  const next = new Map<CodeLetter, number>();
  return (letter) => {
    const n = (next.get(letter) ?? 0) + 1;
    next.set(letter, n);
    return `${prefix}${letter}${String(n).padStart(WIDTH[letter], '0')}`;
  };
}
