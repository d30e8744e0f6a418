/**
 * Demo organising drives: a few dozen at enterprises of 25+ workers without a CĐCS, at every stage,
 * some stalled, some stopped, and a few recognised through the real recognition (which founds the
 * CĐCS and admits its founders). Dates count back from the day of seeding so the board looks live.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { driveContact, driveStageEvent, organisingDrive } from '../db/schema/drives.ts';
import { addDays, todayVn } from '../lib/dates.ts';
import { fullScope } from '../lib/scope.ts';
import { run } from '../lib/tx.ts';
import { recognise } from '../modules/drives/recognition.ts';
import { type DriveStage, driveStages } from '../modules/drives/schema.ts';
import type { PersonInput } from '../modules/members/schema.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';

const SUMMARIES = [
  'Công nhân quan tâm đến tiền lương, tiền làm thêm giờ và cách tính ngày công.',
  'Người lao động lo bị gây khó khăn nếu tham gia công đoàn; đã giải thích quyền được pháp luật bảo vệ.',
  'Tổ trưởng đồng ý giới thiệu công đoàn với các thành viên trong tổ.',
  'Công nhân hỏi về quyền lợi đoàn viên, trợ cấp khi ốm đau, thai sản.',
  'Trao đổi về bữa ăn ca và điều kiện làm việc trong xưởng nóng.',
  'Nhóm công nhân nữ đề nghị công đoàn quan tâm nhà trẻ và chế độ thai sản.',
  'Giới thiệu Luật Công đoàn 2024 và các bước thành lập công đoàn cơ sở.',
  'Người lao động chưa tin tưởng, hẹn gặp lại sau kỳ nhận lương.',
  'Công nhân ủng hộ, nhận phát đơn xin gia nhập cho đồng nghiệp cùng ca.',
];
const LABELS = [
  'Tổ may 3, ca sáng',
  'Xưởng cắt',
  'Bộ phận đóng gói',
  'Ca đêm',
  'Tổ kỹ thuật',
  'Kho thành phẩm',
  'Nhóm công nhân nữ',
  'Bếp ăn ca',
];
const GIVEN_F = ['Hoa', 'Lan', 'Hương', 'Mai', 'Thảo', 'Trang', 'Hằng'];
const GIVEN_M = ['Hùng', 'Dũng', 'Nam', 'Tuấn', 'Minh', 'Sơn'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Hồ', 'Phan', 'Võ', 'Đặng', 'Hoàng'];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Thị Thanh', 'Ngọc'];
const MIDDLE_M = ['Văn', 'Đức', 'Văn Quốc', 'Hữu'];

/** How many drives of each kind: active per stage (the last is recognition), then stopped. */
const PLAN: { stage: DriveStage; count: number }[] = [
  { stage: 'enterprise_survey', count: 8 },
  { stage: 'outreach', count: 8 },
  { stage: 'organizing_committee', count: 7 },
  { stage: 'applications', count: 6 },
  { stage: 'founding_conference', count: 5 },
  { stage: 'recognition', count: 3 },
];
const ABANDONED = 3;

type Candidate = { id: number; name: string; upperUnionId: number; workforce: number };

export async function seedDemoDrives(database: Database, seed = 1) {
  const db = database.db;
  const today = todayVn();
  const random = createRandom(deriveSeed(seed, 'drives'));
  const candidates = (
    await run<Candidate>(
      db,
      sql`select e.id, e.name, a.upper_union_id as "upperUnionId", f.workforce_total as workforce
          from enterprise e
          join enterprise_assignment a on a.enterprise_id = e.id and a.valid_to is null
          join enterprise_fact f on f.enterprise_id = e.id and f.kind = 'workforce' and f.state = 'effective' and f.valid_to is null
          where e.grassroots_unit_id is null and f.workforce_total >= 25
          order by f.workforce_total desc, e.id limit 400`,
    )
  ).rows;
  const total = PLAN.reduce((s, p) => s + p.count, 0) + ABANDONED;
  if (candidates.length < total) return { drives: 0 };
  const chosen = random.shuffle(candidates).slice(0, total);
  let next = 0;
  const toRecognise: { id: number; enterprise: Candidate; since: string }[] = [];
  await db.transaction(async (tx) => {
    const open = async (enterprise: Candidate, stage: DriveStage, status: 'active' | 'abandoned') => {
      const upTo = stage === 'recognition' ? 'founding_conference' : stage;
      const k = driveStages.indexOf(upTo);
      // The current stage began 3 to 120 days ago (a third of drives pass the 45-day stall line).
      let day = addDays(today, -random.int(3, 120));
      const days: string[] = [day];
      for (let i = 0; i < k; i++) {
        day = addDays(day, -random.int(12, 60));
        days.unshift(day);
      }
      const [row] = await tx
        .insert(organisingDrive)
        .values({
          enterpriseId: enterprise.id,
          upperUnionId: enterprise.upperUnionId,
          stage: upTo,
          stageSince: days[k] ?? today,
          openedOn: days[0] ?? today,
          status,
          ...(status === 'abandoned'
            ? { closedOn: today, closeReason: 'Doanh nghiệp tạm ngừng sản xuất, công nhân nghỉ việc hàng loạt.' }
            : {}),
        })
        .returning({ id: organisingDrive.id });
      if (!row) throw new Error('insert returned nothing');
      await tx
        .insert(driveStageEvent)
        .values(driveStages.slice(0, k + 1).map((s, i) => ({ driveId: row.id, stage: s, onDate: days[i] ?? today })));
      const log = contacts(random, row.id, days[0] ?? today, today, k);
      if (log.length > 0) await tx.insert(driveContact).values(log);
      return { id: row.id, since: days[k] ?? today };
    };
    for (const { stage, count } of PLAN)
      for (let i = 0; i < count; i++) {
        const enterprise = chosen[next++] as Candidate;
        const drive = await open(enterprise, stage, 'active');
        if (stage === 'recognition') toRecognise.push({ ...drive, enterprise });
      }
    for (let i = 0; i < ABANDONED; i++) await open(chosen[next++] as Candidate, 'outreach', 'abandoned');
  });
  const caller = { scope: fullScope, roles: [{ role: 'system_admin' }], id: null, username: 'seed' };
  for (const [i, d] of toRecognise.entries())
    await recognise(db, caller, { id: null, name: 'seed' }, d.id, {
      onDate: [addDays(d.since, 1), today].sort()[0] ?? today, // the day after the conference, never later than today
      decisionNo: `${100 + i}/QĐ-LĐLĐ`,
      unitName: `Công đoàn cơ sở ${d.enterprise.name}`,
      applicationIds: [],
      foundingMembers: await founders(database, random, random.int(5, 9)),
    });
  return { drives: total };
}

function contacts(random: Random, driveId: number, from: string, to: string, stageIndex: number) {
  const n = random.int(stageIndex, stageIndex * 2 + 2);
  const span = Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return Array.from({ length: n }, () => ({
    driveId,
    contactedOn: addDays(from, random.int(0, span)),
    workerLabel: random.pick(LABELS),
    workersReached: random.int(1, 25),
    summary: random.pick(SUMMARIES),
    // Support grows as a drive moves on.
    support: Math.min(5, Math.max(1, random.int(1, 3) + Math.floor(stageIndex / 2))),
  }));
}

/** Founders with CCCDs consistent with their birth year and gender, unused in the register. */
async function founders(database: Database, random: Random, n: number) {
  const out: PersonInput[] = [];
  while (out.length < n) {
    const female = random.chance(0.6);
    const year = random.int(1975, 2004);
    const centuryGender = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
    const citizenId = `040${centuryGender}${String(year % 100).padStart(2, '0')}${String(random.int(0, 999_999)).padStart(6, '0')}`;
    const used = await run(database.db, sql`select 1 from person where citizen_id = ${citizenId}`);
    if (used.rows.length > 0 || out.some((p) => p.citizenId === citizenId)) continue;
    out.push({
      fullName: `${random.pick(FAMILY)} ${random.pick(female ? MIDDLE_F : MIDDLE_M)} ${random.pick(female ? GIVEN_F : GIVEN_M)}`,
      birthDate: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      gender: female ? ('female' as const) : ('male' as const),
      citizenId,
    });
  }
  return out;
}
