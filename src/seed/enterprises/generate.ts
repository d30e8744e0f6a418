/**
 * The demo enterprise register in memory: one enterprise for each enterprise CĐCS of the tree
 * (linked to it), and the many enterprises without a CĐCS around them, most of them small, with
 * their places, zones, upper unions in charge (dated: the 2025 reform moves them) and sizes.
 */
import { taxCodeCheckDigit } from '../../lib/ids.ts';
import { fold, sortKey } from '../../lib/vietnamese.ts';
import { addDays, DEMO_TODAY, maxDate, REFORM_DATE, randomDate } from '../dates.ts';
import type { Random } from '../random.ts';
import { enterpriseName } from '../specs.ts';
import { FOREIGN_BRANDS } from '../words.ts';
import {
  BRANCH_PARENTS,
  foreignName,
  industryOf,
  LARGE_FDI,
  SIZES_COVERED,
  SIZES_UNCOVERED,
  STATE_NAMES,
  TREE_ZONE_SITES,
  ZONES,
} from './catalog.ts';
import type { Area, Context, EnterpriseUnit } from './load.ts';

const FROM_START = '1900-01-01';

export type ZoneRow = {
  id: number;
  name: string;
  nameFolded: string;
  areaCode: string | null;
  zoneUnionId: number | null;
};
export type EnterpriseRow = {
  id: number;
  taxCode: string;
  name: string;
  nameFolded: string;
  sortKey: string;
  ownership: string;
  industryCode: string | null;
  industryName: string | null;
  address: string;
  areaCode: string | null;
  industrialZoneId: number | null;
  startedOn: string;
  grassrootsUnitId: number | null;
  fieldSources: Record<string, string>;
};
export type AssignmentRow = {
  enterpriseId: number;
  upperUnionId: number;
  validFrom: string;
  validTo: string | null;
  reason: string | null;
};

/** What the facts generator needs to know of each enterprise beyond its row. */
export type Life = {
  row: EnterpriseRow;
  size: number;
  womenShare: number;
  closedOn: string | null;
  closedAs: string;
  covered: boolean;
};

export type Register = { zones: ZoneRow[]; enterprises: EnterpriseRow[]; assignments: AssignmentRow[]; lives: Life[] };

function taxCodes(random: Random) {
  let n = 100_000;
  return (prefix = '29') => {
    for (;;) {
      n += random.int(1, 60);
      const first9 = `${prefix}${String(n).padStart(7, '0')}`;
      const check = taxCodeCheckDigit(first9);
      if (check !== null) return `${first9}${check}`;
    }
  };
}

const band = (random: Random, bands: [number, number, number][]) => {
  const [from, to] = bands[random.weighted(bands.map((b) => b[2]))] as [number, number, number];
  // Within a band, smaller sizes are more common.
  return Math.round(from + (to - from) * random.next() ** 1.6);
};

const FEMALE_TRADES = /May|Da giày|Điện tử|Linh kiện|Thủy sản|Dệt|Chè|Giày|Apparel|Footwear|Textile|Precision|ICT/;
const MALE_TRADES = /Xây dựng|Vận tải|Thép|Khoáng sản|Cơ khí|Xi măng|Gạch|Cảng|Xe khách|Đá ốp lát|Điện lực|Xăng dầu/;
const womenShare = (random: Random, name: string) =>
  FEMALE_TRADES.test(name)
    ? 0.68 + random.next() * 0.17
    : MALE_TRADES.test(name)
      ? 0.08 + random.next() * 0.17
      : 0.3 + random.next() * 0.25;

function ownershipOf(name: string) {
  if (FOREIGN_BRANDS.some((b) => name.includes(b))) return 'foreign_invested';
  if (/^Hợp tác xã/.test(name)) return 'cooperative';
  if (STATE_NAMES.test(name)) return 'state';
  return 'non_state';
}

export function buildRegister(ctx: Context, random: Random, opts: { total: number; memberShare: number }): Register {
  const nextTax = taxCodes(random);
  const enterprises: EnterpriseRow[] = [];
  const assignments: AssignmentRow[] = [];
  const lives: Life[] = [];
  const names = new Set<string>();
  const districtOfCommune = new Map<string, Area>();
  const areaByCode = new Map<string, Area>([...ctx.successor.values()].map((a) => [a.code, a]));
  for (const d of ctx.districts)
    for (const c of ctx.communesByDistrict.get(d.code) ?? []) {
      districtOfCommune.set(c.code, d);
      areaByCode.set(c.code, c);
    }

  // Industrial zones, placed where the tree seed put its zone CĐCS.
  const zones: ZoneRow[] = [];
  const zoneOfCommune = new Map<string, number>();
  ZONES.forEach((z, i) => {
    const communes = ctx.communesByDistrict.get(z.districtCode);
    if (!communes?.length) return;
    const commune = communes[Math.min(z.communeIndex, communes.length - 1)] as Area;
    const id = zones.length + 1;
    zones.push({ id, name: z.name, nameFolded: fold(z.name), areaCode: commune.code, zoneUnionId: ctx.zoneUnionId });
    if (TREE_ZONE_SITES.includes(i) && !zoneOfCommune.has(commune.code)) zoneOfCommune.set(commune.code, id);
  });

  /** "Số 12, Xã Nghi Long, Huyện Nghi Lộc, tỉnh Nghệ An"; after the reform, without the district. */
  const addressOf = (areaCode: string | null, zoneId: number | null) => {
    const area = areaCode ? areaByCode.get(areaCode) : undefined;
    const district = areaCode ? districtOfCommune.get(areaCode) : undefined;
    const street = zoneId
      ? `Lô ${String.fromCharCode(65 + random.int(0, 7))}${random.int(1, 30)}, ${zones[zoneId - 1]?.name}`
      : `Số ${random.int(1, 250)}`;
    return [street, area?.name, district?.name, 'tỉnh Nghệ An'].filter(Boolean).join(', ');
  };
  const push = (
    row: Omit<EnterpriseRow, 'id' | 'nameFolded' | 'sortKey' | 'fieldSources'>,
    life: Omit<Life, 'row'>,
  ) => {
    const full: EnterpriseRow = {
      ...row,
      id: enterprises.length + 1,
      nameFolded: fold(row.name),
      sortKey: sortKey(row.name),
      fieldSources: Object.fromEntries(
        ['name', 'ownership', 'industryCode', 'industryName', 'address', 'areaCode', 'startedOn']
          .filter((f) => row[f as keyof typeof row] !== null)
          .map((f) => [f, 'dpi']),
      ),
    };
    if (full.industrialZoneId) full.fieldSources.industrialZoneId = 'dpi';
    enterprises.push(full);
    names.add(row.name);
    lives.push({ row: full, ...life });
    return full.id;
  };

  // Enterprises with a CĐCS: one per enterprise CĐCS of the tree, placed and sized after it.
  for (const u of ctx.enterpriseUnits) {
    const first = u.periods[0] as EnterpriseUnit['periods'][number];
    const zoneId =
      first.parentId === ctx.zoneUnionId && first.areaCode ? (zoneOfCommune.get(first.areaCode) ?? 1) : null;
    const founded = first.from;
    const startedOn =
      founded < '2000-01-01'
        ? maxDate('1976-01-01', addDays(founded, -random.int(0, 700)))
        : maxDate('1991-01-01', addDays(founded, -random.int(180, 2900)));
    const fdi = Object.entries(LARGE_FDI).find(([brand]) => u.name.includes(brand));
    let size: number;
    if (fdi) size = random.int(fdi[1][0], fdi[1][1]);
    else if (u.members > 0 && opts.memberShare > 0)
      size = Math.max(5, Math.round(u.members / opts.memberShare / (0.55 + random.next() * 0.4)));
    else size = band(random, SIZES_COVERED);
    const industry = industryOf(u.name);
    const id = push(
      {
        taxCode: nextTax(),
        name: u.name,
        ownership: ownershipOf(u.name),
        industryCode: industry?.[0] ?? null,
        industryName: industry?.[1] ?? null,
        address: addressOf(first.areaCode, zoneId),
        areaCode: first.areaCode,
        industrialZoneId: zoneId,
        startedOn,
        grassrootsUnitId: u.id,
      },
      { size, womenShare: womenShare(random, u.name), closedOn: u.dissolvedOn, closedAs: 'closed', covered: true },
    );
    // In the charge of the CĐCS's upper union, period by period; after a closure, of whoever took over.
    let open: AssignmentRow | null = null;
    for (const p of u.periods) {
      if (p.parentId === null) continue;
      if (open && open.upperUnionId === p.parentId) continue;
      if (open) open.validTo = p.from;
      open = {
        enterpriseId: id,
        upperUnionId: p.parentId,
        validFrom: open ? p.from : FROM_START,
        validTo: null,
        reason: open ? 'Theo CĐCS của doanh nghiệp' : null,
      };
      assignments.push(open);
    }
    const ended = open ? ctx.endedOn.get(open.upperUnionId) : undefined;
    if (open && ended && ended > open.validFrom) {
      open.validTo = ended;
      assignments.push({
        enterpriseId: id,
        upperUnionId: ctx.federationId,
        validFrom: ended,
        validTo: null,
        reason: REFORM_REASON,
      });
    }
  }

  // Enterprises without a CĐCS, spread over the districts like those with one, a share in the zones.
  const communesOf = ctx.districts
    .map((d) => ({ d, communes: ctx.communesByDistrict.get(d.code) ?? [] }))
    .filter((x) => x.communes.length > 0);
  const coveredIn = new Map<string, number>();
  for (const e of enterprises) {
    const d = e.areaCode ? districtOfCommune.get(e.areaCode) : undefined;
    if (d) coveredIn.set(d.code, (coveredIn.get(d.code) ?? 0) + 1);
  }
  const weights = communesOf.map((x) => (coveredIn.get(x.d.code) ?? 0) + 3);
  const branches = Math.round(opts.total * 0.011);
  const rest = Math.max(0, opts.total - enterprises.length - branches);
  for (let i = 0; i < rest; i++) {
    const inZone = zones.length > 0 && ctx.zoneUnionId !== null && random.chance(0.04);
    const zone = inZone ? (zones[random.weighted(zones.map((_, k) => (k < 3 ? 3 : 1)))] as ZoneRow) : null;
    const where = communesOf[random.weighted(weights)] as (typeof communesOf)[number];
    const commune = zone ? (areaByCode.get(zone.areaCode ?? '') ?? where.communes[0]) : random.pick(where.communes);
    const district = districtOfCommune.get(commune?.code ?? '') ?? where.d;
    const startedOn = randomDate(random, `${2025 - Math.floor(30 * random.next() ** 1.7)}-01-01`, DEMO_TODAY);
    const foreign = random.chance(zone ? 0.4 : 0.008);
    const name = uniqueName(names, () =>
      foreign
        ? foreignName(random.pick)
        : enterpriseName(random, {
            place: toCommune(commune as Area),
            foreignShare: 0,
            provinceBare: 'Nghệ An',
          }).replace(/^Công đoàn /, ''),
    );
    const ownership = foreign ? 'foreign_invested' : ownershipOf(name);
    let size = zone ? band(random, SIZES_COVERED) : band(random, SIZES_UNCOVERED);
    if (zone && ownership === 'foreign_invested' && random.chance(0.3)) size = random.int(100, 1500);
    const afterReform = startedOn >= REFORM_DATE;
    const areaCode = afterReform
      ? (ctx.successor.get(commune?.code ?? '')?.code ?? commune?.code ?? null)
      : (commune?.code ?? null);
    const industry = industryOf(name);
    const closes = random.chance(0.12) && addDays(startedOn, 365) < DEMO_TODAY;
    const id = push(
      {
        taxCode: nextTax(),
        name,
        ownership,
        industryCode: industry?.[0] ?? null,
        industryName: industry?.[1] ?? null,
        address: addressOf(areaCode, zone?.id ?? null),
        areaCode,
        industrialZoneId: zone?.id ?? null,
        startedOn,
        grassrootsUnitId: null,
      },
      {
        size,
        womenShare: womenShare(random, name),
        closedOn: closes ? randomDate(random, maxDate(addDays(startedOn, 365), '2019-01-01'), DEMO_TODAY) : null,
        closedAs: random.pick(['closed', 'closed', 'closed', 'suspended', 'suspended', 'dissolving']),
        covered: false,
      },
    );
    assignUncovered(
      ctx,
      assignments,
      id,
      zone ? ctx.zoneUnionId : (ctx.districtFederations.get(district.code)?.id ?? null),
    );
  }

  // Branches of companies registered elsewhere (Hà Nội codes 01…, with the branch number).
  const parentCodes = BRANCH_PARENTS.map(() => nextTax('01'));
  for (let i = 0; i < branches; i++) {
    const k = i % BRANCH_PARENTS.length;
    const where = communesOf[random.weighted(weights)] as (typeof communesOf)[number];
    const commune = random.pick(where.communes);
    const name = uniqueName(
      names,
      () => `Chi nhánh ${BRANCH_PARENTS[k]} tại ${where.d.name.replace(/^(Huyện|Thị xã|Thành phố) /, '')}`,
    );
    const id = push(
      {
        taxCode: `${parentCodes[k]}-${String(Math.floor(i / BRANCH_PARENTS.length) + 1).padStart(3, '0')}`,
        name,
        ownership: 'non_state',
        industryCode: null,
        industryName: null,
        address: addressOf(commune.code, null),
        areaCode: commune.code,
        industrialZoneId: null,
        startedOn: randomDate(random, '2008-01-01', '2024-12-31'),
        grassrootsUnitId: null,
      },
      { size: band(random, SIZES_UNCOVERED), womenShare: 0.5, closedOn: null, closedAs: 'closed', covered: false },
    );
    assignUncovered(ctx, assignments, id, ctx.districtFederations.get(where.d.code)?.id ?? null);
  }
  return { zones, enterprises, assignments, lives };
}

const REFORM_REASON =
  'Sắp xếp tổ chức bộ máy theo mô hình chính quyền 2 cấp (01/07/2025): công đoàn cấp trên kết thúc hoạt động';

/** In the charge of the district federation (or zone union) until it ended, then of the province. */
function assignUncovered(ctx: Context, out: AssignmentRow[], enterpriseId: number, upper: number | null) {
  const first = upper ?? ctx.federationId;
  const ended = ctx.endedOn.get(first);
  out.push({ enterpriseId, upperUnionId: first, validFrom: FROM_START, validTo: ended ?? null, reason: null });
  if (ended)
    out.push({ enterpriseId, upperUnionId: ctx.federationId, validFrom: ended, validTo: null, reason: REFORM_REASON });
}

const toCommune = (a: Area) => {
  const kind = ['Thị trấn ', 'Phường ', 'Xã '].find((k) => a.name.startsWith(k)) ?? '';
  return { code: a.code, name: a.name, bare: a.name.slice(kind.length), isWard: kind === 'Phường ' };
};

function uniqueName(used: Set<string>, make: () => string) {
  let name = make();
  for (let i = 0; i < 20 && used.has(name); i++) name = make();
  for (let n = 2; used.has(name); n++) name = `${make()} ${n}`;
  return name;
}
