import { Command } from 'commander';
import { schemaVersion } from '../db/migrate.ts';
import { withDatabase } from './db.ts';

export const migrateCommand = () =>
  new Command('migrate')
    .description('Áp dụng các bản cập nhật cấu trúc CSDL — apply database migrations')
    .action(async () => {
      await withDatabase(async (database) => {
        process.stdout.write(
          `Đã cập nhật CSDL (${database.kind}), phiên bản cấu trúc ${await schemaVersion(database)}.\n`,
        );
      });
    });
