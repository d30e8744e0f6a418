/**
 * A grassroots union before it becomes a unit: what it is, where it sits before the reform, and
 * the shared helpers that name enterprises and keep names unique under one parent.
 */
import type { Commune } from './areas.ts';
import type { Random } from './random.ts';
import { BRANDS, COMPANY_FORMS, FOREIGN_BRANDS, SYLLABLES, TRADES } from './words.ts';

/** Which government level a public body belongs to: it decides where it goes in the reform. */
export type Scope = 'commune' | 'district' | 'province';

export type GrassrootsSpec = {
  name: string;
  type: 'grassroots_union' | 'trade_association_union';
  /** Enterprise CĐCS go straight under the provincial federation when their upper union ends. */
  enterprise: boolean;
  scope: Scope;
  /** Parent unit before the reform. */
  home: number;
  /** Old commune code (before REFORM_DATE). */
  areaCode: string;
  /** The CĐCS cannot be older than this (its upper union or zone). */
  notBefore: string;
};

/** Names already used under each parent: two units of one parent never share a name. */
export type NameBook = Map<number, Set<string>>;

/**
 * The name-book key of all enterprise CĐCS of a province: their upper unions may end in the
 * reform and bring them together under the provincial federation, so they are unique province-wide.
 */
export const ENTERPRISE_NAMES = 0;

/** Makes a name with `make` until it is free under `parent`; numbers it as a last resort. */
export function uniqueName(book: NameBook, parent: number, make: () => string): string {
  const used = book.get(parent) ?? new Set<string>();
  book.set(parent, used);
  let name = make();
  for (let i = 0; i < 20 && used.has(name); i++) name = make();
  for (let n = 2; used.has(name); n++) name = `${make()} số ${n}`;
  used.add(name);
  return name;
}

// Cooperatives (hợp tác xã) are mostly rural services, whatever the trades of the enterprises around them.
const COOPERATIVE_TRADES = ['Nông nghiệp', 'Dịch vụ nông nghiệp', 'Thủy sản', 'Vận tải', 'Môi trường', 'Mây tre đan'];

export type EnterpriseOptions = {
  trades?: readonly string[];
  place?: Commune;
  foreignShare?: number;
  provinceBare: string;
};

/** A CĐCS name for an enterprise: 'Công đoàn Công ty TNHH May Minh Anh - Kim Liên'. */
export function enterpriseName(random: Random, opts: EnterpriseOptions): string {
  if (random.chance(opts.foreignShare ?? 0.05)) {
    return `Công đoàn Công ty TNHH ${random.pick(FOREIGN_BRANDS)} ${random.chance(0.7) ? 'Việt Nam' : opts.provinceBare}`;
  }
  const trade = random.pick(opts.trades ?? TRADES);
  // Half the brands are free syllable pairs: big provinces need more names than a list holds.
  const brand = random.chance(0.5) ? random.pick(BRANDS) : `${random.pick(SYLLABLES)} ${random.pick(SYLLABLES)}`;
  const r = random.next();
  if (r < 0.04 && opts.place) return `Công đoàn Hợp tác xã ${random.pick(COOPERATIVE_TRADES)} ${opts.place.bare}`;
  if (r < 0.08) return `Công đoàn Doanh nghiệp tư nhân ${trade} ${brand}`;
  const place = opts.place && random.chance(0.2) ? ` - ${opts.place.bare}` : '';
  return `Công đoàn ${random.pick(COMPANY_FORMS)} ${trade} ${brand}${place}`;
}

/** A grassroots spec of a public body. */
export function publicBody(name: string, scope: Scope, home: number, area: Commune, notBefore: string): GrassrootsSpec {
  return { name, type: 'grassroots_union', enterprise: false, scope, home, areaCode: area.code, notBefore };
}

export function enterpriseBody(name: string, home: number, area: Commune, notBefore: string): GrassrootsSpec {
  return { name, type: 'grassroots_union', enterprise: true, scope: 'province', home, areaCode: area.code, notBefore };
}
