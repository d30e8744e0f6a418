import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { unit } from '../db/schema/units.ts';
import { AppError } from '../lib/errors.ts';
import { type RoleName, roleNames } from '../modules/auth/schema.ts';
import { createUser, setPassword } from '../modules/auth/service.ts';
import { fail, withDatabase } from './db.ts';

const cliActor = { id: null, name: 'cli' };

function explain(err: unknown) {
  if (err instanceof AppError) return fail([err.vi, ...err.problems.map((p) => `  ${p.field}: ${p.vi}`)].join('\n'));
  throw err;
}

export const userCommand = () => {
  const cmd = new Command('user').description('Quản lý tài khoản — manage user accounts');
  cmd
    .command('add <username>')
    .description('Tạo tài khoản với một vai trò — create a user with one role')
    .requiredOption('--name <displayName>', 'họ tên hiển thị')
    .requiredOption('--password <password>', 'mật khẩu (ít nhất 8 ký tự)')
    .requiredOption('--role <role>', `vai trò: ${roleNames.join(' | ')}`)
    .option('--unit <code>', 'mã đơn vị mà vai trò áp dụng (bắt buộc trừ system_admin)')
    .action(async (username: string, o: { name: string; password: string; role: string; unit?: string }) => {
      const role = roleNames.find((r) => r === o.role) as RoleName | undefined;
      if (!role) return fail(`--role phải là một trong: ${roleNames.join(', ')}.`);
      if (role !== 'system_admin' && !o.unit) return fail(`Vai trò ${role} cần --unit <mã đơn vị>.`);
      await withDatabase(async ({ db }) => {
        let unitId: number | null = null;
        if (role !== 'system_admin') {
          const rows = await db
            .select({ id: unit.id })
            .from(unit)
            .where(eq(unit.code, o.unit ?? ''));
          if (!rows[0]) return fail(`Không có đơn vị mã «${o.unit}».`);
          unitId = rows[0].id;
        }
        try {
          const id = await createUser(db, cliActor, {
            username,
            displayName: o.name,
            password: o.password,
            roles: [{ role, unitId }],
          });
          process.stdout.write(`Đã tạo tài khoản «${username}» (#${id}).\n`);
        } catch (err) {
          explain(err);
        }
      });
    });
  cmd
    .command('passwd <username>')
    .description('Đặt lại mật khẩu — set a new password')
    .requiredOption('--password <password>', 'mật khẩu mới (ít nhất 8 ký tự)')
    .action(async (username: string, o: { password: string }) => {
      await withDatabase(async ({ db }) => {
        try {
          await setPassword(db, cliActor, username, o.password);
          process.stdout.write(`Đã đổi mật khẩu cho «${username}».\n`);
        } catch (err) {
          explain(err);
        }
      });
    });
  cmd
    .command('list')
    .description('Liệt kê tài khoản — list users')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const { sql } = await import('drizzle-orm');
        const { run } = await import('../lib/tx.ts');
        const res = await run<{ username: string; displayName: string; roles: string }>(
          db,
          sql`select u.username, u.display_name as "displayName",
                coalesce(string_agg(r.role || coalesce('@' || un.code, ''), ', '), '') as roles
              from app_user u left join user_role r on r.user_id = u.id left join unit un on un.id = r.unit_id
              group by u.id order by u.username`,
        );
        for (const r of res.rows)
          process.stdout.write(`${r.username.padEnd(16)} ${r.displayName.padEnd(36)} ${r.roles}\n`);
      });
    });
  return cmd;
};
