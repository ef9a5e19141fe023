// The syntax a script block value holds (kept apart so values.ts needs no syntax types at run time).
import type { StatementNode } from '../../cmdlets/syntax';

export type ScriptBlockNodeRef = readonly StatementNode[];
