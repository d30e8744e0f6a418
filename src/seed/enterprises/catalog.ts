/**
 * What the demo enterprise register is made of: Nghệ An's industrial zones, industry codes for the
 * trades that enterprise names carry, the large foreign employers of the zones, and the size
 * distributions (most enterprises are small; the few large ones are foreign-invested and in zones).
 */

/** Industrial zones with the site the tree seed uses (district code, commune index). */
export const ZONES = [
  { name: 'KCN Nam Cấm', districtCode: '430', communeIndex: 6 },
  { name: 'KCN VSIP Nghệ An', districtCode: '432', communeIndex: 3 },
  { name: 'KCN WHA Industrial Zone 1 - Nghệ An', districtCode: '430', communeIndex: 12 },
  { name: 'KCN Hoàng Mai I', districtCode: '433', communeIndex: 1 },
  { name: 'KCN Đông Hồi', districtCode: '433', communeIndex: 8 },
  { name: 'KCN Bắc Vinh', districtCode: '412', communeIndex: 15 },
  { name: 'KCN Thọ Lộc', districtCode: '426', communeIndex: 20 },
] as const;

/** The zone CĐCS of the tree sit at the first six sites (zoneSpecs in sector-bodies.ts). */
export const TREE_ZONE_SITES = [0, 1, 3, 4, 5, 6];

/** VSIC 2018 codes of the main line of business, by the trade an enterprise's name carries. */
export const VSIC: Record<string, [code: string, name: string]> = {
  May: ['1410', 'May trang phục (trừ trang phục từ da lông thú)'],
  'Xây dựng': ['4100', 'Xây dựng nhà các loại'],
  'Thương mại': ['4690', 'Bán buôn tổng hợp'],
  'Vận tải': ['4933', 'Vận tải hàng hóa bằng đường bộ'],
  'Xi măng': ['2394', 'Sản xuất xi măng, vôi và thạch cao'],
  'Gạch ngói': ['2392', 'Sản xuất vật liệu xây dựng từ đất sét'],
  'Chế biến gỗ': ['1610', 'Cưa, xẻ, bào gỗ và bảo quản gỗ'],
  'Thực phẩm': ['1079', 'Sản xuất thực phẩm khác chưa được phân vào đâu'],
  'Dược phẩm': ['2100', 'Sản xuất thuốc, hoá dược và dược liệu'],
  'Cơ khí': ['2592', 'Gia công cơ khí; xử lý và tráng phủ kim loại'],
  'Điện tử': ['2610', 'Sản xuất linh kiện điện tử'],
  'Linh kiện điện tử': ['2610', 'Sản xuất linh kiện điện tử'],
  'Bao bì': ['1702', 'Sản xuất giấy nhăn, bìa nhăn, bao bì từ giấy và bìa'],
  'Đầu tư và Xây dựng': ['4290', 'Xây dựng công trình kỹ thuật dân dụng khác'],
  'Thủy sản': ['1020', 'Chế biến, bảo quản thủy sản và các sản phẩm từ thủy sản'],
  'Môi trường đô thị': ['3811', 'Thu gom rác thải không độc hại'],
  'Du lịch': ['7912', 'Điều hành tua du lịch'],
  'Khách sạn': ['5510', 'Dịch vụ lưu trú ngắn ngày'],
  'Vật liệu xây dựng': ['2395', 'Sản xuất bê tông và các sản phẩm từ xi măng và thạch cao'],
  'Da giày': ['1520', 'Sản xuất giày dép'],
  Nhựa: ['2220', 'Sản xuất sản phẩm từ plastic'],
  Chè: ['1076', 'Sản xuất chè'],
  'Mía đường': ['1072', 'Sản xuất đường'],
  Sữa: ['1050', 'Chế biến sữa và các sản phẩm từ sữa'],
  'Nước giải khát': ['1104', 'Sản xuất đồ uống không cồn, nước khoáng'],
  Thép: ['2410', 'Sản xuất sắt, thép, gang'],
  'Khoáng sản': ['0810', 'Khai thác đá, cát, sỏi, đất sét'],
  'Dịch vụ': ['8299', 'Hoạt động dịch vụ hỗ trợ kinh doanh khác'],
  'Xăng dầu': ['4730', 'Bán lẻ nhiên liệu động cơ'],
  In: ['1811', 'In ấn'],
  'Nội thất': ['3100', 'Sản xuất giường, tủ, bàn, ghế'],
  'Thức ăn chăn nuôi': ['1080', 'Sản xuất thức ăn gia súc, gia cầm và thủy sản'],
  'Phân bón': ['2012', 'Sản xuất phân bón và hợp chất ni tơ'],
  'Đá ốp lát': ['2396', 'Cắt tạo dáng và hoàn thiện đá'],
  'Cấp thoát nước': ['3600', 'Khai thác, xử lý và cung cấp nước'],
  'Nông nghiệp': ['0150', 'Trồng trọt, chăn nuôi hỗn hợp'],
  'Dịch vụ nông nghiệp': ['0161', 'Hoạt động dịch vụ trồng trọt'],
  'Mây tre đan': ['1629', 'Sản xuất sản phẩm từ tre, nứa, rơm, rạ và vật liệu tết bện'],
  'Điện lực': ['3510', 'Sản xuất, truyền tải và phân phối điện'],
  'Thủy lợi': ['3600', 'Khai thác, xử lý và cung cấp nước'],
  'Lâm nghiệp': ['0210', 'Trồng rừng, chăm sóc rừng và ươm giống cây lâm nghiệp'],
  Cảng: ['5224', 'Bốc xếp hàng hóa'],
  // Words of foreign-invested companies' names.
  Precision: ['2610', 'Sản xuất linh kiện điện tử'],
  Electronics: ['2610', 'Sản xuất linh kiện điện tử'],
  Components: ['2610', 'Sản xuất linh kiện điện tử'],
  'Luxshare-ICT': ['2610', 'Sản xuất linh kiện điện tử'],
  Apparel: ['1410', 'May trang phục (trừ trang phục từ da lông thú)'],
  Textile: ['1312', 'Sản xuất vải dệt thoi'],
  Footwear: ['1520', 'Sản xuất giày dép'],
  Plastics: ['2220', 'Sản xuất sản phẩm từ plastic'],
  Packaging: ['1702', 'Sản xuất giấy nhăn, bìa nhăn, bao bì từ giấy và bìa'],
  Metal: ['2592', 'Gia công cơ khí; xử lý và tráng phủ kim loại'],
  Cable: ['2732', 'Sản xuất dây, cáp điện và điện tử khác'],
  Industrial: ['2599', 'Sản xuất sản phẩm khác bằng kim loại'],
  Materials: ['2029', 'Sản xuất sản phẩm hoá chất khác'],
  'Xe khách': ['4932', 'Vận tải hành khách đường bộ khác'],
};

const TRADE_WORDS = new RegExp(
  ` (${Object.keys(VSIC)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?= |$)`,
);

/** The industry read from an enterprise's name: the longest trade word it contains. */
export function industryOf(name: string): [string, string] | null {
  const m = TRADE_WORDS.exec(name);
  return m ? (VSIC[m[1] as string] as [string, string]) : null;
}

/** The large foreign employers of the zones, with the range of their workforce. */
export const LARGE_FDI: Record<string, [min: number, max: number]> = {
  'Luxshare-ICT': [6000, 9500],
  'Everwin Precision': [4000, 6500],
  Juteng: [2500, 4200],
  'Innovation Precision': [1500, 2800],
  'Goldsun Footwear': [2000, 3500],
  'Hansoll Vina': [1200, 2400],
  'Sunrise Apparel': [900, 1800],
  'Pou Sheng': [1500, 3000],
};

/** Enterprises the state holds (names of the provincial utilities and one-member companies). */
export const STATE_NAMES = /^Công ty (Điện lực|Xăng dầu|TNHH MTV Thủy lợi|TNHH MTV Lâm nghiệp|Cổ phần Cấp nước)/;

/** Workforce bands [from, to] with their shares: enterprises without a CĐCS (mostly micro). */
export const SIZES_UNCOVERED: [number, number, number][] = [
  [1, 9, 66],
  [10, 24, 24.4],
  [25, 49, 5],
  [50, 99, 2.5],
  [100, 199, 1.2],
  [200, 499, 0.55],
  [500, 999, 0.25],
  [1000, 2500, 0.1],
];

/** Enterprises with a CĐCS: larger on the whole (a CĐCS needs workers to found it). */
export const SIZES_COVERED: [number, number, number][] = [
  [8, 24, 12],
  [25, 49, 24],
  [50, 99, 24],
  [100, 199, 18],
  [200, 499, 13],
  [500, 999, 6],
  [1000, 3000, 3],
];

/** Out-of-province companies with a branch in Nghệ An (branch tax codes xxxxxxxxxx-yyy). */
export const BRANCH_PARENTS = [
  'Công ty Cổ phần Viễn thông FPT',
  'Tổng Công ty Cổ phần Bảo hiểm Petrolimex',
  'Công ty Cổ phần Thế giới Di động',
  'Ngân hàng TMCP Quân đội',
  'Công ty Cổ phần Dược Hậu Giang',
  'Công ty Cổ phần Chuyển phát nhanh Viettel',
  'Công ty TNHH Bảo hiểm Nhân thọ Prudential Việt Nam',
  'Công ty Cổ phần Bách hóa Xanh',
  'Công ty Cổ phần Sữa Việt Nam',
  'Tổng Công ty Bưu điện Việt Nam',
];

const FOREIGN_STEMS = [
  'Sun',
  'Tai',
  'Hong',
  'Dae',
  'Sam',
  'Jin',
  'Kyo',
  'Nan',
  'Shin',
  'Wei',
  'Hua',
  'Fu',
  'Yong',
  'Min',
  'Lux',
  'Gold',
  'Ever',
  'Han',
  'Tian',
  'Kwang',
];
const FOREIGN_ENDS = ['tech', 'wa', 'ko', 'tex', 'sung', 'feng', 'tron', 'lex', 'star', 'win', 'yang', 'shin'];
const FOREIGN_LINES = [
  'Precision',
  'Electronics',
  'Apparel',
  'Textile',
  'Footwear',
  'Industrial',
  'Materials',
  'Components',
  'Plastics',
  'Packaging',
  'Metal',
  'Cable',
];
const FOREIGN_PLACES = ['Việt Nam', 'Vina', 'Nghệ An'];

/** A foreign-invested company's name as registered: "Công ty TNHH Hongtex Apparel Vina". */
export function foreignName(pick: <T>(items: readonly T[]) => T): string {
  return `Công ty TNHH ${pick(FOREIGN_STEMS)}${pick(FOREIGN_ENDS)} ${pick(FOREIGN_LINES)} ${pick(FOREIGN_PLACES)}`;
}
