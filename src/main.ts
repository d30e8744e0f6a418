// What `npm start` runs.
import { start } from './server.ts';

await start();
