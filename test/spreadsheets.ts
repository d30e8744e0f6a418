import { excel } from '../src/lib/exceljs.ts';

/**
 * A member list as officers really send it: the unit's name and a title above the header,
 * headers in varying spellings, dates as text, as Excel serials and as date cells, citizen IDs
 * that lost their leading zero, phones with dots, stray spaces, and one row with mistakes.
 */
export async function messyMemberWorkbook(): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['CÔNG ĐOÀN TRƯỜNG THCS ĐỨC THỌ']);
  ws.addRow(['DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN NĂM 2024']);
  ws.addRow([]);
  ws.addRow([
    'STT',
    'Họ và tên (*)',
    'Ngày sinh',
    'Giới tính',
    'Số CCCD/CMND',
    'SĐT',
    'Dân tộc',
    'Ngày kết nạp',
    'Ghi chú',
  ]);
  ws.addRow([1, '  Nguyễn   Văn Đức ', '12/05/1990', 'Nam', 40090123456, '0912.345.678', 'Kinh', '01/03/2022', '']);
  ws.addRow([
    2,
    'Trần Thị Lan',
    34731,
    'Nữ',
    '040195000111',
    '+84 987 654 321',
    'Thái',
    new Date(Date.UTC(2021, 8, 1)),
    '',
  ]);
  ws.addRow([3, 'Lê Văn Sai', '31/02/1988', 'Nam', '999188000111', '0243825123', 'Kinh', '', 'dòng có lỗi']);
  ws.addRow([4, 'Hồ Thị Mai', '1992-11-20', 'nữ', '', '', 'Kinh', '', '']);
  ws.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
