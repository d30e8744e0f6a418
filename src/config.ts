import path from 'node:path';
import { z } from 'zod';

// Read the environment once, at start, so a typo fails loudly instead of half-working later.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  // An empty value (DATABASE_URL= npm start) means "not set": use PGlite.
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres:// (must start with postgres://)')
      .optional(),
  ),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  // The full register (~170,000 members) takes about a minute to generate on PGlite; a first start
  // loads a tenth of it unless asked for more.
  DEMO_MEMBERS: z.coerce.number().min(0).max(1).default(0.1),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  NODE_ENV: z.string().default('development'),
  // How members' one-time sign-in codes go out: 'log' writes them to the server log (development),
  // 'webhook' POSTs { channel, to, text } to OTP_WEBHOOK_URL (an SMS, Zalo ZNS or e-mail gateway).
  OTP_CHANNEL: z.enum(['log', 'webhook']).default('log'),
  OTP_WEBHOOK_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .url({ protocol: /^https?$/, error: 'OTP_WEBHOOK_URL phải là địa chỉ http(s):// (must be an http(s) URL)' })
      .optional(),
  ),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionTtlHours: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  seedDemo: 'auto' | 'never';
  demoMembers: number;
  cookieSecure: boolean | 'auto';
  production: boolean;
  otpChannel: 'log' | 'webhook';
  otpWebhookUrl: string | undefined;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ (invalid environment):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (e.OTP_CHANNEL === 'webhook' && !e.OTP_WEBHOOK_URL)
    throw new Error(
      'Cấu hình môi trường không hợp lệ (invalid environment):\n  - OTP_WEBHOOK_URL: cần khi OTP_CHANNEL=webhook (required when OTP_CHANNEL=webhook)',
    );
  if (e.OTP_CHANNEL === 'log' && production)
    throw new Error(
      "Cấu hình môi trường không hợp lệ (invalid environment):\n  - OTP_CHANNEL: kênh «log» ghi mã đăng nhập của đoàn viên vào nhật ký máy chủ, không dùng khi NODE_ENV=production; đặt OTP_CHANNEL=webhook và OTP_WEBHOOK_URL (the log channel writes members' sign-in codes to the server log and is refused in production; set OTP_CHANNEL=webhook and OTP_WEBHOOK_URL)",
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    demoMembers: e.DEMO_MEMBERS,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    production,
    otpChannel: e.OTP_CHANNEL,
    otpWebhookUrl: e.OTP_WEBHOOK_URL,
  };
}
