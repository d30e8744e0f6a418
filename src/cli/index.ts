import { Command } from 'commander';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { userCommand } from './user.ts';

// The `congdoan` command. Each sub-command lives in its own file.
const program = new Command()
  .name('congdoan')
  .description('Quản lý mạng lưới công đoàn và đoàn viên — union network and membership management')
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(seedCommand());
program.addCommand(userCommand());
program.addCommand(importCommand());

await program.parseAsync(process.argv);
