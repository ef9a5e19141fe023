// Free space on the volumes for one command (Checkpoint-VM, New-VHD, New-VM, Resize-VHD ...): the
// engine's own accounting when there is one (it also counts the partial files of moves writing
// there), else the world's files counted once. Bytes the command's earlier steps take are
// subtracted as they are planned, so a command that writes several files checks them together.
import type { Host } from '../model/world';
import { hostIndexOf, vmFileBytesByVolume, volumeKey, volumeUsage } from '../model/paths';
import type { CmdletContext } from './definition';

/**
 * Free bytes per volume for one command: the engine's own accounting when there is one (it also
 * counts the partial files of moves writing there), else the world's files counted once. Bytes
 * this command's earlier files take are subtracted as they are planned.
 */
export interface FreeSpace {
  /** The world's hosts by name, built once per command. */
  hosts: ReadonlyMap<string, Host>;
  /** Bytes that could still be written to the volume. */
  free(computer: string, volume: string): number;
  /** This command plans to write `bytes` there. */
  take(computer: string, volume: string, bytes: number): void;
}

export function freeSpace(ctx: CmdletContext): FreeSpace {
  const space = ctx.operations?.space;
  let usage: Map<string, number> | undefined;
  const taken = new Map<string, number>();
  const now = space
    ? (computer: string, volume: string) => space.freeBytes(computer, volume)
    : (computer: string, volume: string) => volumeUsage(ctx.world, computer, volume, (usage ??= vmFileBytesByVolume(ctx.world)))?.freeBytes ?? 0;
  return {
    hosts: hostIndexOf(ctx.world),
    free: (computer, volume) => now(computer, volume) - (taken.get(volumeKey(computer, volume)) ?? 0),
    take: (computer, volume, bytes) => {
      const k = volumeKey(computer, volume);
      taken.set(k, (taken.get(k) ?? 0) + bytes);
    },
  };
}
