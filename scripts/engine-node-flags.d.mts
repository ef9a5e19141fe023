/** Node flags for every process that runs the engine (see engine-node-flags.mjs). */
export declare const ENGINE_NODE_FLAGS: readonly string[];
