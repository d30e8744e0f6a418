// What `npm start` runs.
import { start } from './server.ts';

try {
  await start();
} catch (err) {
  // A person reads this: the message, not a stack trace (set LOG_LEVEL=debug for the stack).
  process.stderr.write(`\nKhông khởi động được (could not start): ${(err as Error).message}\n`);
  if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
}
