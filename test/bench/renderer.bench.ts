// "renderer.10000-vms": the console in Chromium (Debian's, driven by Playwright) against the real
// browser host started on a generated 10,000-VM world. Figures, never pass/fail:
//   first_render_ms      navigation → the first Virtual Machines row in the DOM       (target ≤ 1000)
//   select_vm_ms_*       mousedown on a row → the details pane painted with that VM (target ≤ 50)
//   scroll_*             wheel-scrolling the 2,011-row VM list: long tasks (> 50 ms) (target: none)
//   jobs200_ws_msgs_per_s WebSocket frames per second, both ways, with 200 moves running (target ≤ 10)
//   jobs200_*            long tasks while 200 moves run and the Jobs pane animates   (target: none)
//   heap_mb              renderer JS heap after a GC, with the 200 jobs loaded      (target ≤ 150)
//   jobs200_submit_ms    Enter → the answer to the 200-line run shown (engine time mostly; no target)
// The world is generateWorld({hosts: 1000, vms: 10000}) with 2,000 of its VMs gathered on HV0001
// (the server the console opens on; its volumes and memory made large enough to hold them), so the
// first list is long enough for scrolling to mean something. The 200 moves are typed at the
// PowerShell prompt, two per host on 100 hosts, from D: to C: (each host runs 2 storage migrations at a time).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import type { Bench, BenchFigure } from './harness';
import { generateWorld } from '../../engine/model/generate-world';
import { encodeState } from '../../engine/persistence/saved-state';
import type { EngineState } from '../../engine/engine';
import { chromiumLaunch } from '../../playwright.config';
import { launchWebHost, stopWebHost } from '../support/web-host-process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GATHERED_ON_FIRST_HOST = 2000;
const JOBS = 200;
const MEASURE_MS = 5000;

interface BenchWorld {
  state: EngineState;
  /** The 200 Move-VMStorage lines. */
  moves: string[];
}

/** The generated world, 2,000 VMs moved onto HV0001, and 200 storage moves spread over 100 hosts. */
export function benchWorld(): BenchWorld {
  const world = generateWorld({ hosts: 1000, vms: 10_000, seed: 42 }) as unknown as EngineState['world'];
  const first = world.hosts.find((h) => h.name === 'HV0001')!;
  for (const v of first.volumes) v.capacityBytes = 4e15;
  first.memoryBytes = 64 * 2 ** 40;
  const local = (vm: EngineState['world']['vms'][number]) => !vm.paths.configuration.startsWith('\\\\');
  let gathered = 0;
  for (const vm of world.vms) {
    if (gathered >= GATHERED_ON_FIRST_HOST) break;
    if (vm.host !== 'HV0001' && local(vm)) {
      vm.host = 'HV0001';
      gathered++;
    }
  }
  const byHost = new Map<string, EngineState['world']['vms']>();
  for (const vm of world.vms) {
    if (vm.host === 'HV0001' || !local(vm)) continue;
    const list = byHost.get(vm.host) ?? [];
    list.push(vm);
    byHost.set(vm.host, list);
  }
  const moves: string[] = [];
  for (const [host, vms] of byHost) {
    for (const vm of vms.slice(0, 2)) {
      if (moves.length < JOBS) moves.push(`Move-VMStorage -VMName ${vm.name} -DestinationStoragePath C:\\Moved\\${vm.name} -ComputerName ${host}`);
    }
  }
  return { state: { world, jobs: [], log: [], now: 0 }, moves };
}

/** Installed before the page's own scripts: long tasks and the first VM row, timed in the page. */
const PROBE = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // A Chromium without the Long Tasks API: the run reports no long tasks rather than failing.
  }
  window.__firstRowAt = undefined;
  new MutationObserver((_m, obs) => {
    if (document.querySelector('.hv-vm-row')) {
      window.__firstRowAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

interface LongTask {
  start: number;
  duration: number;
}

async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate((t) => (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((e) => e.start >= t), since);
}

function summary(tasks: LongTask[]): { count: number; longest: number } {
  return { count: tasks.length, longest: Math.round(Math.max(0, ...tasks.map((t) => t.duration))) };
}

async function selectVmMs(page: Page, index: number): Promise<number> {
  return page.evaluate(async (i) => {
    const rows = [...document.querySelectorAll<HTMLElement>('.hv-vm-row')];
    const row = rows[i % rows.length]!;
    const name = row.getAttribute('data-testid')!.replace('vm-row-', '');
    const t0 = performance.now();
    row.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    // Until the details pane shows it and a frame has been painted with it.
    for (;;) {
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (document.querySelector('[data-testid="vm-details"] h2')?.textContent === name) break;
      if (performance.now() - t0 > 5000) return -1;
    }
    return performance.now() - t0;
  }, index);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function measure(): Promise<BenchFigure> {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hvlab-bench-renderer-'));
  const { state, moves } = benchWorld();
  writeFileSync(join(dataDir, 'world.json'), encodeState(state));
  const host = await launchWebHost(dataDir);
  const { url } = host;
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    let frames = 0;
    page.on('websocket', (ws) => {
      ws.on('framesent', () => frames++);
      ws.on('framereceived', () => frames++);
    });

    // 1. First render: navigation start → the first row of the Virtual Machines list.
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined, undefined, { timeout: 60_000 });
    const firstRender = await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt);
    const rowCount = await page.getByTestId('vm-list').getAttribute('aria-rowcount');
    await page.waitForTimeout(1000);

    // 2. Selecting a VM, ten times, different rows.
    const selections: number[] = [];
    for (let i = 0; i < 10; i++) selections.push(await selectVmMs(page, i * 3 + 1));

    // 3. Scrolling the list with the mouse wheel, top to bottom and back.
    const grid = page.getByTestId('vm-list');
    const box = (await grid.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrollStart = await page.evaluate(() => performance.now());
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, i < 30 ? 1200 : -1200);
      await page.waitForTimeout(16);
    }
    await page.keyboard.press('End');
    await page.waitForTimeout(100);
    await page.keyboard.press('Home');
    await page.waitForTimeout(300);
    const scroll = summary(await longTasksSince(page, scrollStart));

    // 4. 200 moves typed at the prompt, then the Jobs pane while they run.
    await page.getByTestId('dock-tab-console').click();
    const input = page.getByTestId('powershell-input');
    await input.fill(moves.join('\n'));
    const submitted = Date.now();
    await input.press('Enter');
    await page.getByTestId('powershell-job-link-1').waitFor({ timeout: 120_000 });
    const submitMs = Date.now() - submitted;
    const errors = await page.getByTestId('ps-error').count();
    await page.getByTestId('dock-tab-jobs').click();
    await page.waitForTimeout(1500);
    const running = await page.evaluate(() => Number(document.querySelector('[data-testid="jobs-filter-active"]')?.textContent?.match(/\((\d+)\)/)?.[1] ?? 0));
    const t0 = await page.evaluate(() => performance.now());
    frames = 0;
    const wall0 = Date.now();
    // Meanwhile the user scrolls the job list.
    const jobsList = page.getByTestId('jobs-list');
    const jb = (await jobsList.boundingBox())!;
    await page.mouse.move(jb.x + jb.width / 3, jb.y + jb.height / 2);
    while (Date.now() - wall0 < MEASURE_MS) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(250);
    }
    const seconds = (Date.now() - wall0) / 1000;
    const msgsPerSecond = frames / seconds;
    const jobs = summary(await longTasksSince(page, t0));

    // 5. The renderer's JS heap after a garbage collection.
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    return {
      vm_rows: Number(rowCount) - 1,
      first_render_ms: Math.round(firstRender),
      select_vm_ms_median: Math.round(median(selections) * 10) / 10,
      select_vm_ms_max: Math.round(Math.max(...selections) * 10) / 10,
      scroll_long_tasks: scroll.count,
      scroll_longest_task_ms: scroll.longest,
      jobs_started: moves.length - errors,
      jobs200_submit_ms: submitMs,
      jobs_active: running,
      jobs200_ws_msgs_per_s: Math.round(msgsPerSecond * 10) / 10,
      jobs200_long_tasks: jobs.count,
      jobs200_longest_task_ms: jobs.longest,
      heap_mb: Math.round(heap.usedSize / 1024 / 1024),
    };
  } finally {
    await browser.close();
    await stopWebHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const benches: Bench[] = [
  {
    name: 'renderer.10000-vms',
    description: 'The console in Chromium on a generated 10,000-VM world: first render, VM selection, scrolling, 200 running jobs, heap',
    target: 'first_render_ms <= 1000, select_vm_ms <= 50, no long task > 50 ms while scrolling or with 200 jobs, jobs200_ws_msgs_per_s <= 10, heap_mb <= 150',
    run: measure,
  },
];
