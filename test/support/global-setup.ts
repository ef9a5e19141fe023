// Global setup of Vitest and Playwright: builds the browser host's bundle (scripts/build-web.mjs)
// before any test starts, if a source is newer than it, so parallel test processes never build it
// at the same time and no test's timeout pays for the build.
import { ensureWebHostBuilt } from '../../scripts/build-web.mjs';

export default async function buildWebHost(): Promise<void> {
  await ensureWebHostBuilt();
}
