import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (the one with package.json), found from this file whether it runs from
 * src/ through tsx or from the bundled dist/main.mjs.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above the server code');
    dir = up;
  }
  return dir;
}

export const projectRoot = findRoot();
export const migrationsFolder = path.join(projectRoot, 'src/db/migrations');
export const webDist = path.join(projectRoot, 'web/dist');
