import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const page = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Writes file.br and file.gz next to each script, style and page of the build, which the server
 * sends to browsers that accept them (@fastify/static preCompressed): compressed once at build
 * time at the highest level, not on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'congdoan-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      for (const rel of fs.readdirSync(outDir, { recursive: true }) as string[]) {
        if (!/\.(js|css|html|svg|webmanifest|json)$/.test(rel)) continue;
        const file = path.join(outDir, rel);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

// The web app lives in web/; the Fastify server serves web/dist and answers /api.
// Two pages: the officers' app (/) and the members' phone app (/app/), which shares no heavy
// library with the first so that it stays small on a phone (docs/member-app.md).
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { main: page('web/index.html'), app: page('web/app/index.html') } },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.API_TARGET ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
