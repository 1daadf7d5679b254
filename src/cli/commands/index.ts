import type { Command } from '../command.js';

/**
 * The command table. Each command is loaded only when it runs, so that `--help` and a quick
 * command do not pay for the emulator, SQLite or the browser.
 */
export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {};
