// DEVELOPMENT ONLY: the console over the fake bridge. Open /dev/index.html on the Vite dev server
// (`npx vite --host 127.0.0.1`), optionally with ?vms=10000.
import '../styles/console.css';
import { mountConsole } from '../views/app/mount';
import { createFakeBridge } from './fake-bridge';

const extra = Number(new URLSearchParams(location.search).get('vms') ?? 0);
mountConsole(createFakeBridge(Number.isFinite(extra) ? extra : 0), document.getElementById('root')!);
