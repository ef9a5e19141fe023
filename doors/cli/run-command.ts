// `hvlab run <script.ps1> [--world <file>] [--json]`: a world (the default one, a world file or a
// saved console state), the script run to completion, and the report.
import { Engine, type EngineState } from '../../engine/engine';
import { defaultWorld } from '../../engine/model/default-world';
import { parseWorldJson } from '../../engine/model/validate';
import { decodeState } from '../../engine/persistence/saved-state';
import { formatScriptReport, runScript } from '../../engine/scripting/run-script';

export interface RunScriptOptions {
  scriptPath: string;
  scriptText: string;
  worldPath?: string;
  worldText?: string;
  json: boolean;
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A world file holds a World; a saved console state (world.json in the data folder) holds more. */
function loadState(path: string, text: string): { ok: true; state: Pick<EngineState, 'world'> & Partial<EngineState> } | { ok: false; errors: string[] } {
  if (/"format"\s*:\s*"hvlab-state"/.test(text.slice(0, 200))) {
    const decoded = decodeState(text);
    if (decoded.ok) return { ok: true, state: decoded.state };
    return { ok: false, errors: decoded.issues ? decoded.issues.map((e) => `${path}: ${e.path}: ${e.message}`) : [`${path}: ${decoded.reason}`] };
  }
  const world = parseWorldJson(text);
  if (world.ok) return { ok: true, state: { world: world.world } };
  return { ok: false, errors: world.errors.map((e) => `${path}: ${e.path}: ${e.message}`) };
}

export function runScriptCommand(o: RunScriptOptions): number {
  let state: Pick<EngineState, 'world'> & Partial<EngineState> = { world: defaultWorld() };
  if (o.worldPath !== undefined && o.worldText !== undefined) {
    const loaded = loadState(o.worldPath, o.worldText);
    if (!loaded.ok) {
      o.err(`hvlab run: the world file cannot be used:\n${loaded.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return 2;
    }
    state = loaded.state;
  }
  const report = runScript(new Engine(state), o.scriptText);
  o.out(o.json ? `${JSON.stringify(report, null, 2)}\n` : formatScriptReport(report, o.scriptText));
  if (report.parseError) o.err(`hvlab run: ${o.scriptPath}:${report.parseError.line}:${report.parseError.column}: ${report.parseError.message}\n`);
  return report.ok ? 0 : 1;
}
