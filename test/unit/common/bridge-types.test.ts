// Type-level tests of the one typed bridge: `npm run typecheck` compiles this file, and each
// `@ts-expect-error` line must be an error (a line that compiles fails the typecheck). They prove
// that a command with a parameter its cmdlet does not have, a wrong value type, a missing mandatory
// parameter, or a query or lab answer used as the wrong type does not compile. Vitest runs the
// runtime half (the calls go to a transport that records them).
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  Bridge,
  ClockState,
  Command,
  CommandOutput,
  EngineEvent,
  FolderListing,
  LabListing,
  LabView,
  NetworkView,
  PrecheckReport,
  Result,
  ScenarioDownload,
  ScenarioStatus,
  WorldView,
} from '../../../engine/contract';
import type { CmdletCommand, CmdletName, CmdletParams } from '../../../engine/cmdlets/cmdlet-params';
import type { ENGINE_EVENT_TYPES } from '../../../engine/common/bridge-envelope';
import { createBridge } from '../../../engine/common/bridge';
import type { Request } from '../../../engine/contract';

const sent: Request[] = [];
const bridge: Bridge = createBridge((request) => void sent.push(request));

describe('typed commands, derived from the cmdlet catalog', () => {
  it('every cmdlet of the catalog has a typed command, and no other name does', () => {
    // Spot checks: the names are derived from the catalog, so a cmdlet added there needs nothing here.
    expectTypeOf<'Move-VM'>().toMatchTypeOf<CmdletName>();
    expectTypeOf<'Get-Job'>().toMatchTypeOf<CmdletName>();
    expectTypeOf<'Format-Datacenter'>().not.toMatchTypeOf<CmdletName>();
    expectTypeOf<Command>().toEqualTypeOf<CmdletCommand>();
    // A widened name would let any command through; the registry refuses one (registry.ts LiteralSignature).
    expectTypeOf<string>().not.toMatchTypeOf<CmdletName>();
  });

  it('parameters: names, value types and mandatory ones come from the signature', () => {
    expectTypeOf<CmdletParams<'Move-VM'>>().toHaveProperty('Name').toEqualTypeOf<string>();
    expectTypeOf<CmdletParams<'Move-VM'>>().toHaveProperty('IncludeStorage').toEqualTypeOf<boolean | undefined>();
    expectTypeOf<CmdletParams<'Set-SmbBandwidthLimit'>['Category']>().toEqualTypeOf<'Default' | 'VirtualMachine' | 'LiveMigration'>();
    expectTypeOf<CmdletParams<'Set-VMMemory'>['StartupBytes']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CmdletParams<'Move-VMStorage'>['Vhds']>().toEqualTypeOf<
      | { readonly SourceFilePath: string; readonly DestinationFilePath: string }
      | readonly { readonly SourceFilePath: string; readonly DestinationFilePath: string }[]
      | undefined
    >();

    void bridge.invoke({ cmdlet: 'Move-VM', params: { Name: 'WEB01', DestinationHost: 'HV02', ComputerName: 'HV01', AsJob: true } });
    void bridge.invoke({ cmdlet: 'Move-VMStorage', params: { VMName: 'SQL01', Vhds: [{ SourceFilePath: 'C:\\a.vhdx', DestinationFilePath: 'D:\\a.vhdx' }] } });
    void bridge.invoke({ cmdlet: 'Stop-Job', params: { Id: [3] } });

    // @ts-expect-error a parameter Move-VM does not have (it is Move-VMStorage's -VMName)
    void bridge.invoke({ cmdlet: 'Move-VM', params: { VMName: 'WEB01', DestinationHost: 'HV02' } });
    // @ts-expect-error a misspelt parameter
    void bridge.invoke({ cmdlet: 'Start-VM', params: { Name: 'WEB01', ComputerNmae: 'HV01' } });
    // @ts-expect-error -DestinationHost is mandatory
    void bridge.invoke({ cmdlet: 'Move-VM', params: { Name: 'WEB01' } });
    // @ts-expect-error a switch takes a boolean, not text
    void bridge.invoke({ cmdlet: 'Stop-VM', params: { Name: 'WEB01', TurnOff: 'yes' } });
    // @ts-expect-error a byte count is a number
    void bridge.invoke({ cmdlet: 'Set-SmbBandwidthLimit', params: { Category: 'LiveMigration', BytesPerSecond: '1GB' } });
    // @ts-expect-error not one of the enum's values
    void bridge.invoke({ cmdlet: 'Set-SmbBandwidthLimit', params: { Category: 'Backup', BytesPerSecond: 1 } });
    // @ts-expect-error a -Vhds entry needs both keys
    void bridge.invoke({ cmdlet: 'Move-VMStorage', params: { VMName: 'SQL01', Vhds: [{ SourceFilePath: 'C:\\a.vhdx' }] } });
    // @ts-expect-error no such cmdlet
    void bridge.invoke({ cmdlet: 'Format-Datacenter', params: { Name: 'WEB01' } });
    expect(sent.filter((r) => r.kind === 'invoke')).toHaveLength(11);
  });
});

describe('answers typed by request', () => {
  it('query<Q> answers QueryResults[Q]', () => {
    expectTypeOf(bridge.query({ name: 'world' })).resolves.toEqualTypeOf<Result<WorldView>>();
    expectTypeOf(bridge.query({ name: 'clock' })).resolves.toEqualTypeOf<Result<ClockState>>();
    expectTypeOf(bridge.query({ name: 'folders', host: 'HV02' })).resolves.toEqualTypeOf<Result<FolderListing>>();
    expectTypeOf(bridge.query({ name: 'network', host: 'HV02' })).resolves.toEqualTypeOf<Result<NetworkView>>();
    expectTypeOf(bridge.query({ name: 'precheck', command: { cmdlet: 'Move-VM', params: { Name: 'WEB01', DestinationHost: 'HV02' } } })).resolves.toEqualTypeOf<
      Result<PrecheckReport>
    >();
    expectTypeOf(bridge.invoke({ cmdlet: 'Get-VM', params: {} })).resolves.toEqualTypeOf<Result<CommandOutput>>();
  });

  it('a query answer used as another type does not compile', () => {
    // Compiled, not run: nothing answers this bridge.
    const misuse = (clock: Awaited<ReturnType<typeof bridge.query<{ name: 'clock' }>>>) => {
      if (!clock.ok) return;
      const now: number = clock.value.now;
      void now;
      // @ts-expect-error the clock query answers a ClockState, which has no world
      void clock.value.world;
      // @ts-expect-error nor is it a list of jobs
      const jobs: unknown[] = clock.value;
      void jobs;
    };
    expect(typeof misuse).toBe('function');
    // @ts-expect-error no such query
    void bridge.query({ name: 'weather' });
    // @ts-expect-error the vm query needs the VM's name
    void bridge.query({ name: 'vm' });
  });

  it('lab() and scenario() answer by action', () => {
    expectTypeOf(bridge.lab!({ type: 'list' })).resolves.toEqualTypeOf<Result<LabListing>>();
    expectTypeOf(bridge.lab!({ type: 'check' })).resolves.toEqualTypeOf<Result<LabView>>();
    expectTypeOf(bridge.scenario!({ type: 'download' })).resolves.toEqualTypeOf<Result<ScenarioDownload>>();
    expectTypeOf(bridge.scenario!({ type: 'save' })).resolves.toEqualTypeOf<Result<ScenarioStatus>>();
    // @ts-expect-error a lab action that needs its lab's id
    void bridge.lab!({ type: 'start' });
  });

  it("the kinds of event the pages accept are exactly the contract's", () => {
    expectTypeOf<(typeof ENGINE_EVENT_TYPES)[number]>().toEqualTypeOf<EngineEvent['type']>();
  });
});
