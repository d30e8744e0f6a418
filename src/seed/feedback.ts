/**
 * Demo "speak up" threads: about thirty concerns, questions and requests for legal consultation
 * from members of CĐCS under the two commune unions the demo's officers work for, and a few from
 * elsewhere in the province; most answered (at varied speeds, so the response-time table says
 * something), some waiting, some closed, one anonymous, one with the upper union and one with the
 * province's legal team. Times count back from the moment of seeding so the inbox looks live.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { memberFeedback, memberFeedbackMessage } from '../db/schema/memberapp.ts';
import { run } from '../lib/tx.ts';
import type { FeedbackKind } from '../modules/feedback/schema.ts';
import { createRandom, deriveSeed } from './random.ts';

type Topic = { kind: FeedbackKind; subject: string; body: string; answer: string };

const TOPICS: Topic[] = [
  {
    kind: 'question',
    subject: 'Cách tính tiền làm thêm giờ ngày nghỉ hằng tuần',
    body: 'Tháng trước tôi làm thêm 2 ngày Chủ nhật nhưng phiếu lương chỉ tính 150%. Xin hỏi như vậy có đúng không?',
    answer:
      'Làm thêm vào ngày nghỉ hằng tuần được trả ít nhất 200% tiền lương (Điều 98 Bộ luật Lao động 2019). Công đoàn sẽ đề nghị phòng nhân sự rà soát và truy lĩnh phần còn thiếu.',
  },
  {
    kind: 'concern',
    subject: 'Bữa ăn ca không bảo đảm',
    body: 'Khoảng hai tuần nay suất ăn ca ít thịt, rau không tươi. Nhiều anh chị em trong tổ phản ánh nhưng chưa thấy thay đổi.',
    answer:
      'Ban Chấp hành đã kiểm tra bếp ăn cùng đại diện công ty; từ tuần sau nhà cung cấp bổ sung định lượng và công đoàn sẽ giám sát hằng tuần.',
  },
  {
    kind: 'legal_consultation',
    subject: 'Công ty chậm đóng bảo hiểm xã hội',
    body: 'Tra cứu trên VssID tôi thấy công ty chưa đóng BHXH 4 tháng gần đây dù vẫn trừ vào lương. Tôi cần làm gì?',
    answer:
      'Việc trừ lương mà không đóng là vi phạm; công đoàn đã gửi văn bản yêu cầu công ty đóng đủ và sẽ báo cơ quan BHXH nếu quá 30 ngày. Anh/chị giữ lại phiếu lương làm chứng cứ.',
  },
  {
    kind: 'question',
    subject: 'Chế độ thai sản khi sinh con thứ hai',
    body: 'Tôi dự sinh vào tháng tới, xin hỏi thủ tục hưởng chế độ thai sản và công đoàn có hỗ trợ gì không?',
    answer:
      'Chị được nghỉ 6 tháng hưởng chế độ thai sản do BHXH chi trả; công ty lập hồ sơ trong 10 ngày kể từ khi chị đi làm lại. Công đoàn cơ sở có quà thăm hỏi 500.000 đồng.',
  },
  {
    kind: 'concern',
    subject: 'Nhà xưởng nóng, thiếu quạt',
    body: 'Xưởng may tầng 2 rất nóng vào buổi chiều, đã có người bị mệt phải nghỉ. Đề nghị công đoàn kiến nghị lắp thêm quạt hút.',
    answer:
      'Công đoàn đã đưa nội dung vào buổi đối thoại định kỳ; công ty cam kết lắp thêm 6 quạt hút và cấp nước mát trong tháng này.',
  },
  {
    kind: 'question',
    subject: 'Nghỉ phép năm chưa dùng hết',
    body: 'Năm nay tôi còn 5 ngày phép chưa nghỉ. Cuối năm có được thanh toán tiền những ngày này không?',
    answer:
      'Những ngày phép chưa nghỉ do công ty không bố trí được thì được thanh toán tiền lương. Anh/chị nên làm đơn đăng ký nghỉ trước, nếu bị từ chối thì đề nghị thanh toán.',
  },
  {
    kind: 'legal_consultation',
    subject: 'Bị chấm dứt hợp đồng khi đang điều trị bệnh',
    body: 'Tôi đang nghỉ ốm có giấy của bệnh viện thì nhận thông báo chấm dứt hợp đồng. Công ty làm vậy có đúng luật không?',
    answer:
      'Người sử dụng lao động không được đơn phương chấm dứt hợp đồng khi người lao động đang điều trị theo chỉ định của cơ sở y tế. Tổ tư vấn sẽ liên hệ để hướng dẫn anh/chị làm đơn khiếu nại.',
  },
  {
    kind: 'question',
    subject: 'Thẻ đoàn viên điện tử',
    body: 'Tôi mới kết nạp, làm sao để có thẻ đoàn viên điện tử và dùng thẻ để được ưu đãi ở đâu?',
    answer:
      'Thẻ đoàn viên điện tử có trong mục «Thẻ» của ứng dụng này ngay sau khi kết nạp. Danh sách nơi ưu đãi được đăng trong mục Thông báo.',
  },
  {
    kind: 'concern',
    subject: 'Tăng ca liên tục không được báo trước',
    body: 'Cả tháng nay tổ tôi bị yêu cầu tăng ca đến 21 giờ, thông báo ngay trong ngày, không có ai hỏi ý kiến.',
    answer:
      'Làm thêm giờ phải được người lao động đồng ý và không quá 40 giờ một tháng. Công đoàn đã đề nghị công ty lập kế hoạch tăng ca và thông báo trước ít nhất 1 ngày.',
  },
  {
    kind: 'legal_consultation',
    subject: 'Tiền lương tối thiểu vùng năm nay',
    body: 'Công ty đang trả lương cơ bản 4.100.000 đồng, xin hỏi có thấp hơn mức lương tối thiểu vùng không?',
    answer:
      'Nghệ An có địa bàn thuộc vùng II, III và IV; mức tối thiểu vùng III hiện cao hơn mức anh/chị nêu. Công đoàn sẽ đối chiếu địa bàn của công ty và kiến nghị điều chỉnh.',
  },
  {
    kind: 'question',
    subject: 'Hỗ trợ đoàn viên có hoàn cảnh khó khăn',
    body: 'Gia đình tôi vừa bị hư hỏng nhà sau bão. Công đoàn có chương trình hỗ trợ sửa nhà không?',
    answer:
      'Công đoàn cơ sở đã lập danh sách đề nghị hỗ trợ «Mái ấm Công đoàn»; cán bộ công đoàn sẽ đến khảo sát trong tuần này.',
  },
  {
    kind: 'concern',
    subject: 'Nhà vệ sinh khu sản xuất xuống cấp',
    body: 'Nhà vệ sinh khu B thường xuyên hỏng vòi nước và thiếu giấy, rất mất vệ sinh.',
    answer: 'Công ty đã sửa xong khu vệ sinh B và giao tổ tạp vụ kiểm tra hai lần mỗi ca.',
  },
];

const ANONYMOUS: Topic = {
  kind: 'concern',
  subject: 'Tổ trưởng quát mắng, xúc phạm công nhân',
  body: 'Tổ trưởng chuyền 5 thường xuyên chửi mắng, đe dọa trừ thưởng nếu không đạt sản lượng. Tôi xin giấu tên vì sợ bị trù dập.',
  answer:
    'Công đoàn đã trao đổi với Ban Giám đốc; công ty nhắc nhở tổ trưởng và cam kết không để xảy ra việc xúc phạm người lao động. Nếu còn tái diễn, anh/chị tiếp tục phản ánh tại đây.',
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Sender = { personId: number; unitId: number; parentId: number | null };

/** Members with an open membership in a CĐCS under the unit with this code (by person id, so stable). */
async function senders(db: Database['db'], code: string, limit: number) {
  const res = await run<Sender>(
    db,
    sql`select m.person_id as "personId", m.unit_id as "unitId", v.parent_id as "parentId"
        from membership m
        join unit_version v on v.unit_id = m.unit_id and v.valid_to is null
        join unit_version top on top.valid_to is null and v.path <@ top.path
        join unit u on u.id = top.unit_id and u.code = ${code}
        where m.valid_to is null
        order by m.person_id limit ${limit}`,
  );
  return res.rows;
}

export async function seedDemoFeedback(database: Database, seed = 1) {
  const db = database.db;
  const random = createRandom(deriveSeed(seed, 'feedback'));
  const province = (await run<{ id: number }>(db, sql`select id from unit where code = '40'`)).rows[0]?.id;
  if (!province) return { threads: 0 };
  // Spread over many CĐCS: n members evenly apart (by id, and ids run CĐCS by CĐCS) under each unit.
  const spread = <T>(rows: T[], n: number) =>
    rows.length <= n ? rows : Array.from({ length: n }, (_, i) => rows[Math.floor((i * rows.length) / n)] as T);
  const pool = [
    ...spread(await senders(db, '40X001', 3000), 12),
    ...spread(await senders(db, '40X078', 3000), 8),
    ...spread(await senders(db, '40', 6000), 10),
  ];
  if (pool.length === 0) return { threads: 0 };
  const now = Date.now();
  let n = 0;
  await db.transaction(async (tx) => {
    for (const [i, s] of pool.entries()) {
      const topic = i === 3 ? ANONYMOUS : (TOPICS[i % TOPICS.length] as Topic);
      const created = now - random.int(1, 75) * DAY - random.int(0, 10) * HOUR;
      // Most answered, at speeds from an hour to a week and a half; a quarter still waiting, some closed.
      const fate = i === 3 ? 'answered' : (['answered', 'open', 'closed'] as const)[random.weighted([4, 4, 2])];
      const answeredAt =
        fate === 'open'
          ? null
          : Math.min(now - HOUR, created + random.pick([1, 3, 8, 20, 30, 50, 70, 120, 250]) * HOUR);
      const closedAt =
        fate === 'closed' && answeredAt !== null ? Math.min(now, answeredAt + random.int(1, 5) * DAY) : null;
      const legal = i === 5;
      const upper = i === 9 && s.parentId !== null;
      const handling = legal ? province : upper ? (s.parentId as number) : s.unitId;
      const entries: { kind: string; author: 'member' | 'officer'; unitId: number; body: string; at: number }[] = [
        { kind: 'message', author: 'member', unitId: s.unitId, body: topic.body, at: created },
      ];
      if (legal || upper)
        entries.push({
          kind: 'escalated',
          author: 'officer',
          unitId: handling,
          body: legal
            ? 'Chuyển Văn phòng tư vấn pháp luật Công đoàn tỉnh để hướng dẫn đoàn viên.'
            : 'Nội dung vượt thẩm quyền công đoàn cơ sở, đề nghị công đoàn cấp trên hỗ trợ.',
          at: created + 2 * HOUR,
        });
      if (answeredAt !== null)
        entries.push({ kind: 'message', author: 'officer', unitId: handling, body: topic.answer, at: answeredAt });
      if (closedAt !== null)
        entries.push({ kind: 'closed', author: 'officer', unitId: handling, body: '', at: closedAt });
      const last = entries.at(-1)?.at ?? created;
      const [row] = await tx
        .insert(memberFeedback)
        .values({
          personId: s.personId,
          unitId: s.unitId,
          handlingUnitId: handling,
          kind: topic.kind,
          subject: topic.subject,
          anonymous: i === 3,
          status: closedAt !== null ? 'closed' : answeredAt !== null ? 'answered' : 'open',
          escalatedTo: legal ? 'legal_team' : upper ? 'upper_union' : null,
          createdAt: new Date(created),
          firstAnsweredAt: answeredAt === null ? null : new Date(answeredAt),
          lastMessageAt: new Date(last),
          closedAt: closedAt === null ? null : new Date(closedAt),
        })
        .returning({ id: memberFeedback.id });
      if (!row) throw new Error('insert returned nothing');
      await tx
        .insert(memberFeedbackMessage)
        .values(entries.map((e) => ({ ...e, feedbackId: row.id, createdAt: new Date(e.at) })));
      n++;
    }
  });
  return { threads: n };
}
