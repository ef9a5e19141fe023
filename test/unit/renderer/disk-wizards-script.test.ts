// What the disk wizards send runs the same as a script (issue 13: "every action ends as a cmdlet
// through the bridge and runs the same at the PowerShell prompt and in hvlab run"): the e2e
// journey's three Finish commands, through the bridge on one engine, and their canonical text
// (commandText) through runScript — hvlab run's engine path — on another, leave the same disks.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import type { Command } from '../../../engine/contract';
import { runScript } from '../../../engine/scripting/run-script';
import { NewVhdWizardStore } from '../../../renderer/stores/wizard-new-vhd';
import { EditVhdWizardStore } from '../../../renderer/stores/wizard-edit-vhd';

const GB = 1024 ** 3;

describe('the disk wizards and a script', () => {
  it('leave the same disks: New-VHD, Resize-VHD and Convert-VHD as the wizards send them and as text', async () => {
    const gui = new Engine({ world: defaultWorld() });
    const texts: string[] = [];
    const commands = {
      run: async (c: Command) => {
        const r = gui.invoke(c);
        if (r.ok) texts.push(r.value.commandText);
        return r;
      },
    };
    const bridge = { invoke: async (c: Command) => gui.invoke(c) };
    const host = gui.state().world.hosts.find((h) => h.name === 'HV01')!;

    const create = new NewVhdWizardStore({ commands }, host, () => undefined);
    create.set('name', 'Journey.vhdx');
    create.set('location', 'E:\\Disks');
    create.set('sizeGb', '40');
    create.currentId = 'summary';
    await create.finish();

    const expand = new EditVhdWizardStore({ bridge, commands }, host, () => undefined);
    expand.currentId = 'locate';
    expand.setPath('E:\\Disks\\Journey.vhdx');
    await expand.next();
    expand.setAction('expand');
    expand.set('sizeGb', '60');
    expand.currentId = 'summary';
    await expand.finish();

    const convert = new EditVhdWizardStore({ bridge, commands }, host, () => undefined);
    convert.currentId = 'locate';
    convert.setPath('E:\\Disks\\Journey.vhdx');
    await convert.next();
    convert.setAction('convert');
    convert.setFormat('VHD');
    convert.set('type', 'Fixed');
    convert.currentId = 'summary';
    await convert.finish();

    expect(texts).toEqual([
      'New-VHD -Path E:\\Disks\\Journey.vhdx -SizeBytes 40GB -Dynamic -ComputerName HV01',
      'Resize-VHD -Path E:\\Disks\\Journey.vhdx -SizeBytes 60GB -ComputerName HV01',
      'Convert-VHD -Path E:\\Disks\\Journey.vhdx -DestinationPath E:\\Disks\\Journey-Converted.vhd -VHDType Fixed -ComputerName HV01',
    ]);

    const script = new Engine({ world: defaultWorld() });
    const report = runScript(script, texts.join('\n'));
    expect(report.ok).toBe(true);
    for (const path of ['E:\\Disks\\Journey.vhdx', 'E:\\Disks\\Journey-Converted.vhd']) {
      const get = (e: Engine) => e.invoke({ cmdlet: 'Get-VHD', params: { Path: path, ComputerName: 'HV01' } });
      expect(get(script)).toEqual(get(gui));
    }
    const converted = gui.invoke({ cmdlet: 'Get-VHD', params: { Path: 'E:\\Disks\\Journey-Converted.vhd' } });
    expect(converted.ok && converted.value.output[0]).toMatchObject({ VhdFormat: 'VHD', VhdType: 'Fixed', Size: 60 * GB });
  });
});
