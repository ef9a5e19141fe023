// How big a lab pack may be, and how many a console keeps: read by the pack loader (engine/labs),
// every door's lab session (doors/common/lab-session.ts) and the Labs pane's import (which checks
// a file's size before reading it). Each limit is far above what a real lab needs — the built-in
// packs are 4–17 KB, their Markdown under 10,000 characters — and low enough that parsing, keeping
// and re-reading every imported pack at start stays quick.
export const LAB_PACK_LIMITS = {
  /** One pack file, in bytes of its UTF-8 JSON text. */
  packBytes: 512 * 1024,
  /** All Markdown of one pack (briefing, task descriptions, hints), in characters. */
  markdownChars: 200_000,
  /** Each Markdown field (the briefing, a task description, a hint), in characters. */
  fieldChars: 50_000,
  /** Tasks in one pack. */
  tasks: 50,
  /** Hints in one pack. */
  hints: 100,
  /** Packs one console keeps imported. */
  importedPacks: 30,
  /** All imported packs together, in bytes (they are kept in the settings file). */
  importedBytes: 4 * 1024 * 1024,
} as const;

/** Bytes of a string as UTF-8, without encoding it (lone surrogates count as U+FFFD's 3 bytes). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** 626,688 → "612 KB" (KB of 1,024 bytes, as Windows Explorer shows sizes), under 1 KB in bytes. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

// A learner's result file (engine/labs/learner-result.ts): the transcript of an attempt. A two-hour
// exam at a command every ten seconds is 720 commands; the limits leave room for a learner who
// experiments a lot, while the settings file that keeps the transcript (rewritten after each
// command) stays around a megabyte and a trainer regrading a class of 30 replays at most 60,000.
export const LAB_RESULT_LIMITS = {
  /** One result file, in bytes of its UTF-8 JSON text. */
  fileBytes: 4 * 1024 * 1024,
  /** Commands kept in one attempt's transcript; past it the transcript is marked incomplete. */
  transcriptEntries: 2000,
  /** Characters of all the transcript's command texts together (the settings file keeps them). */
  transcriptChars: 1024 * 1024,
  tasks: 50,
  hints: 100,
} as const;
