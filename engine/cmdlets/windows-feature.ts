// Get-WindowsFeature and Install-WindowsFeature (Microsoft Learn, ServerManager module reference)
// for the one feature whose presence the lab models: Data-Center-Bridging, which brings the DcbQos
// cmdlets and lets adapters apply traffic classes and PFC (engine/model/dcb.ts). Installing it
// needs no restart (Microsoft Learn, "Install and configure DCB": "Install-WindowsFeature -Name
// Data-Center-Bridging"). Other feature names are refused rather than pretended.
import { CommandRefusal } from '../errors';
import { dcbOf } from '../model/dcb';
import type { Host } from '../model/world';
import { getWindowsFeatureSignature, installWindowsFeatureSignature } from './catalog/dcb';
import type { CmdletDefinition } from './definition';
import { stringList, targetHosts } from './targets';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

interface Feature {
  name: string;
  displayName: string;
  installed: (h: Host) => boolean;
  install: (h: Host) => void;
}

const FEATURES: readonly Feature[] = [
  {
    name: 'Data-Center-Bridging',
    displayName: 'Data Center Bridging',
    installed: (h) => h.dcb?.featureInstalled === true,
    install: (h) => {
      h.dcb = { ...dcbOf(h), featureInstalled: true };
    },
  },
];

function featureRow(h: Host, f: Feature) {
  const installed = f.installed(h);
  return {
    DisplayName: `[${installed ? 'X' : ' '}] ${f.displayName}`,
    Name: f.name,
    InstallState: installed ? 'Installed' : 'Available',
    PSComputerName: h.name,
  };
}

function unknownFeature(name: string): CommandRefusal {
  return new CommandRefusal(`ArgumentNotValid: The role, role service, or feature name is not valid: '${name}'. The name was not found.`, {
    parameter: 'Name',
    code: 'NotFound',
    fix: `The lab models these features: ${FEATURES.map((f) => f.name).join(', ')}.`,
  });
}

export const getWindowsFeature: CmdletDefinition = {
  signature: getWindowsFeatureSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'ComputerName', false);
    const names = stringList(params.Name);
    for (const n of names) if (!hasWildcard(n) && !FEATURES.some((f) => sameName(f.name, n))) throw unknownFeature(n);
    const picked = FEATURES.filter((f) => names.length === 0 || names.some((n) => wildcardMatch(n, f.name)));
    return { output: hosts.flatMap((h) => picked.map((f) => featureRow(h, f))) };
  },
};

export const installWindowsFeature: CmdletDefinition = {
  signature: installWindowsFeatureSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'ComputerName', false);
    const features = stringList(params.Name).map(
      (n) =>
        FEATURES.find((f) => sameName(f.name, n)) ??
        (() => {
          throw unknownFeature(n);
        })(),
    );
    const output = hosts.map((h) => {
      const added = features.filter((f) => !f.installed(h));
      for (const f of added) {
        f.install(h);
        ctx.log('Information', 'Microsoft-Windows-ServerManager', `Feature '${f.displayName}' installed on '${h.name}'.`);
      }
      if (added.length) {
        ctx.networkChanged(h.name);
        ctx.worldChanged();
      }
      return {
        Success: true,
        RestartNeeded: 'No',
        ExitCode: added.length ? 'Success' : 'NoChangeNeeded',
        FeatureResult: added.map((f) => f.displayName),
      };
    });
    return { output };
  },
};
