// How the source host proves the user's identity to the destination (Hyper-V Settings → Live
// Migrations → Advanced Features, Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; prerequisites Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499). The source
// host's setting is the one that matters: the source opens the connection.
import { isRegularShare } from './locate';
import { sameName, type Precheck } from './context';
import { error } from './incompatibility';

/**
 * CredSSP: the user's credentials must be on the source host, i.e. the user is signed in there
 * (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499). A console elsewhere — including one managing the source through -ComputerName — is a
 * second hop, and the source has no credentials to pass on. The message is the real one (the Hyper-V module's cmdlet help for Windows Server 2012 R2).
 * We compare world.session.signedInOn, not request.initiatedOn: -ComputerName does not carry
 * credentials, which is the very lesson.
 */
export const credSsp: Precheck = ({ world, source, destination, live }) => {
  if (!live || source.migration.authentication !== 'CredSSP') return [];
  if (sameName(world.session.signedInOn, source.name)) return [];
  return [
    error('credssp-not-on-source', {
      message: `Virtual machine migration operation failed at migration Source. Failed to establish a connection with host '${destination.name}': No credentials are available in the security package (0x8009030E).`,
      source: source.name,
      fix: `With CredSSP you must be signed in on the source host: sign in on ${source.name} and start the move there. Or switch both hosts to Kerberos (Set-VMHost -VirtualMachineMigrationAuthenticationType Kerberos) and configure constrained delegation on ${source.name} for 'cifs' and 'Microsoft Virtual System Migration Service' to ${destination.name}.`,
      guiFix: `With CredSSP you must be signed in on the source host: sign in on ${source.name} and start the move there. Or choose Kerberos in Hyper-V Settings → Live Migrations → Advanced Features on both hosts, and configure constrained delegation on ${source.name} for 'cifs' and 'Microsoft Virtual System Migration Service' to ${destination.name}.`,
    }),
  ];
};

const MIGRATION_SERVICE = 'Microsoft Virtual System Migration Service';

/**
 * Kerberos: the source's computer account must be trusted for constrained delegation to the
 * destination's 'Microsoft Virtual System Migration Service' and 'cifs' (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499). We require it
 * whether or not the move is started remotely: Microsoft's host set-up guide makes delegation
 * part of choosing Kerberos, because the source's migration service acts for the user in either
 * case. Where VM files stay on a file server, the source also needs 'cifs/<file server>' (the
 * same guide for SMB storage). Entries match the short or the fully qualified name.
 * The message is unconfirmed: 0x8009030E is what practitioners report for missing delegation.
 */
export const kerberosDelegation: Precheck = ({ source, destination, live, placement }) => {
  if (!live || source.migration.authentication !== 'Kerberos') return [];
  const needed = [`cifs/${destination.name}`, `${MIGRATION_SERVICE}/${destination.name}`];
  for (const f of placement.files) {
    if (f.action !== 'stay' || !f.destination.ok || !isRegularShare(f.destination.at)) continue;
    const server = f.destination.at.computer;
    if (sameName(server, source.name) || sameName(server, destination.name)) continue;
    if (!needed.some((n) => sameName(n, `cifs/${server}`))) needed.push(`cifs/${server}`);
  }
  const has = (entry: string): boolean => {
    const [service, host] = splitSpn(entry);
    return source.delegation.some((d) => {
      const [s, h] = splitSpn(d);
      return sameName(s, service) && (sameName(h, host) || sameName(h.split('.')[0]!, host));
    });
  };
  const missing = needed.filter((n) => !has(n));
  if (missing.length === 0) return [];
  const list = missing.map((m) => `'${m}'`).join(', ');
  return [
    error('kerberos-delegation', {
      message: `Virtual machine migration operation failed at migration Source. The Virtual Machine Management Service failed to authenticate the connection for a Virtual Machine migration with host '${destination.name}': No credentials are available in the security package (0x8009030E).`,
      source: source.name,
      fix: `In Active Directory Users and Computers open ${source.name} → Delegation → "Trust this computer for delegation to specified services only" → "Use Kerberos only", and add ${list}. In PowerShell: Get-ADComputer ${source.name} | Set-ADObject -Add @{'msDS-AllowedToDelegateTo'=@(${missing.map((m) => `'${m}'`).join(',')})}. Or use CredSSP and start the move signed in on ${source.name}.`,
      guiFix: `In Active Directory Users and Computers open ${source.name} → Delegation → "Trust this computer for delegation to specified services only" → "Use Kerberos only", and add ${list}. Or use CredSSP and start the move signed in on ${source.name}.`,
    }),
  ];
};

function splitSpn(entry: string): [string, string] {
  const i = entry.lastIndexOf('/');
  return i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
}
