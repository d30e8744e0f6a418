import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { todayVn } from './lib/dates.ts';
import { fillCoverageSnapshots } from './modules/enterprises/coverage-snapshots.ts';
import { FILLED_MONTHS, fillSnapshots } from './modules/members/snapshots.ts';
import { isEmpty, seedDemo } from './seed/index.ts';
import { demoUsers } from './seed/users.ts';

/** What `npm start` runs: open (or create) the database, migrate, seed a new one, serve. */
export async function start() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  let seeded = false;
  if (config.seedDemo === 'auto' && (await isEmpty(database))) {
    const members = Math.round(170_000 * config.demoMembers).toLocaleString('vi-VN');
    process.stdout.write(`Lần chạy đầu: đang nạp dữ liệu mẫu Nghệ An (~3.500 đơn vị, ~${members} đoàn viên)…\n`);
    let shown = -1;
    await seedDemo(database, {
      scale: 'province',
      members: config.demoMembers,
      onProgress: (done, total) => {
        const pct = Math.floor((100 * done) / total);
        if (pct >= shown + 10) {
          shown = pct - (pct % 10);
          process.stdout.write(`  đoàn viên: ${shown}%\n`);
        }
      },
    });
    seeded = true;
  }
  // Month ends added since the last start (a new month) are counted in the background: members,
  // then coverage.
  fillSnapshots(database.db, todayVn())
    .then(() => fillCoverageSnapshots(database.db, todayVn(), FILLED_MONTHS))
    .catch((err: Error) => {
      console.warn(`Chưa tính sẵn được số liệu cuối tháng (month-end counts): ${err.message}`);
    });
  const app = await buildApp(config, database);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = database.kind === 'pglite' ? `PGlite tại ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `Công đoàn đang chạy: http://localhost:${port}   (API: /api/v1, tài liệu: /api/docs)`,
    `Cơ sở dữ liệu: ${where}${seeded ? ' — đã nạp dữ liệu mẫu Nghệ An' : ''}; khởi động trong ${Date.now() - started} ms`,
    'Tài khoản dùng thử (demo log-ins):',
    ...demoUsers.map((u) => `  ${u.username.padEnd(9)} / ${u.password.padEnd(18)} ${u.what}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return app;
}
