// The command-line door's composition root: read arguments, open files, call the engine, print.
// Each subcommand's module is imported when that subcommand runs, so `hvlab --version` and
// `--help` load none of the engine (in the bundle, each is a chunk of its own: scripts/build-cli.mjs).
import { parseArgs } from './doors/node/args';
import { readUserFile, USER_FILE_LIMITS } from './doors/node/user-file';
import { toTerminal } from './doors/cli/terminal-text';
import packageJson from './package.json' with { type: 'json' };

const { version } = packageJson;

export const HELP = `hvlab ${version} — Hyper-V Mobility Lab on the command line

Usage:
  hvlab run <script.ps1> [--world <file>] [--json]
      Runs the PowerShell script's commands against a world (the default training datacenter
      unless --world names a world or saved-state JSON file) until every job has finished,
      then prints a report of every command and job, and where every VM's files are.
  hvlab flows <file>
      Runs a flow-set file (link/flow lines, see docs/flow-files.md) to completion and prints
      "flow <id> <finish_s>" for every flow, then the simulation's wall time.
  hvlab lab list | show <id> | check <id|pack.json> [--script <solution.ps1>] | validate <pack.json> | schema
  hvlab lab grade <id|pack.json> <result.json...> [--csv|--json]
      Offline labs: list the built-in labs, read a briefing, grade a script against a lab (exit
      code 0 only when every task passes), check a lab pack file, regrade a class's result files
      into a gradebook. hvlab lab --help for details.
  hvlab serve [--port <n>] | serve --classroom <id|pack.json...> [--listen <address>] [--port <n>] [--data-dir <folder>]
      The console in a browser; with --classroom, for a class on the local network: learners join
      at the printed address with their name and the session code, each in a console and world of
      their own; the trainer page (its link printed once) shows everyone's progress and exports
      their result files for hvlab lab grade.
  hvlab --help | --version
`;

export async function run(
  argv: string[],
  rawOut: (s: string) => void = (s) => process.stdout.write(s),
  rawErr: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  // Everything printed passes through toTerminal: worlds, packs, scripts and flow files are not ours.
  const format = argv.includes('--json') ? 'json' : 'text';
  const out = (s: string) => rawOut(toTerminal(s, format));
  const err = (s: string) => rawErr(toTerminal(s, 'text'));
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out(HELP);
      return command === undefined ? 1 : 0;
    }
    if (command === '--version' || command === '-v') {
      out(`${version}\n`);
      return 0;
    }
    if (command === 'run') {
      const { options, positionals } = parseArgs(rest, { world: 'value', json: 'flag' });
      const [script, extra] = positionals;
      if (!script || extra) throw new Error('run needs exactly one script file: hvlab run <script.ps1> [--world <file>] [--json]');
      const { runScriptCommand } = await import('./doors/cli/run-command');
      return runScriptCommand({
        scriptPath: script,
        scriptText: readText(script, 'script'),
        worldPath: typeof options.world === 'string' ? options.world : undefined,
        worldText: typeof options.world === 'string' ? readText(options.world, 'world') : undefined,
        json: options.json === true,
        out,
        err,
      });
    }
    if (command === 'lab') {
      const { labCommand } = await import('./doors/cli/lab-command');
      return labCommand(rest, { out, err, readText });
    }
    if (command === 'flows') {
      const { positionals } = parseArgs(rest, {});
      const [file, extra] = positionals;
      if (!file || extra) throw new Error('flows needs exactly one flow-set file: hvlab flows <file>');
      const { flowsCommand } = await import('./doors/cli/flows-command');
      return flowsCommand(file, readText(file, 'flow-set'), out, err);
    }
    throw new Error(`unknown command "${command}" (try hvlab --help)`);
  } catch (e) {
    err(`hvlab: ${(e as Error).message}\n`);
    return 2;
  }
}

/** Every file a user names goes through readUserFile: a regular file within its kind's size limit. */
const LIMITS: Record<string, number> = {
  script: USER_FILE_LIMITS.script,
  world: USER_FILE_LIMITS.world,
  'flow-set': USER_FILE_LIMITS.flowSet,
  'lab pack': USER_FILE_LIMITS.labPack,
  'lab result': USER_FILE_LIMITS.labResult,
};

function readText(path: string, what: string): string {
  return readUserFile(path, { maxBytes: LIMITS[what] ?? USER_FILE_LIMITS.script, what });
}
