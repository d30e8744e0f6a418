import { z } from 'zod';
import { msg } from '../../lib/schemas.ts';

export const roleNames = [
  'system_admin',
  'federation_officer',
  'upper_union_officer',
  'grassroots_officer',
  'collaborator',
  'member',
] as const;
export type RoleName = (typeof roleNames)[number];

export const loginBody = z.object({
  username: z.string().trim().min(1, msg('Nhập tên đăng nhập.', 'Enter your user name.')).max(100),
  password: z.string().min(1, msg('Nhập mật khẩu.', 'Enter your password.')).max(200),
});

export const userRoleSchema = z.object({
  role: z.enum(roleNames),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
});

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(['vi', 'en']),
  roles: z.array(userRoleSchema),
});
export type Me = z.infer<typeof meSchema>;

export const csrfSchema = z.object({ token: z.string() });
export const updateMeBody = z.object({ locale: z.enum(['vi', 'en']) });
