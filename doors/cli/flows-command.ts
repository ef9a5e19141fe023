// `hvlab flows <file>`: run a flow-set file to completion and print each flow's finish time.
import { FlowFileError, formatFinishes, parseFlowFile, runFlowSet } from '../../engine/sim/flow-file';

export function flowsCommand(path: string, text: string, out: (s: string) => void, err: (s: string) => void): number {
  try {
    out(formatFinishes(runFlowSet(parseFlowFile(text))));
    return 0;
  } catch (e) {
    if (e instanceof FlowFileError) {
      err(`hvlab flows: ${path}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
