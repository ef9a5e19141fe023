// The part of the simulation kernel's FlowNetwork (engine/sim/flow-network.ts) that net uses,
// declared structurally so net depends on its shape, not on its file: a path names the resources
// it uses and how many units of each it consumes per byte delivered; rates are the weighted
// max-min fair allocation; capacities are per second, simulated time in ms.
export interface PathUse {
  resource: string;
  /** Units consumed per byte delivered. */
  perByte: number;
}

export interface Path {
  uses: PathUse[];
  weight?: number;
  /** bytes/s */
  maxRate?: number;
}

export interface TransferSpec {
  id: string;
  bytes: number;
  paths: Path[];
  onComplete?: (id: string) => void;
}

export interface FlowNetworkPort {
  addResource(id: string, capacityPerSecond: number): void;
  /** Adds the resource, or sets its capacity if it exists. */
  ensureResource(id: string, capacityPerSecond: number): void;
  hasResource(id: string): boolean;
  /** 0 = down: paths through it stall. */
  setCapacity(id: string, capacityPerSecond: number): void;
  capacity(id: string): number;
  usage(id: string): number;
  startTransfer(spec: TransferSpec): void;
  cancelTransfer(id: string): { bytesDone: number };
  /** Replaces the paths, keeping the bytes done. */
  setPaths(id: string, paths: Path[]): void;
  setPathMaxRate(id: string, index: number, rate: number | undefined): void;
  isActive(id: string): boolean;
  rate(id: string): number;
  pathRates(id: string): number[];
  bytesDone(id: string): number;
  remaining(id: string): number;
}
