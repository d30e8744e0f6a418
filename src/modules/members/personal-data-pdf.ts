import { formatViDate } from '../../lib/dates.ts';
import { drawTable, newDocument, toBuffer } from '../../lib/pdf.ts';
import type { exportPersonalData } from './personal-data.ts';

type Export = Awaited<ReturnType<typeof exportPersonalData>>;

const KIND: Record<string, string> = {
  admission: 'Kết nạp',
  readmission: 'Kết nạp lại',
  transfer_in: 'Chuyển đến',
  transfer_out: 'Chuyển đi',
  transfer: 'Chuyển sinh hoạt',
  withdrawal: 'Thôi sinh hoạt',
  expulsion: 'Khai trừ',
  death: 'Từ trần',
};
const STATUS: Record<string, string> = {
  active: 'Còn hiệu lực',
  revoked: 'Đã thu hồi',
  replaced: 'Đã thay thế',
  submitted: 'Đã nộp',
  verified: 'Đã xác minh',
  admitted: 'Đã kết nạp',
  rejected: 'Không chấp nhận',
  pending: 'Chờ đơn vị nhận',
  accepted: 'Đã chấp nhận',
  declined: 'Bị từ chối',
  cancelled: 'Đã hủy',
};
const ACCESS: Record<string, string> = {
  view: 'Xem hồ sơ',
  list: 'Xem trong danh sách',
  export: 'Xuất danh sách',
  data_export: 'Xuất dữ liệu cá nhân',
  erasure: 'Xóa dữ liệu',
};

const day = (d: string | null | undefined) => (d ? formatViDate(d.slice(0, 10)) : '');
const yesNo = (b: boolean | null) => (b === null ? '' : b ? 'Có' : 'Không');
const moment = (t: string | Date) =>
  new Date(t).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });

/**
 * The personal-data export as a document a person can read: what the union holds about them, where
 * it came from and who looked at it, in Vietnamese (Nghị định 13/2023/NĐ-CP gives them that right).
 */
export async function personalDataPdf(data: Export, exportedBy: string) {
  const p = data.person;
  const doc = newDocument(`Dữ liệu cá nhân — ${p.fullName}`);
  doc.font('vi-bold').fontSize(10).text('CÔNG ĐOÀN VIỆT NAM', { align: 'center' });
  doc.moveDown(0.8);
  doc.font('vi-bold').fontSize(14).text('PHIẾU CUNG CẤP DỮ LIỆU CÁ NHÂN', { align: 'center' });
  doc
    .font('vi')
    .fontSize(9)
    .text('(theo yêu cầu của chủ thể dữ liệu, Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân)', {
      align: 'center',
    });
  doc.moveDown(0.6);
  doc.text(`Xuất lúc ${moment(data.exportedAt)} bởi ${exportedBy}. Mã người: ${p.id}.`, { align: 'center' });
  if (p.erasedAt) doc.text(`Dữ liệu của người này đã được xóa ngày ${moment(p.erasedAt)}.`, { align: 'center' });
  doc.moveDown(1);

  section(doc, '1. Thông tin cá nhân');
  const facts: [string, string][] = [
    ['Họ và tên', p.fullName],
    ['Ngày sinh', day(p.birthDate)],
    ['Giới tính', p.gender === 'female' ? 'Nữ' : p.gender === 'male' ? 'Nam' : ''],
    ['Dân tộc', p.ethnicity ?? ''],
    ['Tôn giáo', p.religion ?? ''],
    ['Số CCCD', p.citizenId ?? ''],
    ['Số CMND cũ', p.legacyIdNo ?? ''],
    ['Số sổ BHXH', p.socialInsuranceNo ?? ''],
    ['Điện thoại', p.phone ?? ''],
    ['Thư điện tử', p.email ?? ''],
    ['Địa chỉ', p.address ?? ''],
    ['Trình độ', p.education ?? ''],
    ['Nghề nghiệp', p.occupation ?? ''],
    ['Nơi làm việc', p.employerName ?? ''],
    ['Đảng viên', yesNo(p.partyMember)],
    ['Đoàn viên Thanh niên', yesNo(p.youthUnionMember)],
  ];
  drawTable(
    doc,
    [
      { title: 'Thông tin', width: 0.3 },
      { title: 'Giá trị lưu giữ', width: 0.7 },
    ],
    facts,
  );

  listSection(doc, '2. Quá trình sinh hoạt công đoàn', data.memberships, [
    ['Công đoàn cơ sở', 0.4, (m) => m.unitName ?? ''],
    ['Từ ngày', 0.15, (m) => day(m.validFrom)],
    ['Bắt đầu do', 0.15, (m) => KIND[m.startKind] ?? m.startKind],
    ['Đến ngày', 0.15, (m) => day(m.validTo)],
    ['Kết thúc do', 0.15, (m) => (m.endKind ? (KIND[m.endKind] ?? m.endKind) : '')],
  ]);
  listSection(doc, '3. Các quyết định và diễn biến', data.events, [
    ['Ngày', 0.13, (e) => day(e.onDate)],
    ['Diễn biến', 0.17, (e) => KIND[e.kind] ?? e.kind],
    ['Từ đơn vị', 0.22, (e) => e.fromUnitName ?? ''],
    ['Đến đơn vị', 0.22, (e) => e.toUnitName ?? ''],
    ['Số quyết định', 0.13, (e) => e.decisionNo ?? ''],
    ['Lý do', 0.13, (e) => e.reason ?? ''],
  ]);
  listSection(doc, '4. Thẻ đoàn viên', data.cards, [
    ['Số thẻ', 0.35, (c) => c.cardNo],
    ['Ngày cấp', 0.2, (c) => day(c.issuedOn)],
    ['Trạng thái', 0.25, (c) => STATUS[c.status] ?? c.status],
    ['Ngày hết hiệu lực', 0.2, (c) => day(c.endedOn)],
  ]);
  type Application = { submittedAt: string; status: string };
  listSection(doc, '5. Đơn xin gia nhập công đoàn', data.applications as Application[], [
    ['Ngày nộp', 0.5, (a) => day(a.submittedAt)],
    ['Trạng thái', 0.5, (a) => STATUS[a.status] ?? a.status],
  ]);
  type Transfer = { requestedAt: string; onDate: string; status: string; fromUnitName: string; toUnitName: string };
  listSection(doc, '6. Yêu cầu chuyển sinh hoạt', data.transferRequests as Transfer[], [
    ['Ngày yêu cầu', 0.15, (r) => day(r.requestedAt)],
    ['Từ đơn vị', 0.3, (r) => r.fromUnitName],
    ['Đến đơn vị', 0.3, (r) => r.toUnitName],
    ['Ngày chuyển', 0.12, (r) => day(r.onDate)],
    ['Trạng thái', 0.13, (r) => STATUS[r.status] ?? r.status],
  ]);
  type Access = { at: string; userName: string | null; kind: string };
  listSection(doc, '7. Những lần dữ liệu được xem hoặc xuất', data.accessLog as Access[], [
    ['Thời điểm', 0.35, (a) => moment(a.at)],
    ['Người truy cập', 0.35, (a) => a.userName ?? ''],
    ['Hình thức', 0.3, (a) => ACCESS[a.kind] ?? a.kind],
  ]);
  return toBuffer(doc);
}

function section(doc: PDFKit.PDFDocument, title: string) {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  doc.font('vi-bold').fontSize(11).text(title, doc.page.margins.left);
  doc.moveDown(0.3);
}

function listSection<T>(doc: PDFKit.PDFDocument, title: string, rows: T[], cols: [string, number, (r: T) => string][]) {
  section(doc, title);
  if (rows.length === 0) {
    doc.font('vi').fontSize(9).text('Không có.');
    doc.moveDown(0.8);
    return;
  }
  drawTable(
    doc,
    cols.map(([t, width]) => ({ title: t, width })),
    rows.map((r) => cols.map(([, , f]) => f(r))),
  );
}
