// Imported first by the code that runs in a page (renderer/main.tsx, preload/index.ts), before any
// schema is built: zod compiles object parsers with `new Function` unless told not to, and probes
// for it when the first object schema is made. Under the console's Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') that probe is refused and reported as a CSP violation, so
// pages run zod without it. The engine in Node keeps the compiled parsers (a page's bundle has its
// own copy of zod, so this setting never reaches the engine).
import { z } from 'zod';

z.config({ jitless: true });
