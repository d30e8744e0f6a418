/**
 * Demo announcements and a survey: the province federation and two commune unions (the 2025
 * reform's successors of Vinh city and Diễn Châu) and one CĐCS published a few, which a share of
 * their members have read; the province runs an open survey on legal consultation that some
 * members answered. Readers and answers are chosen from person ids, so every run gives the same.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { fullScope } from '../lib/scope.ts';
import { run } from '../lib/tx.ts';
import { publish } from '../modules/announcements/service.ts';
import { create as createSurvey } from '../modules/surveys/service.ts';

const actor = { id: null, name: 'seed' };
const caller = { scope: fullScope };
/** At most this many receipts or responses each: the demo's point is the shares, not the volume. */
const CAP = 3000;

const unitByCode = async (db: Database['db'], code: string) =>
  (await run<{ id: number }>(db, sql`select id from unit where code = ${code}`)).rows[0]?.id;

/** The CĐCS with the most members today under a unit: the demo's busiest one. */
async function biggestGrassroots(db: Database['db'], unitId: number) {
  const res = await run<{ id: number }>(
    db,
    sql`select m.unit_id as id from membership m join unit_version v on v.unit_id = m.unit_id and v.valid_to is null
        where m.valid_to is null and v.path ~ ${`*.${unitId}.*`}::lquery
        group by m.unit_id order by count(*) desc, m.unit_id limit 1`,
  );
  return res.rows[0]?.id;
}

export async function seedDemoAnnouncements(database: Database) {
  const db = database.db;
  const province = await unitByCode(db, '40');
  if (!province) return { announcements: 0, reads: 0, responses: 0 };
  const truongVinh = await unitByCode(db, '40X001');
  const dienChau = await unitByCode(db, '40X078');
  const grassroots = truongVinh ? await biggestGrassroots(db, truongVinh) : undefined;

  const items: { unitId: number | undefined; daysAgo: number; readEvery: number; title: string; body: string }[] = [
    {
      unitId: province,
      daysAgo: 20,
      readEvery: 3,
      title: 'Hưởng ứng Tháng Công nhân năm 2026',
      body: 'Liên đoàn Lao động tỉnh đề nghị các cấp công đoàn tổ chức các hoạt động chăm lo cho đoàn viên, người lao động trong Tháng Công nhân: thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn, đối thoại với người sử dụng lao động về tiền lương, điều kiện làm việc.',
    },
    {
      unitId: province,
      daysAgo: 3,
      readEvery: 5,
      title: 'Lịch tư vấn pháp luật miễn phí cho đoàn viên',
      body: 'Văn phòng tư vấn pháp luật Công đoàn tỉnh tiếp đoàn viên vào sáng thứ Ba và thứ Năm hằng tuần, tại trụ sở Liên đoàn Lao động tỉnh. Đoàn viên cũng có thể gửi câu hỏi qua mục «Tư vấn pháp luật» trong ứng dụng.',
    },
    {
      unitId: truongVinh,
      daysAgo: 10,
      readEvery: 2,
      title: 'Ngày hội Công nhân phường Trường Vinh',
      body: 'Công đoàn phường tổ chức Ngày hội Công nhân vào sáng Chủ nhật tuần sau tại Nhà văn hóa phường: khám sức khỏe miễn phí, gian hàng phúc lợi giá ưu đãi, giao lưu văn nghệ. Các CĐCS đăng ký số người tham gia trước thứ Sáu.',
    },
    {
      unitId: dienChau,
      daysAgo: 6,
      readEvery: 4,
      title: 'Chương trình «Mái ấm Công đoàn» năm 2026',
      body: 'Công đoàn xã Diễn Châu tiếp nhận đề nghị hỗ trợ xây, sửa nhà cho đoàn viên có hoàn cảnh khó khăn về nhà ở. CĐCS lập danh sách, gửi về Công đoàn xã trước ngày 30 của tháng.',
    },
    {
      unitId: grassroots,
      daysAgo: 1,
      readEvery: 2,
      title: 'Họp Ban Chấp hành mở rộng',
      body: 'Ban Chấp hành Công đoàn cơ sở họp mở rộng vào 16h00 thứ Năm tuần này tại phòng họp tầng 2 để bàn kế hoạch tổ chức Hội nghị người lao động. Mời các tổ trưởng công đoàn tham dự.',
    },
  ];

  let announcements = 0;
  let reads = 0;
  for (const a of items) {
    if (!a.unitId) continue; // smaller demo scales lack these units
    const id = await publish(db, caller, actor, { unitId: a.unitId, title: a.title, body: a.body });
    await run(
      db,
      sql`update announcement set published_at = now() - make_interval(days => ${a.daysAgo}) where id = ${id}`,
    );
    const res = await run<{ n: number }>(
      db,
      sql`with r as (
            insert into announcement_read (announcement_id, person_id, read_at)
            select ${id}, m.person_id, now() - make_interval(days => ${a.daysAgo}) + make_interval(hours => 1 + (m.person_id % 48)::int)
            from membership m join unit_version v on v.unit_id = m.unit_id and v.valid_to is null
            where m.valid_to is null and v.path ~ ${`*.${a.unitId}.*`}::lquery and m.person_id % ${a.readEvery} = 0
            order by m.person_id limit ${CAP}
            on conflict do nothing returning 1)
          select count(*)::int as n from r`,
    );
    announcements++;
    reads += res.rows[0]?.n ?? 0;
  }

  const need = ['Hợp đồng lao động', 'Tiền lương, phụ cấp', 'Bảo hiểm xã hội', 'Kỷ luật, sa thải'];
  const how = ['Trực tiếp tại công đoàn', 'Qua điện thoại', 'Qua ứng dụng'];
  const notes = [
    'Mong có buổi tư vấn tại khu công nghiệp vào ngày nghỉ.',
    'Cần hướng dẫn cách tính lương làm thêm giờ.',
    'Muốn biết thủ tục hưởng chế độ thai sản.',
    'Đề nghị có luật sư tư vấn về hợp đồng thời vụ.',
    'Công ty chậm đóng BHXH, cần được hướng dẫn cách kiểm tra.',
    'Nên có số điện thoại tư vấn vào buổi tối sau giờ làm.',
  ];
  const surveyId = await createSurvey(db, caller, actor, {
    unitId: province,
    title: 'Khảo sát nhu cầu tư vấn pháp luật',
    description:
      'Liên đoàn Lao động tỉnh tìm hiểu nhu cầu tư vấn pháp luật của đoàn viên để bố trí lịch và hình thức tư vấn phù hợp. Khảo sát mất khoảng 2 phút.',
    questions: [
      {
        id: 'need',
        text: 'Bạn cần tư vấn pháp luật về vấn đề nào nhất?',
        kind: 'single',
        options: need,
        required: true,
      },
      { id: 'how', text: 'Bạn muốn được tư vấn theo hình thức nào?', kind: 'multiple', options: how, required: true },
      { id: 'note', text: 'Bạn có góp ý gì thêm?', kind: 'text', options: [], required: false },
    ],
  });
  await run(
    db,
    sql`update survey set opens_at = now() - interval '7 days', closes_at = now() + interval '30 days' where id = ${surveyId}`,
  );
  // Answers follow a hash of the person id (the same every run): "need" weighted 40/30/20/10,
  // "how" one of four combinations, a note from one in four respondents.
  const textArray = (xs: string[]) => `{${xs.map((x) => `"${x}"`).join(',')}}`;
  const res = await run<{ n: number }>(
    db,
    sql`with picked as (
          select m.person_id, (m.person_id * 48271) % 2147483647 as h
          from membership m join unit_version v on v.unit_id = m.unit_id and v.valid_to is null
          where m.valid_to is null and v.path ~ ${`*.${province}.*`}::lquery and (m.person_id * 7919) % 100 < 11
          order by m.person_id limit ${CAP}),
        r as (
          insert into survey_response (survey_id, person_id, answers, submitted_at)
          select ${surveyId}, p.person_id,
            jsonb_strip_nulls(jsonb_build_object(
              'need', (${textArray(need)}::text[])[case when p.h % 10 < 4 then 1 when p.h % 10 < 7 then 2 when p.h % 10 < 9 then 3 else 4 end],
              'how', case (p.h / 10) % 4 when 0 then ${JSON.stringify([how[0]])}::jsonb
                when 1 then ${JSON.stringify([how[1], how[2]])}::jsonb
                when 2 then ${JSON.stringify([how[2]])}::jsonb else ${JSON.stringify([how[0], how[2]])}::jsonb end,
              'note', case when (p.h / 40) % 4 = 0 then (${textArray(notes)}::text[])[(1 + (p.h / 160) % ${notes.length})::int] end)),
            now() - make_interval(hours => (p.h % 160)::int)
          from picked p
          returning 1)
        select count(*)::int as n from r`,
  );
  return { announcements, reads, responses: res.rows[0]?.n ?? 0 };
}
