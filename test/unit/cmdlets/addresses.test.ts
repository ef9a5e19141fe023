// IPv6 migration networks and computers named by IP address (issue 12), through cmdlet text and
// hvlab run's runner. Before: Add-VMMigrationNetwork refused any IPv6 subnet, and Move-VM
// -DestinationHost 10.10.1.12 answered that no computer of that name exists.
import { describe, expect, it } from 'vitest';
import { inSubnet, normalizeSubnet, parseIp, formatIp } from '../../../engine/common/ip-addresses';
import { validateWorld } from '../../../engine/model/validate';
import { runScript } from '../../../engine/scripting/run-script';
import { host, newEngine, ok, refused, vm, worldOf } from './helpers';

describe('IP addresses and subnets (engine/common/ip-addresses.ts)', () => {
  it('reads and writes IPv4 and IPv6 in canonical form', () => {
    expect(normalizeSubnet('FD00:0:0:0::/64')).toBe('fd00::/64');
    expect(normalizeSubnet('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1/128');
    expect(normalizeSubnet('10.10.3.0/24')).toBe('10.10.3.0/24');
    expect(normalizeSubnet('10.10.3.7')).toBe('10.10.3.7/32');
    expect(formatIp(parseIp('::ffff:10.0.0.1')!)).toBe('::ffff:a00:1');
    for (const bad of ['fd00::/129', '1::2::3', 'fd00:::/64', '10.10.3.0/33', '10.10.300.0/24', 'g::/64', '1:2:3:4:5:6:7:8:9'])
      expect(normalizeSubnet(bad), bad).toBeUndefined();
  });

  it('matches an address only to a subnet of its own family', () => {
    expect(inSubnet('fd00::12', 'fd00::/64')).toBe(true);
    expect(inSubnet('fd00:0:0:1::12', 'fd00::/64')).toBe(false);
    expect(inSubnet('10.10.1.11', 'fd00::/64')).toBe(false);
    expect(inSubnet('0.0.0.0', '::/0')).toBe(false);
    expect(inSubnet('10.10.1.11', '10.10.0.0/16')).toBe(true);
  });
});

describe('Add-VMMigrationNetwork with IPv6', () => {
  it('adds fd00::/64 in canonical form, refuses the same network spelled otherwise, and the world stays valid', () => {
    const e = newEngine();
    ok(e, 'Add-VMMigrationNetwork FD00:0::/64 -ComputerName HV02');
    expect(host(worldOf(e), 'HV02').migration.networks.map((n) => n.subnet)).toContain('fd00::/64');
    expect(refused(e, 'Add-VMMigrationNetwork fd00:0:0:0::/64 -ComputerName HV02').message).toBe("The migration network 'fd00::/64' already exists on 'HV02'.");
    expect(refused(e, 'Add-VMMigrationNetwork fd00::/129 -ComputerName HV02').message).toMatch(/IPv4 or IPv6 subnet/);
    expect(validateWorld(JSON.parse(JSON.stringify(worldOf(e)))).ok).toBe(true);
  });

  it("an IPv6-only migration network does not accept a host's IPv4 adapters", () => {
    const e = newEngine((w) => {
      host(w, 'HV02').migration.networks = [{ subnet: 'fd00::/64', priority: 0 }];
    });
    const err = refused(e, 'Move-VM WEB01 HV02');
    expect(err.message).toMatch(/actively refused/);
  });
});

describe('a computer named by its IP address', () => {
  it('Move-VM -DestinationHost takes an address of the destination', () => {
    const e = newEngine();
    const report = runScript(e, 'Move-VM WEB01 -DestinationHost 10.10.1.12');
    expect(report.ok).toBe(true);
    expect(vm(worldOf(e), 'WEB01').host).toBe('HV02');
  });

  it('an address of the source host is the source host, and an unknown one is not a computer', () => {
    const e = newEngine();
    expect(refused(e, 'Move-VM WEB01 -DestinationHost 192.168.1.11').message).toMatch(/HV01/);
    expect(refused(e, 'Move-VM WEB01 -DestinationHost 10.99.99.99').message).toMatch(/10\.99\.99\.99/);
  });

  it('-ComputerName takes an address too', () => {
    const out = ok(newEngine(), 'Get-VM -ComputerName 10.10.2.12');
    expect(out.output).not.toHaveLength(0);
  });
});
