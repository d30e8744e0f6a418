/**
 * Grassroots unions under the provincial sector unions and the zone unions: provincial schools,
 * hospitals and agencies, and the enterprises of each trade. '{p}' stands for the province's name.
 */
import type { Commune } from './areas.ts';
import type { SectorConfig, SectorKey, ZoneConfig } from './config.ts';
import { fillDistrict, type Scene } from './district-bodies.ts';
import {
  ENTERPRISE_NAMES,
  enterpriseBody,
  enterpriseName,
  type GrassrootsSpec,
  publicBody,
  uniqueName,
} from './specs.ts';
import { NAMED_AFTER } from './words.ts';

type SectorBodies = {
  /** Public bodies of the province. */
  agencies: string[];
  /** Public bodies in each district ('{d}', '{b}' as in district-bodies.ts). */
  perDistrict?: (setting: string) => string[];
  /** Named enterprises, then how many more to generate and from which trades. */
  firms?: string[];
  generated?: number;
  trades?: string[];
};

const BODIES: Record<SectorKey, SectorBodies> = {
  education: {
    agencies: [
      'cơ quan Sở Giáo dục và Đào tạo',
      'Trường THPT Chuyên {p}',
      'Trường Cao đẳng Sư phạm {p}',
      'Trường Đại học Kinh tế {p}',
      'Trường Cao đẳng Kỹ thuật Công nghiệp {p}',
      'Trường Cao đẳng Du lịch - Thương mại {p}',
      'Trường Cao đẳng Y tế {p}',
      'Trường Phổ thông Dân tộc nội trú tỉnh',
    ],
    perDistrict: (setting) => [
      ...[
        'Trường THPT {b} 1',
        'Trường THPT {b} 2',
        'Trường THPT {b} 3',
        'Trường THPT {b} 4',
        'Trường THPT {b} 5',
      ].slice(0, setting === 'mountain' ? 2 : setting === 'urban' ? 3 : 4),
      'Trường THPT *',
      'Trung tâm GDNN-GDTX {d}',
      ...(setting === 'mountain' ? ['Trường Phổ thông Dân tộc nội trú THCS {b}'] : []),
    ],
  },
  health: {
    agencies: [
      'cơ quan Sở Y tế',
      'Bệnh viện Sản Nhi {p}',
      'Bệnh viện Ung bướu {p}',
      'Bệnh viện Chấn thương Chỉnh hình {p}',
      'Bệnh viện Y học cổ truyền {p}',
      'Bệnh viện Tâm thần {p}',
      'Bệnh viện Nội tiết {p}',
      'Bệnh viện Phục hồi chức năng {p}',
      'Bệnh viện Mắt {p}',
      'Bệnh viện Phổi {p}',
      'Trung tâm Kiểm soát bệnh tật tỉnh',
      'Trung tâm Pháp y tỉnh',
      'Trung tâm Kiểm nghiệm tỉnh',
    ],
    perDistrict: (setting) => ['Trung tâm Y tế {d}', ...(setting === 'mountain' ? [] : ['Bệnh viện Đa khoa {d}'])],
  },
  public_service: {
    agencies: [
      'cơ quan Sở Tài chính',
      'cơ quan Sở Tư pháp',
      'cơ quan Sở Nội vụ',
      'cơ quan Sở Kế hoạch và Đầu tư',
      'cơ quan Sở Tài nguyên và Môi trường',
      'cơ quan Sở Lao động - Thương binh và Xã hội',
      'cơ quan Sở Văn hóa và Thể thao',
      'cơ quan Sở Du lịch',
      'cơ quan Sở Khoa học và Công nghệ',
      'cơ quan Sở Thông tin và Truyền thông',
      'cơ quan Sở Ngoại vụ',
      'cơ quan Thanh tra tỉnh',
      'cơ quan Văn phòng UBND tỉnh',
      'cơ quan Văn phòng Đoàn ĐBQH và HĐND tỉnh',
      'cơ quan Ban Dân tộc tỉnh',
      'Đài Phát thanh và Truyền hình {p}',
      'Báo {p}',
      'cơ quan Liên minh Hợp tác xã tỉnh',
      'cơ quan Hội Nông dân tỉnh',
      'cơ quan Tỉnh đoàn {p}',
      'cơ quan Hội Liên hiệp Phụ nữ tỉnh',
      'Trung tâm Phục vụ hành chính công tỉnh',
      'Bảo tàng {p}',
      'Thư viện tỉnh {p}',
      'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch',
      'Quỹ Đầu tư phát triển {p}',
      'Trường Chính trị tỉnh',
      'cơ quan Văn phòng Tỉnh ủy',
      'cơ quan Ủy ban Mặt trận Tổ quốc tỉnh',
      'cơ quan Hội Cựu chiến binh tỉnh',
      'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh',
      'cơ quan Hội Chữ thập đỏ tỉnh',
      'Trung tâm Công nghệ thông tin tỉnh',
      'Trung tâm Lưu trữ lịch sử tỉnh',
      'Nhà hát Nghệ thuật truyền thống {p}',
      'cơ quan Bảo hiểm xã hội tỉnh',
      'cơ quan Cục Thuế tỉnh',
      'cơ quan Kho bạc Nhà nước tỉnh',
      'cơ quan Cục Thống kê tỉnh',
      'cơ quan Tòa án nhân dân tỉnh',
      'cơ quan Viện Kiểm sát nhân dân tỉnh',
    ],
  },
  industry_trade: {
    agencies: ['cơ quan Sở Công Thương', 'Chi cục Quản lý thị trường tỉnh'],
    firms: ['Công ty Điện lực {p}', 'Công ty Xăng dầu {p}', 'Công ty Cổ phần Xi măng {p}'],
    generated: 52,
    trades: [
      'Thương mại',
      'Xi măng',
      'Bia',
      'Thực phẩm',
      'Khoáng sản',
      'May',
      'Điện tử',
      'Dược phẩm',
      'Xăng dầu',
      'Nước giải khát',
    ],
  },
  construction: {
    agencies: [
      'cơ quan Sở Xây dựng',
      'Viện Quy hoạch - Kiến trúc Xây dựng {p}',
      'Trung tâm Kiểm định chất lượng công trình xây dựng',
    ],
    firms: ['Công ty Cổ phần Cấp nước {p}', 'Công ty Cổ phần Môi trường và Công trình đô thị {p}'],
    generated: 32,
    trades: [
      'Xây dựng',
      'Đầu tư và Xây dựng',
      'Tư vấn Thiết kế Xây dựng',
      'Vật liệu xây dựng',
      'Gạch ngói',
      'Đá ốp lát',
    ],
  },
  transport: {
    agencies: [
      'cơ quan Sở Giao thông Vận tải',
      'Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh',
      'Trung tâm Đăng kiểm xe cơ giới {p}',
    ],
    firms: ['Công ty Cổ phần Vận tải ô tô {p}', 'Công ty Cổ phần Cảng {p}', 'Công ty Cổ phần Xe khách {p}'],
    generated: 25,
    trades: ['Vận tải', 'Quản lý và Xây dựng Công trình Giao thông', 'Xe khách', 'Vận tải biển', 'Taxi'],
  },
  agriculture: {
    agencies: [
      'cơ quan Sở Nông nghiệp và Phát triển nông thôn',
      'Chi cục Kiểm lâm tỉnh',
      'Chi cục Thủy lợi tỉnh',
      'Chi cục Chăn nuôi và Thú y tỉnh',
      'Chi cục Trồng trọt và Bảo vệ thực vật tỉnh',
      'Trung tâm Khuyến nông tỉnh',
      'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn',
    ],
    perDistrict: (setting) => (setting === 'mountain' ? ['Ban Quản lý Rừng phòng hộ {b}'] : []),
    firms: [
      'Công ty TNHH MTV Thủy lợi Bắc {p}',
      'Công ty TNHH MTV Thủy lợi Nam {p}',
      'Công ty TNHH MTV Lâm nghiệp {p}',
    ],
    generated: 20,
    trades: ['Chè', 'Mía đường', 'Thức ăn chăn nuôi', 'Giống cây trồng', 'Sữa', 'Cao su', 'Chế biến nông sản'],
  },
};

/** The first share of a list (at least one item): smaller provinces have fewer bodies. */
function share<T>(items: readonly T[], scale: number): T[] {
  return items.slice(0, Math.max(1, Math.round(items.length * scale)));
}

/** A commune of the province's first district (the provincial capital), where provincial bodies sit. */
export function capitalCommune(scene: Scene): Commune {
  const first = scene.province.districts[0];
  return scene.random.pick(scene.areas.communesByDistrict.get(first?.code ?? '') ?? []);
}

export function sectorSpecs(scene: Scene, sector: SectorConfig, home: number): GrassrootsSpec[] {
  const { random, province } = scene;
  const bodies = BODIES[sector.key];
  const notBefore = sector.founded;
  const named = (template: string) => `Công đoàn ${template.replace('{p}', province.bare)}`;
  const specs: GrassrootsSpec[] = [];
  for (const agency of share(bodies.agencies, province.sectorScale)) {
    specs.push(
      publicBody(
        uniqueName(scene.names, home, () => named(agency)),
        'province',
        home,
        capitalCommune(scene),
        notBefore,
      ),
    );
  }
  for (const district of province.districts) {
    const seat = scene.areas.communesByDistrict.get(district.code)?.[0];
    if (!seat || !bodies.perDistrict) continue;
    for (const template of share(bodies.perDistrict(district.setting), province.sectorScale)) {
      const make = () => named(fillDistrict(district, template.replace('*', random.pick(NAMED_AFTER))));
      specs.push(publicBody(uniqueName(scene.names, home, make), 'district', home, seat, notBefore));
    }
  }
  for (const firm of share(bodies.firms ?? [], province.sectorScale)) {
    specs.push(
      enterpriseBody(
        uniqueName(scene.names, ENTERPRISE_NAMES, () => named(firm)),
        home,
        capitalCommune(scene),
        notBefore,
      ),
    );
  }
  const generated = Math.round((bodies.generated ?? 0) * province.sectorScale);
  for (let i = 0; i < generated; i++) {
    const place = random.pick(province.districts);
    const area = random.pick(scene.areas.communesByDistrict.get(place.code) ?? []);
    const opts = { trades: bodies.trades, place: area, foreignShare: 0.03, provinceBare: province.bare };
    specs.push(
      enterpriseBody(
        uniqueName(scene.names, ENTERPRISE_NAMES, () => enterpriseName(random, opts)),
        home,
        area,
        notBefore,
      ),
    );
  }
  return specs;
}

const ZONE_TRADES = [
  'May',
  'Điện tử',
  'Da giày',
  'Cơ khí',
  'Bao bì',
  'Nhựa',
  'Chế biến gỗ',
  'Thực phẩm',
  'Vật liệu xây dựng',
  'Thép',
  'Linh kiện điện tử',
];

/** Enterprises of the zone's industrial parks; the first two parks are the busiest. */
export function zoneSpecs(scene: Scene, zone: ZoneConfig, home: number): GrassrootsSpec[] {
  const { random, province } = scene;
  const sites = zone.sites.flatMap((site) => {
    const communes = scene.areas.communesByDistrict.get(site.districtCode) ?? [];
    const commune = communes[Math.min(site.communeIndex, communes.length - 1)];
    return commune ? [commune] : [];
  });
  if (sites.length === 0) return [];
  const weights = sites.map((_, i) => (i < 2 ? 3 : 1));
  const office = uniqueName(
    scene.names,
    home,
    () => `Công đoàn cơ quan Ban Quản lý ${zone.name.replace('Công đoàn ', '')}`,
  );
  const specs = [publicBody(office, 'province', home, sites[0] as Commune, zone.founded)];
  for (let i = 0; i < zone.enterprises; i++) {
    const area = sites[random.weighted(weights)] as Commune;
    const opts = { trades: ZONE_TRADES, place: area, foreignShare: 0.45, provinceBare: province.bare };
    specs.push(
      enterpriseBody(
        uniqueName(scene.names, ENTERPRISE_NAMES, () => enterpriseName(random, opts)),
        home,
        area,
        zone.founded,
      ),
    );
  }
  return specs;
}
