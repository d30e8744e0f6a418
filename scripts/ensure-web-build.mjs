// Builds the web app when web/dist is missing or older than its sources, so `npm start` on a fresh
// clone serves the UI without a separate build step, and a second start skips the build.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'web/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const sources = [path.join(root, 'web/src'), path.join(root, 'web/index.html'), path.join(root, 'vite.config.ts')];
const sourceTime = Math.max(...sources.filter((p) => fs.existsSync(p)).map((p) => (fs.statSync(p).isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)));
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sourceTime) {
  process.stdout.write('Đang dựng giao diện web (building the web app)…\n');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
