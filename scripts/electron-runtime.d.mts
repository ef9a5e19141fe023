/** See electron-runtime.mjs. */
export declare const RETRY_ELECTRON_FLAG: string;
export declare function electronMarkerPath(root: string): string;
export declare function ensureElectron(o: {
  electronDir: string;
  markerPath: string;
  retry: boolean;
  findBinary: () => string | undefined;
  timeoutMs?: number;
  now?: () => Date;
  onTry?: () => void;
}): { binary?: string; failedAt?: string; tried: boolean };
