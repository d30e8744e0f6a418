// What `npm start` runs: build what is stale, then start the server in this same process.
import { ensureServerBuild, ensureWebBuild } from './build.mjs';

ensureWebBuild();
await ensureServerBuild();
await import('../dist/main.mjs');
