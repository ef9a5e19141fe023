// The virtual hard disk windows' stores (issue 13): the New Virtual Hard Disk Wizard, the Edit
// Virtual Hard Disk Wizard, Inspect Disk and the Open dialog behind them. Each runs against a real
// engine through a bridge that answers as the console's does, so a command a wizard builds is
// checked by the cmdlet it names, and every bad input is named on the page it is typed on.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import type { Command, Query } from '../../../engine/contract';
import type { Host } from '../../../engine/model/world';
import { NewVhdWizardStore, type NewVhdPageId } from '../../../renderer/stores/wizard-new-vhd';
import { EditVhdWizardStore, type EditVhdPageId } from '../../../renderer/stores/wizard-edit-vhd';
import { InspectDiskStore } from '../../../renderer/stores/inspect-vhd';
import { OpenFileStore } from '../../../renderer/stores/open-file';
import { DEFAULT_VHD_FOLDER } from '../../../renderer/stores/wizard-new-vm';

const GB = 1024 ** 3;

function lab() {
  const engine = new Engine({ world: defaultWorld() });
  const ran: Command[] = [];
  const bridge = {
    invoke: async (c: Command) => engine.invoke(c),
    query: async (q: Query) => engine.query(q),
  } as never;
  const commands = {
    run: async (c: Command) => {
      ran.push(c);
      return engine.invoke(c);
    },
  };
  const host: Host = engine.state().world.hosts.find((h) => h.name === 'HV01')!;
  const getVhd = (path: string) => {
    const r = engine.invoke({ cmdlet: 'Get-VHD', params: { Path: path, ComputerName: 'HV01' } });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.output[0] as { VhdFormat: string; VhdType: string; Size: number; ParentPath: string };
  };
  return { engine, bridge, commands, host, ran, getVhd };
}

function newVhd(l = lab()) {
  let closed = false;
  const wizard = new NewVhdWizardStore({ commands: l.commands }, l.host, () => (closed = true));
  return { ...l, wizard, closed: () => closed };
}

function goTo(wizard: { currentId: string }, id: NewVhdPageId | EditVhdPageId) {
  wizard.currentId = id;
}

describe('New Virtual Hard Disk Wizard', () => {
  it("walks 2012 R2's pages and, by default, sends New-VHD for a 127 GB dynamically expanding VHDX in Hyper-V's default folder", async () => {
    const { wizard, ran, getVhd, closed } = newVhd();
    expect(wizard.pages.map((p) => p.nav)).toEqual([
      'Before You Begin',
      'Choose Disk Format',
      'Choose Disk Type',
      'Specify Name and Location',
      'Configure Disk',
      'Summary',
    ]);
    expect(wizard.canFinish).toBe(false);
    for (let i = 0; i < 5; i++) wizard.next();
    expect(wizard.page.heading).toBe('Completing the New Virtual Hard Disk Wizard');
    expect(wizard.summaryRows).toEqual([
      ['Format:', 'VHDX'],
      ['Type:', 'Dynamically expanding'],
      ['Name:', 'New Virtual Hard Disk.vhdx'],
      ['Location:', 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks'],
      ['Size:', '127 GB'],
    ]);
    await wizard.finish();
    expect(closed()).toBe(true);
    const path = `${DEFAULT_VHD_FOLDER}New Virtual Hard Disk.vhdx`;
    expect(ran).toEqual([{ cmdlet: 'New-VHD', params: { Path: path, SizeBytes: 127 * GB, Dynamic: true, ComputerName: 'HV01' } }]);
    expect(getVhd(path)).toMatchObject({ VhdFormat: 'VHDX', VhdType: 'Dynamic', Size: 127 * GB });
  });

  it('VHD renames the file and limits the size to 2,040 GB; VHDX to 64 TB; each refusal says so under the box', () => {
    const { wizard } = newVhd();
    wizard.setFormat('VHD');
    expect(wizard.name).toBe('New Virtual Hard Disk.vhd');
    goTo(wizard, 'configure');
    wizard.set('sizeGb', '2041');
    expect(wizard.problems).toEqual([
      { field: 'size', message: 'The VHD format supports virtual hard disks up to 2040 GB (2040 GB). Choose VHDX for a larger disk.' },
    ]);
    expect(wizard.canNext).toBe(false);
    wizard.set('sizeGb', '2040');
    expect(wizard.problems).toEqual([]);
    wizard.setFormat('VHDX');
    wizard.set('sizeGb', '65537');
    expect(wizard.problems[0]!.message).toBe('The VHDX format supports virtual hard disks up to 64 TB (65536 GB).');
    wizard.set('sizeGb', '65536');
    expect(wizard.problems).toEqual([]);
    for (const bad of ['', '0', '1.5', '12 GB', '-3']) {
      wizard.set('sizeGb', bad);
      expect(wizard.problems.map((p) => p.field)).toEqual(['size']);
    }
  });

  it("refuses a name whose extension is not the format's, a name with a folder or a reserved character, and a bad location", () => {
    const { wizard } = newVhd();
    goTo(wizard, 'name');
    wizard.set('name', 'Data.vhd');
    expect(wizard.problems).toEqual([{ field: 'name', message: 'The file name extension must be .vhdx for the VHDX format chosen on Choose Disk Format.' }]);
    wizard.set('name', 'Data.txt');
    expect(wizard.problems[0]!.field).toBe('name');
    wizard.set('name', 'D:\\Data.vhdx');
    expect(wizard.problems[0]!.message).toBe('Type the name only; the folder goes in Location.');
    wizard.set('name', 'a|b.vhdx');
    expect(wizard.problems[0]!.message).toMatch(/^The name is not valid\. .*\|/);
    wizard.set('name', '');
    expect(wizard.problems[0]!.message).toBe('Type a name for the virtual hard disk file.');
    wizard.set('name', 'Data.vhdx');
    wizard.set('location', 'Disks');
    expect(wizard.problems.map((p) => p.field)).toEqual(['location']);
    expect(wizard.canNext).toBe(false);
    wizard.set('location', 'E:\\Disks');
    expect(wizard.problems).toEqual([]);
  });

  it('a differencing disk needs a parent of its own format, and sends New-VHD -ParentPath -Differencing', async () => {
    const { wizard, ran, getVhd } = newVhd();
    wizard.set('type', 'Differencing');
    wizard.set('name', 'Child.vhdx');
    wizard.set('location', 'D:\\Disks');
    goTo(wizard, 'configure');
    expect(wizard.problems).toEqual([{ field: 'parentPath', message: 'Type or browse to the parent disk.' }]);
    wizard.set('parentPath', 'D:\\Base.vhd');
    expect(wizard.problems[0]!.message).toMatch(/^A differencing disk must have the format of its parent: the parent is a VHD file and this disk is VHDX\./);
    wizard.set('parentPath', 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx');
    expect(wizard.problems).toEqual([]);
    wizard.next();
    expect(wizard.summaryRows.at(-1)).toEqual(['Parent:', 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx']);
    await wizard.finish();
    expect(ran[0]).toEqual({
      cmdlet: 'New-VHD',
      params: { Path: 'D:\\Disks\\Child.vhdx', ParentPath: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', Differencing: true, ComputerName: 'HV01' },
    });
    expect(getVhd('D:\\Disks\\Child.vhdx')).toMatchObject({ VhdType: 'Differencing', ParentPath: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx' });
  });

  it('copying a virtual hard disk sends Convert-VHD into the new file with the type chosen; the physical disk option cannot be chosen', async () => {
    const l = lab();
    l.engine.invoke({ cmdlet: 'New-VHD', params: { Path: 'D:\\Disks\\Source.vhdx', SizeBytes: 40 * GB } });
    const { wizard, ran, getVhd } = newVhd(l);
    wizard.set('type', 'Fixed');
    wizard.set('name', 'Copy.vhdx');
    wizard.set('location', 'E:\\');
    goTo(wizard, 'configure');
    wizard.set('source', 'physical');
    expect(wizard.problems).toEqual([
      { field: 'source', message: 'This lab has no physical disks to copy. Create a blank disk, or copy a virtual hard disk.' },
    ]);
    wizard.set('source', 'virtual');
    wizard.set('sourcePath', 'D:\\Disks\\Source.txt');
    expect(wizard.problems).toEqual([{ field: 'sourcePath', message: 'The virtual hard disk to copy must be a .vhd or .vhdx file.' }]);
    wizard.set('sourcePath', 'D:\\Disks\\Source.vhdx');
    await wizard.finish();
    expect(ran[0]).toEqual({
      cmdlet: 'Convert-VHD',
      params: { Path: 'D:\\Disks\\Source.vhdx', DestinationPath: 'E:\\Copy.vhdx', VHDType: 'Fixed', ComputerName: 'HV01' },
    });
    expect(getVhd('E:\\Copy.vhdx')).toMatchObject({ VhdType: 'Fixed', Size: 40 * GB });
  });

  it("a file that exists is the engine's to refuse, in Windows' words", async () => {
    const l = lab();
    const { wizard } = newVhd(l);
    wizard.set('name', 'SQL01.vhdx');
    wizard.set('location', 'D:\\VMs\\SQL01\\Virtual Hard Disks');
    goTo(wizard, 'configure');
    const r = await l.commands.run(wizard.command);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('The file exists. (0x80070050)');
  });
});

function editVhd(l = lab()) {
  const wizard = new EditVhdWizardStore({ bridge: l.bridge, commands: l.commands }, l.host, () => undefined);
  return { ...l, wizard };
}

async function located(path: string, l = lab()) {
  const e = editVhd(l);
  goTo(e.wizard, 'locate');
  e.wizard.setPath(path);
  await e.wizard.next();
  return e;
}

describe('Edit Virtual Hard Disk Wizard', () => {
  it("Locate Disk stays with the engine's message when no disk is at the path, and names a path that is not a disk file", async () => {
    const { wizard } = editVhd();
    goTo(wizard, 'locate');
    expect(wizard.problems).toEqual([{ field: 'path', message: 'Type or browse to the virtual hard disk.' }]);
    wizard.setPath('D:\\Nothing.iso');
    expect(wizard.problems[0]!.message).toBe('The virtual hard disk must be a .vhd or .vhdx file.');
    wizard.setPath('D:\\Nothing.vhdx');
    await wizard.next();
    expect(wizard.currentId).toBe('locate');
    expect(wizard.problems[0]!.message).toContain('The system cannot find the file specified. (0x80070002)');
    // Typing again clears the old answer.
    wizard.setPath('D:\\Nothing2.vhdx');
    expect(wizard.problems).toEqual([]);
  });

  it('offers Compact, Convert, Expand and Shrink for a dynamic VHDX; Convert, Expand (and Shrink) for a fixed one; never Merge', async () => {
    const dynamic = await located('D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx');
    expect(dynamic.wizard.currentId).toBe('action');
    expect(dynamic.wizard.actions).toEqual(['compact', 'convert', 'expand', 'shrink']);
    const fixed = await located('D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx');
    expect(fixed.wizard.actions).not.toContain('compact');
    expect(fixed.wizard.actions).not.toContain('merge');
    expect(fixed.wizard.actions.slice(0, 2)).toEqual(['convert', 'expand']);
  });

  it('Expand refuses a size not larger than the current one or over the format maximum, then sends Resize-VHD', async () => {
    const l = lab();
    l.engine.invoke({ cmdlet: 'New-VHD', params: { Path: 'E:\\Data.vhdx', SizeBytes: 10 * GB } });
    const { wizard, ran, getVhd } = await located('E:\\Data.vhdx', l);
    expect(wizard.canNext).toBe(false);
    wizard.setAction('expand');
    expect(wizard.pages.map((p) => p.nav)).toEqual(['Before You Begin', 'Locate Disk', 'Choose Action', 'Configure Disk', 'Summary']);
    await wizard.next();
    expect(wizard.sizeGb).toBe('10');
    expect(wizard.problems).toEqual([{ field: 'size', message: 'The size must be at least 11 GB.' }]);
    wizard.set('sizeGb', '70000');
    expect(wizard.problems[0]!.message).toBe('The VHDX format supports virtual hard disks up to 64 TB (65536 GB).');
    wizard.set('sizeGb', '20');
    expect(wizard.problems).toEqual([]);
    await wizard.next();
    expect(wizard.summaryRows).toEqual([
      ['Virtual hard disk:', 'E:\\Data.vhdx'],
      ['Action:', 'Expand'],
      ['New size:', '20 GB'],
    ]);
    await wizard.finish();
    expect(ran[0]).toEqual({ cmdlet: 'Resize-VHD', params: { Path: 'E:\\Data.vhdx', SizeBytes: 20 * GB, ComputerName: 'HV01' } });
    expect(getVhd('E:\\Data.vhdx').Size).toBe(20 * GB);
  });

  it('Convert walks format, type and the new file; refuses VHD for a disk over 2,040 GB and the same file; sends Convert-VHD', async () => {
    const l = lab();
    l.engine.invoke({ cmdlet: 'New-VHD', params: { Path: 'E:\\Big.vhdx', SizeBytes: 3000 * GB } });
    const { wizard, ran, getVhd } = await located('E:\\Big.vhdx', l);
    wizard.setAction('convert');
    expect(wizard.pages.map((p) => p.nav)).toEqual([
      'Before You Begin',
      'Locate Disk',
      'Choose Action',
      'Choose Disk Format',
      'Choose Disk Type',
      'Configure Disk',
      'Summary',
    ]);
    await wizard.next();
    wizard.setFormat('VHD');
    expect(wizard.problems).toEqual([{ field: 'format', message: 'The disk is 2.93 TB, larger than the VHD format supports (2040 GB). Choose VHDX.' }]);
    expect(wizard.canFinish).toBe(false);
    wizard.setFormat('VHDX');
    await wizard.next();
    expect(wizard.type).toBe('Dynamic');
    await wizard.next();
    expect(wizard.newName).toBe('Big-Converted.vhdx');
    expect(wizard.newLocation).toBe('E:\\');
    wizard.set('newName', 'Big.vhdx');
    expect(wizard.problems).toEqual([{ field: 'newName', message: 'The new virtual hard disk must be a different file from the one being edited.' }]);
    wizard.set('newName', 'Big.vhd');
    expect(wizard.problems[0]!.message).toBe('The file name extension must be .vhdx for the VHDX format chosen on Choose Disk Format.');
    wizard.set('newName', 'Big-Copy.vhdx');
    wizard.set('newLocation', 'D:\\Disks');
    await wizard.finish();
    expect(ran[0]).toEqual({
      cmdlet: 'Convert-VHD',
      params: { Path: 'E:\\Big.vhdx', DestinationPath: 'D:\\Disks\\Big-Copy.vhdx', VHDType: 'Dynamic', ComputerName: 'HV01' },
    });
    expect(getVhd('D:\\Disks\\Big-Copy.vhdx')).toMatchObject({ VhdType: 'Dynamic', Size: 3000 * GB });
  });

  it('a differencing disk offers Compact, Convert and Merge; Merge goes to the parent (Merge-VHD) or to a new disk (Convert-VHD)', async () => {
    const l = lab();
    l.engine.invoke({ cmdlet: 'New-VHD', params: { Path: 'E:\\Base.vhdx', SizeBytes: 10 * GB } });
    l.engine.invoke({ cmdlet: 'New-VHD', params: { Path: 'E:\\Child.vhdx', ParentPath: 'E:\\Base.vhdx', Differencing: true } });
    const { wizard, ran } = await located('E:\\Child.vhdx', l);
    expect(wizard.actions).toEqual(['compact', 'convert', 'merge']);
    wizard.setAction('merge');
    await wizard.next();
    wizard.set('mergeInto', 'new');
    expect(wizard.command).toEqual({
      cmdlet: 'Convert-VHD',
      params: { Path: 'E:\\Child.vhdx', DestinationPath: 'E:\\Child-Merged.vhdx', VHDType: 'Dynamic', ComputerName: 'HV01' },
    });
    wizard.set('mergeInto', 'parent');
    await wizard.finish();
    expect(ran[0]).toEqual({ cmdlet: 'Merge-VHD', params: { Path: 'E:\\Child.vhdx', DestinationPath: 'E:\\Base.vhdx', ComputerName: 'HV01' } });
    expect(l.engine.invoke({ cmdlet: 'Get-VHD', params: { Path: 'E:\\Child.vhdx' } }).ok).toBe(false);
  });

  it("Compact of a running VM's disk is refused by the engine in Windows' words", async () => {
    const l = lab();
    const { wizard } = await located('D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', l);
    wizard.setAction('compact');
    expect(wizard.pages.at(-2)!.id).toBe('action');
    await wizard.next();
    expect(wizard.command).toEqual({
      cmdlet: 'Optimize-VHD',
      params: { Path: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', Mode: 'Full', ComputerName: 'HV01' },
    });
    const r = await l.commands.run(wizard.command!);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('being used by another process');
  });
});

describe('Inspect Disk and the Open dialog', () => {
  it("shows Get-VHD's answer as the Properties window's rows, and Inspect Parent shows the parent", async () => {
    const l = lab();
    l.engine.invoke({ cmdlet: 'New-VHD', params: { Path: 'E:\\Base.vhdx', SizeBytes: 10 * GB, Fixed: true } });
    l.engine.invoke({ cmdlet: 'New-VHD', params: { Path: 'E:\\Child.vhdx', ParentPath: 'E:\\Base.vhdx', Differencing: true } });
    const inspect = new InspectDiskStore({ commands: l.commands }, l.host, () => undefined);
    await inspect.inspect('E:\\Child.vhdx');
    expect(inspect.phase).toBe('properties');
    expect(inspect.rows.map(([k]) => k)).toEqual(['Format:', 'Type:', 'Location:', 'File Name:', 'Current File Size:', 'Maximum Disk Size:']);
    expect(inspect.rows[1]).toEqual(['Type:', 'Differencing virtual hard disk']);
    expect(inspect.rows[5]).toEqual(['Maximum Disk Size:', '10 GB']);
    expect(inspect.disk!.ParentPath).toBe('E:\\Base.vhdx');
    await inspect.inspectParent();
    expect(inspect.rows[1]).toEqual(['Type:', 'Fixed size virtual hard disk']);
    expect(inspect.rows[3]).toEqual(['File Name:', 'Base.vhdx']);
  });

  it("Open lists the folder's disk files, refuses a file that is not there or not a disk, and returns the full path", async () => {
    const l = lab();
    const open = new OpenFileStore(l.bridge, 'HV01', 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', DEFAULT_VHD_FOLDER);
    await open.load();
    expect(open.tree.selected?.path).toBe('D:\\VMs\\SQL01\\Virtual Hard Disks');
    expect(open.files!.map((f) => f.name)).toEqual(['SQL01-Data.vhdx', 'SQL01.vhdx']);
    expect(open.fileText).toBe('SQL01.vhdx');
    expect(await open.accept()).toBe('D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx');
    open.setFileText('Missing.vhdx');
    expect(await open.accept()).toBeUndefined();
    expect(open.problem).toBe('D:\\VMs\\SQL01\\Virtual Hard Disks\\Missing.vhdx\nFile not found.\nCheck the file name and try again.');
    open.setFileText('notes.txt');
    expect(await open.accept()).toBeUndefined();
    expect(open.problem).toMatch(/not a virtual hard disk/);
    open.setFileText('D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx');
    expect(await open.accept()).toBe('D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx');
    open.dispose();
  });
});
