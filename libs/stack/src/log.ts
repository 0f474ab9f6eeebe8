/** Tooling progress goes to stderr as plain lines; the apps themselves log JSON through pino. */
export type StackLog = (message: string) => void;

export const stderrLog: StackLog = (message) => process.stderr.write(`[dueflow] ${message}\n`);
