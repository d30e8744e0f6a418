import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { formatViDate, todayVn } from '../../lib/dates.ts';
import { notFound } from '../../lib/errors.ts';
import { drawQr, newDocument, toBuffer } from '../../lib/pdf.ts';
import { pathInScope } from '../../lib/scope.ts';
import { run } from '../../lib/tx.ts';
import type { Caller } from '../members/service.ts';
import * as unitQ from '../units/queries.ts';

const MM = 72 / 25.4;
// ISO/IEC 7810 ID-1, the size of a bank card, 2 across and 4 down on A4 with cutting gaps.
const CARD = { w: 85.6 * MM, h: 54 * MM, gapX: 8 * MM, gapY: 6 * MM };

type CardRow = { cardNo: string; fullName: string; birthDate: string | null; issuedOn: string; verifyToken: string };

/** A printable sheet of the valid cards of one CĐCS's current members, in Vietnamese name order. */
export async function cardSheet(db: Db, caller: Caller, unitId: number, origin: string) {
  const v = await unitQ.selectVersionForDay(db, unitId, todayVn());
  if (!v || !pathInScope(caller.scope, v.path)) throw notFound({ vi: 'đơn vị', en: 'unit' }, unitId);
  const cards = await run<CardRow>(
    db,
    sql`select c.card_no as "cardNo", p.full_name as "fullName", p.birth_date::text as "birthDate",
          c.issued_on::text as "issuedOn", c.verify_token as "verifyToken"
        from member_card c join person p on p.id = c.person_id
        join membership m on m.person_id = p.id and m.valid_to is null and m.unit_id = ${unitId}
        where c.status = 'active' order by p.sort_key, p.id`,
  );
  const doc = newDocument(`Thẻ đoàn viên — ${v.name}`);
  const left = (doc.page.width - 2 * CARD.w - CARD.gapX) / 2;
  const top = 40;
  cards.rows.forEach((card, i) => {
    const slot = i % 8;
    if (i > 0 && slot === 0) doc.addPage();
    const x = left + (slot % 2) * (CARD.w + CARD.gapX);
    const y = top + Math.floor(slot / 2) * (CARD.h + CARD.gapY);
    drawCard(doc, card, v.name, x, y, `${origin}/verify/${card.verifyToken}`);
  });
  if (cards.rows.length === 0)
    doc.fontSize(12).text(`«${v.name}» chưa có thẻ đoàn viên nào còn hiệu lực để in.`, 36, 60);
  return { pdf: await toBuffer(doc), count: cards.rows.length };
}

function drawCard(doc: PDFKit.PDFDocument, card: CardRow, unitName: string, x: number, y: number, verifyUrl: string) {
  doc.save();
  doc.roundedRect(x, y, CARD.w, CARD.h, 6).lineWidth(0.6).strokeColor('#1c5fa8').stroke();
  doc.rect(x + 0.3, y + 0.3, CARD.w - 0.6, 26).fill('#1c5fa8');
  doc
    .fillColor('white')
    .font('vi-bold')
    .fontSize(7.5)
    .text('CÔNG ĐOÀN VIỆT NAM', x + 8, y + 4, { width: CARD.w - 16, align: 'center' });
  doc
    .font('vi')
    .fontSize(6.5)
    .text('THẺ ĐOÀN VIÊN', x + 8, y + 13, { width: CARD.w - 16, align: 'center' });
  const qrSize = 22 * MM;
  drawQr(doc, verifyUrl, x + CARD.w - qrSize - 6, y + CARD.h - qrSize - 6, qrSize);
  const textW = CARD.w - qrSize - 20;
  doc
    .fillColor('black')
    .font('vi-bold')
    .fontSize(9)
    .text(card.fullName, x + 8, y + 34, { width: textW });
  doc.font('vi').fontSize(6.5);
  doc.text(`Ngày sinh: ${card.birthDate ? formatViDate(card.birthDate) : '—'}`, { width: textW });
  doc.text(unitName, { width: textW, height: 26 });
  doc
    .font('vi-bold')
    .fontSize(7)
    .text(`Số thẻ: ${card.cardNo}`, x + 8, y + CARD.h - 24, { width: textW });
  doc
    .font('vi')
    .fontSize(6)
    .text(`Cấp ngày ${formatViDate(card.issuedOn)}`, { width: textW });
  doc.restore();
}
