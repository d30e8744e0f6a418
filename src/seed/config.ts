/**
 * What the generator needs to know about a province: its districts, sector unions and zones, and
 * how many grassroots unions to make. Nghệ An is written out by hand (nghe-an.ts); the other
 * provinces of the 'national' scale are generated (national-provinces.ts) into the same shape,
 * so one generator serves both.
 */

/** How a district's communes are named: a fixed list, or a shared syllable before/after others. */
export type CommuneStyle = { names: string[] } | { prefix: string } | { suffix: string };

export type Setting = 'urban' | 'lowland' | 'mountain';

export type DistrictConfig = {
  /** GSO district code, e.g. '412'. */
  code: string;
  /** Area name: 'Thành phố Vinh', 'Huyện Quế Phong'. */
  name: string;
  /** As it reads inside a unit name: 'thành phố Vinh', 'huyện Quế Phong'. */
  label: string;
  /** Name without its kind: 'Vinh', 'Quế Phong'. */
  bare: string;
  setting: Setting;
  /** The district seat, first commune of the list ('Thị trấn Quán Hành'), when not in style.names. */
  seat?: string;
  communes: number;
  style: CommuneStyle;
  /** New communes after 2025-07-01: their names, or how many (names then come from the old ones). */
  newCommunes: string[] | number;
  /** Enterprise CĐCS under the district federation. */
  enterprises: number;
  federationFounded: string;
};

export type SectorKey =
  | 'education'
  | 'health'
  | 'public_service'
  | 'industry_trade'
  | 'construction'
  | 'transport'
  | 'agriculture';

export type SectorConfig = { key: SectorKey; name: string; shortName: string; founded: string; endsAtReform: boolean };

export type ZoneSite = { name: string; districtCode: string; communeIndex: number };

export type ZoneConfig = { name: string; shortName: string; founded: string; sites: ZoneSite[]; enterprises: number };

export type ProvinceConfig = {
  /** GSO province code, e.g. '40'. */
  code: string;
  /** 'Tỉnh Nghệ An', 'Thành phố Hà Nội'. */
  areaName: string;
  /** 'tỉnh Nghệ An': as it reads in 'Liên đoàn Lao động tỉnh Nghệ An'. */
  label: string;
  bare: string;
  federationFounded: string;
  districts: DistrictConfig[];
  sectors: SectorConfig[];
  zones: ZoneConfig[];
  /** Multiplies the chance that a commune has a school or a health-station CĐCS (1 = Nghệ An). */
  publicDensity: number;
  /** Multiplies the number of CĐCS of each sector union's bodies (1 = Nghệ An). */
  sectorScale: number;
  tradeAssociations: number;
  /** Large CĐCS given member CĐCS and union sections. */
  bigUnits: number;
};
