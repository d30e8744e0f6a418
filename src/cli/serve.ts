import { Command } from 'commander';

export const serveCommand = () =>
  new Command('serve')
    .description('Chạy máy chủ web (như npm start) — run the web server')
    .option('-p, --port <port>', 'cổng (port)', process.env.PORT ?? '3000')
    .action(async (opts: { port: string }) => {
      process.env.PORT = opts.port;
      const { start } = await import('../server.ts');
      await start();
    });
