// Node flags for every process that runs the engine: the browser host (`npm start`), the `hvlab`
// command, and the tests and benchmarks that stand for them (Electron's main process has
// Chromium's own thread pool, sized to the machine).
//
// V8's background pool (optimizing compiles, parallel garbage collection) is 4 threads by default.
// On a 2-core machine they crowd the engine's own thread: a simulation's first run, which waits on
// those compiles, took 110–135 ms instead of 72–82 ms for the flows.64x1000 benchmark, and each
// scavenge paused 2–8 ms for 0.3 ms of work. 0 lets Node size the pool to the machine.
export const ENGINE_NODE_FLAGS = ['--v8-pool-size=0'];
