// Starts doors/worker/engine-worker.ts in a worker_threads Worker from the TypeScript sources
// (npm start, the tests): a Worker does not take tsx's loader from its parent's flags in time for
// its first module on Node 20, so it registers tsx itself, then loads the entry.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
