// `hvlab run` with Export-VM and Import-VM: a script exports a VM, deletes it and imports a copy
// back; each statement blocks on its job as PowerShell does, and the report shows both jobs.
import { describe, expect, it } from 'vitest';
import { runScriptCommand } from '../../../doors/cli/run-command';

function hvlabRun(scriptText: string, json = true) {
  let out = '';
  let err = '';
  const code = runScriptCommand({ scriptPath: 'export-import.ps1', scriptText, json, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const SCRIPT = [
  'Stop-VM TEST01 -ComputerName HV02',
  'Export-VM -Name TEST01 -Path E:\\Exports -ComputerName HV02',
  'Remove-VM TEST01 -ComputerName HV02 -Force',
  // Remove-VM keeps the disk in D:\VMs\TEST01, so the copy goes to a folder of its own.
  "Import-VM -Path 'E:\\Exports\\TEST01\\Virtual Machines\\vm-test01.xml' -Copy -GenerateNewId -VirtualMachinePath D:\\VMs\\TEST01-Copy -VhdDestinationPath 'D:\\VMs\\TEST01-Copy\\Virtual Hard Disks' -ComputerName HV02",
  'Start-VM TEST01 -ComputerName HV02',
].join('\n');

describe('hvlab run: export, delete, import a copy', () => {
  it('runs to completion with an Export and an Import job, and the VM is back with a new ID', () => {
    const r = hvlabRun(SCRIPT);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      ok: boolean;
      statements: { ok: boolean; jobIds: string[]; endedAt: number; startedAt: number }[];
      jobs: { kind: string; cmdlet: string; result: string; durationMs: number; stages: { name: string; bytesTotal: number }[] }[];
      vms: { name: string; host: string; state: string; configuration: string; vhds: { path: string }[] }[];
    };
    expect(report.ok).toBe(true);
    expect(report.jobs.map((j) => [j.kind, j.cmdlet, j.result])).toEqual([
      ['Export', 'Export-VM', 'Completed'],
      ['Import', 'Import-VM', 'Completed'],
    ]);
    // Each statement waited for its job: the import began after the export had ended.
    const [, exp, , imp] = report.statements;
    expect(imp!.startedAt).toBeGreaterThanOrEqual(exp!.endedAt);
    // TEST01's 12 GB disk is copied twice, each time taking simulated seconds.
    for (const j of report.jobs) {
      expect(j.stages.map((s) => s.name)).toEqual(['Setup', 'Copy']);
      expect(j.stages[1]!.bytesTotal).toBeGreaterThan(12 * 1024 ** 3);
      expect(j.durationMs).toBeGreaterThan(5_000);
    }
    const t = report.vms.find((v) => v.name === 'TEST01')!;
    expect(t).toMatchObject({ host: 'HV02', state: 'Running', configuration: 'D:\\VMs\\TEST01-Copy' });
    expect(t.vhds.map((d) => d.path)).toEqual(['D:\\VMs\\TEST01-Copy\\Virtual Hard Disks\\TEST01.vhdx']);
  });

  it('a second import of it on the same host is refused, and the script fails', () => {
    const r = hvlabRun(`${SCRIPT}\nImport-VM 'E:\\Exports\\TEST01\\Virtual Machines\\vm-test01.xml' -ComputerName HV02`, false);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Failed to import virtual machine 'TEST01'. A virtual machine named 'TEST01' already exists on HV02.");
  });
});
