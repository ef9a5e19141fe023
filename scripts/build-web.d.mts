/** See build-web.mjs. */
export declare const webOutDir: string;
export declare const webHostBundle: string;
export declare function buildWebHost(): Promise<string>;
export declare function ensureWebHostBuilt(): Promise<string>;
