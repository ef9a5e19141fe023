// Hyper-V's maximums and Windows' path rules, met as a user meets them: cmdlet text run through the
// engine (as the console's prompt does) and scripts through runScript (what `hvlab run` runs).
// Each refusal names the value and the limit, and changes nothing.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../engine/scripting/run-script';
import { host, newEngine, refused, vm, worldOf } from './helpers';

const MB = 1024 ** 2;

describe('Checkpoint-VM: 50 checkpoints per virtual machine', () => {
  it('takes 50 checkpoints of a VM and refuses the 51st, naming the limit', () => {
    const e = newEngine();
    const report = runScript(e, Array.from({ length: 50 }, () => 'Checkpoint-VM WEB01').join('\n'));
    expect(report.ok).toBe(true);
    expect(vm(worldOf(e), 'WEB01').checkpoints).toHaveLength(50);
    const err = refused(e, 'Checkpoint-VM WEB01');
    expect(err.message).toBe("Checkpoint operation for 'WEB01' failed. 'WEB01' already has 50 checkpoints; a virtual machine can have at most 50.");
  });

  it('counts the checkpoints one command takes together against the free space of their volume', () => {
    // SQL01 and DC01 both keep checkpoints on HV01 D:, and both run: each checkpoint saves memory.
    const e = newEngine((w) => {
      const d = host(w, 'HV01').volumes.find((v) => v.letter === 'D')!;
      const sql = vm(w, 'SQL01');
      const dc = vm(w, 'DC01');
      const files = w.vms
        .filter((v) => v.host === 'HV01' && v.paths.configuration.startsWith('D:'))
        .reduce((n, v) => n + v.configurationSizeBytes + v.vhds.reduce((m, x) => m + x.sizeBytes, 0), 0);
      // Room for SQL01's memory image and a little, not for DC01's too.
      d.otherDataBytes = d.capacityBytes - files - sql.memory.startupBytes - 64 * MB;
      expect(dc.memory.startupBytes).toBeGreaterThan(64 * MB);
    });
    const err = refused(e, 'Checkpoint-VM SQL01,DC01');
    expect(err.message).toMatch(/There is not enough space on the disk/);
  });
});

describe('Windows path rules in the cmdlets', () => {
  it.each([
    ['a reserved device name', 'D:\\VMs\\CON', /reserved device name CON/],
    ['a reserved name with an extension', 'D:\\VMs\\NUL.vhdx', /reserved device name NUL/],
    [
      'a folder path over 248 characters',
      `D:\\${'x'.repeat(250)}`,
      /The filename or extension is too long\. \(0x800700CE\) The path is 253 characters long; a folder path can have at most 248/,
    ],
    ['a control character', 'D:\\VMs\\a`ab', /control character U\+0007/],
    ['an invalid character', 'D:\\VMs\\a|b', /contains '\|'/],
  ])('Set-VM -SmartPagingFilePath refuses %s', (_what, path, message) => {
    const e = newEngine();
    const err = refused(e, `Set-VM TEST01 -ComputerName HV02 -SmartPagingFilePath "${path}"`);
    expect(err.message).toMatch(/^Failed to change the smart paging file path of 'TEST01' to '.*'\. The filename/s);
    expect(`${err.message} ${err.fix}`).toMatch(message);
    expect(err.parameter).toBe('SmartPagingFilePath');
  });

  it('Set-VMHost refuses a default folder Windows cannot use for what it is', () => {
    const err = refused(newEngine(), 'Set-VMHost -VirtualMachinePath D:\\Hyper-V\\LPT1');
    expect(err.message).toMatch(/syntax is incorrect/);
    expect(err.fix).toMatch(/reserved device name LPT1/);
    expect(err.parameter).toBe('VirtualMachinePath');
  });

  it('Move-VMStorage refuses a destination folder with a reserved name', () => {
    const e = newEngine();
    const err = refused(e, 'Move-VMStorage TEST01 -ComputerName HV02 -DestinationStoragePath D:\\VMs\\AUX');
    expect(err.message).toMatch(/syntax is incorrect/);
    expect(err.fix).toMatch(/reserved device name AUX/);
  });

  it('Move-VMStorage refuses a folder whose files would pass MAX_PATH, naming the file and its length', () => {
    const e = newEngine();
    const folder = `E:\\${'v'.repeat(230)}`; // a legal folder (233 characters)
    const err = refused(e, `Move-VMStorage TEST01 -ComputerName HV02 -DestinationStoragePath ${folder}`);
    expect(err.message).toBe(`Failed to create '${folder}\\Virtual Hard Disks\\TEST01.vhdx': The filename or extension is too long. (0x800700CE)`);
    expect(err.fix).toMatch(/The path is 264 characters long; a file path can have at most 259 characters/);
  });

  it('Move-VMStorage -Vhds refuses a disk path with a control character', () => {
    const e = newEngine();
    const err = refused(
      e,
      'Move-VMStorage TEST01 -ComputerName HV02 -Vhds @{SourceFilePath="D:\\VMs\\TEST01\\Virtual Hard Disks\\TEST01.vhdx"; DestinationFilePath="E:\\VMs`t\\TEST01.vhdx"}',
    );
    expect(err.fix).toMatch(/control character U\+0009/);
  });
});

describe('Running virtual machines per host', () => {
  /** HV02 with `n` more small running VMs. */
  function crowded(n: number) {
    return newEngine((w) => {
      const app = vm(w, 'APP01');
      for (let i = 0; i < n; i++) {
        w.vms.push({
          ...structuredClone(app),
          id: `vm-x${i}`,
          name: `X${i}`,
          processorCount: 1,
          checkpoints: [],
          vhds: [],
          memory: { ...app.memory, dynamic: false, startupBytes: 32 * MB, minimumBytes: 32 * MB, maximumBytes: 32 * MB },
        });
      }
    });
  }

  it('Start-VM refuses the 1,025th running VM of a host', () => {
    const e = crowded(1023); // APP01 + 1,023 = 1,024 running on HV02
    const err = refused(e, 'Start-VM TEST01 -ComputerName HV02');
    expect(err.message).toBe("'TEST01' failed to start. HV02 already runs 1024 virtual machines; Hyper-V runs at most 1,024 per host.");
  });

  it('a live migration to a host running 1,024 VMs is refused before it starts', () => {
    const e = crowded(1023);
    const err = refused(e, 'Move-VM WEB01 HV02');
    expect(err.message).toMatch(/'WEB01' cannot be moved to 'HV02'\. HV02 already runs 1024 virtual machines; Hyper-V runs at most 1,024 per host\./);
  });
});
