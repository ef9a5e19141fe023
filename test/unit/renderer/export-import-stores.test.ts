// The Export dialog's and the Import wizard's stores: the pages each import type shows, what stops
// Next (named on the page), and the one command each ends in.
import { describe, expect, it, vi } from 'vitest';
import { ExportVmDialogStore, ImportWizardStore } from '../../../renderer/stores/export-import';
import { defaultWorld } from '../../../engine/model/default-world';
import type { ExportListing } from '../../../engine/contract';

const world = defaultWorld();
const hv02 = world.hosts.find((h) => h.name === 'HV02')!;
const test01 = world.vms.find((v) => v.name === 'TEST01')!;

const listing = (entries: ExportListing['entries'], below: string[] = []): ExportListing => ({ host: 'HV02', path: 'x', entries, below });
const entry = {
  name: 'TEST01',
  id: 'vm-test01',
  configurationFile: 'E:\\Exports\\TEST01\\Virtual Machines\\vm-test01.xml',
  folder: 'E:\\Exports\\TEST01',
  exportedAt: 0,
  generation: 1 as const,
  sizeBytes: 1,
  vhds: ['TEST01.vhdx'],
  checkpoints: 0,
};

function wizard(answer: ExportListing) {
  const run = vi.fn(() => Promise.resolve({ ok: true as const, value: { output: [], warnings: [], jobIds: [] } }));
  const query = vi.fn(() => Promise.resolve({ ok: true as const, value: answer }));
  const close = vi.fn();
  const w = new ImportWizardStore({ bridge: { query } as never, commands: { run } as never }, hv02, close);
  return { w, run, query, close };
}

describe('Import Virtual Machine wizard', () => {
  it('a folder without an export stays on Locate Folder and names the export folder below it', async () => {
    const { w, query } = wizard(listing([], ['E:\\Exports\\TEST01']));
    await w.next();
    expect(w.currentId).toBe('locate');
    expect(w.canNext).toBe(false);
    expect(w.problems[0]!.message).toBe('Specify the folder containing the virtual machine to import.');
    w.setFolder('E:\\Exports');
    await w.next();
    expect(query).toHaveBeenCalledWith({ name: 'exports', host: 'HV02', path: 'E:\\Exports' });
    expect(w.currentId).toBe('locate');
    expect(w.problems.map((p) => p.message)).toEqual([
      "Hyper-V did not find virtual machines to import from location 'E:\\Exports'. Select the folder of the exported virtual machine, such as 'E:\\Exports\\TEST01'.",
    ]);
    // Editing the folder clears it.
    w.setFolder('E:\\Exports\\TEST01');
    expect(w.problems).toEqual([]);
  });

  it('register in place has no folder pages and sends Import-VM without -Copy; copy asks for folders and sends -Copy -GenerateNewId', async () => {
    const { w, run, close } = wizard(listing([entry]));
    await w.next();
    w.setFolder('E:\\Exports\\TEST01');
    await w.next();
    expect(w.currentId).toBe('select');
    expect(w.selected?.name).toBe('TEST01');
    await w.next();
    expect(w.pages.map((p) => p.id)).toEqual(['before', 'locate', 'select', 'type', 'summary']);
    expect(w.command).toEqual({ cmdlet: 'Import-VM', params: { Path: entry.configurationFile, ComputerName: ['HV02'] } });
    w.setImportType('copy');
    expect(w.pages.map((p) => p.id)).toEqual(['before', 'locate', 'select', 'type', 'folders', 'storage', 'summary']);
    await w.next();
    w.setStoreElsewhere(true);
    w.setFolderField('configurationFolder', 'D:\\VMs\\TEST01-Copy');
    expect(w.checkpointFolder).toBe('D:\\VMs\\TEST01-Copy');
    w.setFolderField('smartPagingFolder', 'D:\\VMs\\<bad>');
    expect(w.canNext).toBe(false);
    w.setFolderField('smartPagingFolder', 'D:\\Paging');
    await w.next();
    w.setFolderField('vhdFolder', 'D:\\VMs\\TEST01-Copy\\Virtual Hard Disks\\');
    await w.next();
    expect(w.summaryRows).toContainEqual(['Import Type:', 'Copy (generate new ID)']);
    await w.finish();
    expect(close).toHaveBeenCalled();
    expect(run).toHaveBeenCalledWith(
      {
        cmdlet: 'Import-VM',
        params: {
          Path: entry.configurationFile,
          ComputerName: ['HV02'],
          Copy: true,
          GenerateNewId: true,
          VirtualMachinePath: 'D:\\VMs\\TEST01-Copy',
          SnapshotFilePath: 'D:\\VMs\\TEST01-Copy',
          SmartPagingFilePath: 'D:\\Paging',
          VhdDestinationPath: 'D:\\VMs\\TEST01-Copy\\Virtual Hard Disks',
        },
      },
      expect.anything(),
    );
  });
});

describe('Export Virtual Machine dialog', () => {
  it('Export stays off until the location is a full path; it sends Export-VM for the VM on its host', async () => {
    const run = vi.fn(() => Promise.resolve({ ok: true as const, value: { output: [], warnings: [], jobIds: [] } }));
    const close = vi.fn();
    const d = new ExportVmDialogStore({ bridge: { query: vi.fn() } as never, commands: { run } as never }, test01, '', close);
    expect(d.canExport).toBe(false);
    d.setLocation('E:\\Ex|ports');
    expect(d.problem).toBeDefined();
    d.setLocation('E:\\Exports\\');
    expect(d.canExport).toBe(true);
    await d.export();
    expect(close).toHaveBeenCalledWith('E:\\Exports');
    expect(run).toHaveBeenCalledWith({ cmdlet: 'Export-VM', params: { Name: ['TEST01'], Path: 'E:\\Exports', ComputerName: ['HV02'] } }, expect.anything());
  });
});
