// The PowerShell pane in Chromium against the real browser host, as a new user would use it: a
// line typed at the prompt moves a VM, the job shows in Jobs and runs to completion, Get-VM prints
// a table; Tab completion cycles; errors are red with their position; warnings are yellow;
// history and cls. Each file starts its own host, so the world is the default one.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { launchWebHost, stopWebHost, type RunningWebHost } from './web-host-fixture';

const ARTIFACTS = 'test/e2e/artifacts';
let host: RunningWebHost;

test.beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  host = await launchWebHost(mkdtempSync(join(tmpdir(), 'hvlab-e2e-console-')));
});

test.afterAll(async () => {
  if (!host) return; // it did not start
  await stopWebHost(host);
  rmSync(host.dataDir, { recursive: true, force: true });
});

async function openPrompt(page: Page) {
  await page.goto(host.url);
  await expect(page.getByTestId('server-HV01')).toBeVisible();
  await page.getByTestId('dock-tab-console').click();
  const input = page.getByTestId('powershell-input');
  await expect(input).toBeVisible();
  await input.click();
  return input;
}

async function run(page: Page, line: string) {
  const input = page.getByTestId('powershell-input');
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('powershell-hint')).not.toHaveText('Running…');
}

test.describe.serial('PowerShell prompt', () => {
  test('a typed Move-VMStorage becomes a job that runs to completion; Get-VM prints a table', async ({ page }) => {
    await openPrompt(page);
    await expect(page.getByTestId('powershell-title')).toHaveText('Administrator: Windows PowerShell — HV01');
    await expect(page.locator('label.hv-ps-prompt')).toHaveText('PS C:\\Users\\Administrator>');

    await run(page, 'Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01 -ComputerName HV01');
    const out = page.getByTestId('powershell-output');
    await expect(out).toContainText('PS C:\\Users\\Administrator> Move-VMStorage -VMName DC01');
    // As with -AsJob: the job table PowerShell prints.
    await expect(out.getByTestId('ps-output').last()).toContainText(/Id\s+Name\s+PSJobTypeName\s+State/);
    await expect(out.getByTestId('ps-output').last()).toContainText('Job1');

    await page.getByTestId('powershell-job-link-1').click();
    await expect(page.getByTestId('dock-tab-jobs')).toHaveAttribute('aria-selected', 'true');
    const row = page.getByTestId('job-row-1');
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'Running');
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/, { timeout: 15_000 });
    await expect(page.getByTestId('job-details')).toContainText('Copy');
    await page.screenshot({ path: `${ARTIFACTS}/jobs-running-storage-move.png` });

    await page.getByTestId('run-until-idle').click();
    await expect(row).toHaveAttribute('data-state', 'Completed');
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

    await page.getByTestId('dock-tab-console').click();
    await page.getByTestId('powershell-input').click();
    await run(page, 'Get-VM -ComputerName HV01');
    const table = out.getByTestId('ps-output').last();
    // Hyper-V's default view of a VirtualMachine, as 2012 R2 prints it.
    await expect(table).toContainText(/Name\s+State\s+CPUUsage\(%\)\s+MemoryAssigned\(M\)\s+Uptime\s+Status/);
    await expect(table).toContainText(/----\s+-----\s+-----------\s+-----------------\s+------\s+------/);
    await expect(table).toContainText(/DC01\s+Running\s+3\s+2048\s+\d\d:\d\d:\d\d\s+Operating normally/);
    await page.screenshot({ path: `${ARTIFACTS}/console-get-vm-table.png` });

    // The language: a variable holds the VM object; its property shows the move's result.
    await run(page, '$vm = Get-VM DC01 -ComputerName HV01; $vm.Path');
    await expect(out.getByTestId('ps-output').last()).toHaveText('E:\\VMs\\DC01');
    await run(page, 'Get-VM -ComputerName HV01 | Where-Object State -eq Running | Sort-Object Name -Descending | Select-Object Name, ProcessorCount');
    await expect(out.getByTestId('ps-output').last()).toContainText(/Name\s+ProcessorCount\n----\s+--------------\nWEB01\s+2\nSQL01\s+4\nDC01\s+2/);
    await page.screenshot({ path: `${ARTIFACTS}/console-language.png` });

    // Format-List * shows every property.
    await run(page, 'Get-VMHost -ComputerName HV01 | Format-List *');
    await expect(out.getByTestId('ps-output').last()).toContainText(/VirtualMachineMigrationPerformanceOption\s+: Compression/);
  });

  test('Tab completes cmdlet and parameter names and enum values, cycling on repeated Tab', async ({ page }) => {
    const input = await openPrompt(page);
    await input.fill('Move-VMSt');
    await input.press('Tab');
    await expect(input).toHaveValue('Move-VMStorage');

    await input.fill('Get-VM -');
    await input.press('Tab');
    await expect(input).toHaveValue('Get-VM -Name');
    await input.press('Tab');
    await expect(input).toHaveValue('Get-VM -ComputerName');
    // The cmdlet's own parameters, then the common ones Tab cycles to in PowerShell.
    await expect(page.getByTestId('powershell-hint')).toContainText('2 of 4: -Name  [-ComputerName]  -Verbose  -Debug');
    await input.press('Shift+Tab');
    await expect(input).toHaveValue('Get-VM -Name');

    await input.fill('Set-VMHost -VirtualMachineMigrationPerformanceOption ');
    await input.press('Tab');
    await expect(input).toHaveValue('Set-VMHost -VirtualMachineMigrationPerformanceOption TCPIP');
    await input.press('Tab');
    await expect(input).toHaveValue('Set-VMHost -VirtualMachineMigrationPerformanceOption Compression');
    // The caret stays at the end of the completed word, so typing goes on from there.
    await input.pressSequentially(' -ComputerName HV0');
    await input.press('Tab');
    await expect(input).toHaveValue('Set-VMHost -VirtualMachineMigrationPerformanceOption Compression -ComputerName HV01');
    await page.screenshot({ path: `${ARTIFACTS}/console-tab-completion.png` });
  });

  test('errors are red with their position; parse errors have a caret; warnings are yellow', async ({ page }) => {
    await openPrompt(page);
    await run(page, 'Get-VM -Name NoSuchVM -ComputerName HV01');
    const error = page.getByTestId('ps-error').last();
    await expect(error).toContainText('Get-VM : Hyper-V was unable to find a virtual machine with name "NoSuchVM".');
    // A cmdlet's own error points at the whole command, as 2012 R2 prints it; the record names the target.
    await expect(error).toContainText('At line:1 char:1');
    await expect(error).toContainText('+ Get-VM -Name NoSuchVM -ComputerName HV01');
    await expect(error).toContainText(/\+ ~{40}\n/);
    await expect(error).toContainText('+ CategoryInfo          : InvalidArgument: (NoSuchVM:String) [Get-VM], VirtualizationInvalidArgumentException');
    await expect(error).toContainText('+ FullyQualifiedErrorId : InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMCommand');
    const color = await error.evaluate((el) => getComputedStyle(el).color);
    const [r, g, b] = color.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(120);
    expect(b).toBeLessThan(120);

    await run(page, 'Get-VM "HV01');
    const parse = page.getByTestId('ps-error').last();
    await expect(parse).toContainText('At line:1 char:8');
    await expect(parse).toContainText(/\+ {8}~\n/);
    await expect(parse).toContainText('The string is missing the terminator');

    await run(page, 'Start-VM -Name DC01 -ComputerName HV01');
    const warning = page.getByTestId('ps-warning').last();
    await expect(warning).toContainText(/^WARNING: /);
    const wColor = await warning.evaluate((el) => getComputedStyle(el).color);
    expect(wColor).toBe('rgb(255, 255, 0)');
    await page.screenshot({ path: `${ARTIFACTS}/console-errors.png` });

    // Dark theme: still readable.
    await page.getByTestId('menu-view').click();
    await page.getByTestId('menuitem-theme').click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${ARTIFACTS}/console-errors-dark.png` });
  });

  test('Up/Down walk the history; Get-History lists it; cls clears', async ({ page }) => {
    const input = await openPrompt(page);
    await run(page, 'Get-VM -ComputerName HV02');
    await run(page, 'Get-VMHost -ComputerName HV02');
    await input.press('ArrowUp');
    await expect(input).toHaveValue('Get-VMHost -ComputerName HV02');
    await input.press('ArrowUp');
    await expect(input).toHaveValue('Get-VM -ComputerName HV02');
    await input.press('ArrowDown');
    await expect(input).toHaveValue('Get-VMHost -ComputerName HV02');
    await input.press('ArrowDown');
    await expect(input).toHaveValue('');

    await run(page, 'Get-History');
    await expect(page.getByTestId('ps-output').last()).toContainText(/Id\s+CommandLine/);
    await expect(page.getByTestId('ps-output').last()).toContainText(/2\s+Get-VMHost -ComputerName HV02/);

    await run(page, 'cls');
    await expect(page.getByTestId('ps-prompt')).toHaveCount(0);

    // Esc clears the line, and the next Tab leaves the prompt (no keyboard trap).
    await input.fill('Get-VM');
    await input.press('Escape');
    await expect(input).toHaveValue('');
    await input.press('Tab');
    await expect(input).not.toBeFocused();
  });
  test('a typo gives its error record; Get-Help shows examples; Remove-VM asks and No keeps the VM', async ({ page }) => {
    const input = await openPrompt(page);
    await run(page, 'Get-VMM -ComputerName HV01');
    const error = page.getByTestId('ps-error').last();
    await expect(error).toContainText("Get-VMM : The term 'Get-VMM' is not recognized as the name of a cmdlet");
    await expect(error).toContainText(/At line:1 char:1\n\+ Get-VMM -ComputerName HV01\n\+ ~{7}\n/);
    await expect(error).toContainText('+ CategoryInfo          : ObjectNotFound: (Get-VMM:String) [], CommandNotFoundException');
    await expect(error).toContainText('+ FullyQualifiedErrorId : CommandNotFoundException');
    await page.screenshot({ path: `${ARTIFACTS}/console-error-record.png` });

    await run(page, 'Get-Help Move-VM -Examples');
    const help = page.getByTestId('ps-output').last();
    await expect(help).toContainText(/NAME\n {4}Move-VM/);
    await expect(help).toContainText('-------------------------- EXAMPLE 1 --------------------------');
    await expect(help).toContainText('PS C:\\>Move-VM -Name WEB01 -DestinationHost HV02');
    await page.screenshot({ path: `${ARTIFACTS}/console-help-examples.png` });

    const prompt = page.locator('label.hv-ps-prompt');
    await run(page, 'Remove-VM TEST01 -ComputerName HV02');
    await expect(page.getByTestId('ps-output').last()).toContainText('Confirm\nAre you sure you want to remove virtual machine "TEST01"?');
    await expect(prompt).toHaveText('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):');
    await expect(input).toBeFocused();
    await page.screenshot({ path: `${ARTIFACTS}/console-confirm-remove-vm.png` });
    await run(page, 'n');
    await expect(prompt).toHaveText('PS C:\\Users\\Administrator>');
    await run(page, 'Get-VM TEST01 -ComputerName HV02');
    // 2012 R2's Get-VM table has no ComputerName column: the row is the VM's, off, still there.
    await expect(page.getByTestId('ps-output').last()).toContainText(/TEST01\s+Off\s+0\s+0\s+00:00:00\s+Operating normally/);
    await page.screenshot({ path: `${ARTIFACTS}/console-confirm-no-keeps-vm.png` });
  });
});
