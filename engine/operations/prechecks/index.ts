// Move pre-checks: the request a move is, where its files go, and why Hyper-V would refuse it.
export {
  toMoveRequest,
  canonicalHost,
  findVmOn,
  bindingMessages,
  type MoveRequest,
  type MoveKind,
  type Placement,
  type VhdMove,
  type MoveCmdletName,
} from './move-request';
export {
  planPlacement,
  type FilePlacement,
  type PlacedFile,
  type FileKind,
  type FileAction,
  type LocationChange,
  type RequestedPath,
  type VolumeDemand,
  type VhdRequestIssue,
} from './placement';
export { runPrechecks, PRECHECKS, type PrecheckResult } from './run-prechecks';
export type { Incompatibility, PrecheckName, Severity } from './incompatibility';
export { locate, win32Messages, type Located, type PathProblem, type PathProblemReason } from './locate';
export type { PrecheckOptions } from './context';
export { hostMemoryReserveBytes, memoryHeldBytes, reserveFor, PROCESSOR_MISMATCH, ROOT_RESERVE_BASE_BYTES, ROOT_RESERVE_PER_GIB_BYTES } from './compute-checks';
