// The Node doors' option reader: Node's own `util.parseArgs` (strict), behind the small spec the
// doors already use. It splits `--name=value` at the first `=` only (`--world=C:/a=b/w.json` keeps
// the whole path), and `--` ends the options: everything after it is a positional, even `--json`.
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';

export interface OptionSpec {
  [name: string]: 'flag' | 'value';
}

export interface ParsedArgs {
  options: Record<string, string | true>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, kind] of Object.entries(spec)) options[name] = { type: kind === 'flag' ? 'boolean' : 'string' };
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = nodeParseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new Error(usageMessage(e as NodeJS.ErrnoException, argv, spec), { cause: e });
  }
  const result: Record<string, string | true> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new Error(`--${name} needs a value`);
    if (value === true || typeof value === 'string') result[name] = value;
  }
  return { options: result, positionals: parsed.positionals };
}

/** Node's messages are long and mention short options the doors do not have; say it plainly. */
function usageMessage(e: NodeJS.ErrnoException, argv: readonly string[], spec: OptionSpec): string {
  const optionIn = (message: string) => /'(-{1,2}[^'\s=]+)/.exec(message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = optionIn(e.message);
    return `unknown option ${name}${name.startsWith('--') ? '' : ' (options are spelled --name)'}; a file name that starts with "-" goes after "--"`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = optionIn(e.message);
    const bare = name.replace(/^-+/, '');
    if (spec[bare] === 'flag') return `${name} takes no value`;
    if (argv.at(-1) === name) return `${name} needs a value`;
    return `${name} needs a value (write ${name}=<value> for a value that starts with "-")`;
  }
  return e.message;
}
