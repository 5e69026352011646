// Bootstrap for the figure4 worker: register tsx's loader, then run the TypeScript worker
// (as empirics/sim/worker.mjs does).
import { register } from 'tsx/esm/api';
register();
await import('./figure4-worker.ts');
