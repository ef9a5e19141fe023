// The size limits of scripts, alone in a module without imports, so that a door can check a file's
// size without loading the engine (the CLI's `hvlab --version` loads none of it: cli.main.ts).

/**
 * The longest script `hvlab run` and a lab check take, in characters: about 100,000 lines of
 * commands. Parsing and running cost time linear in the length; the limit bounds the memory.
 */
export const MAX_SCRIPT_TEXT = 4 * 1024 * 1024;
