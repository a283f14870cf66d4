import { spawnSync } from 'node:child_process';

/** The alternate screen the TUI runs in (src/ui/run-tui.tsx), left for the editor and entered again after. */
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H\x1b[2J';
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';

export type EditorOutcome = { kind: 'closed'; editor: string } | { kind: 'no-editor' } | { kind: 'failed'; editor: string; reason: string };

/** $VISUAL, else $EDITOR, as git and crontab read them; undefined when neither is set. */
export function editorOf(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['VISUAL', 'EDITOR'] as const) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

interface Terminal {
  stdin: { isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: { write: (text: string) => unknown };
}

/**
 * Opens `file` in the learner's editor with the terminal given back to it:
 * the alternate screen left and the cursor shown, raw mode off, then all of
 * it restored when the editor exits. The editor runs synchronously: while
 * it has the terminal, nothing of the tutor may read keys or draw, and the
 * saves it made are seen by the watch once the tutor runs again. The
 * variable is run by the shell as git does (`code --wait` works), with the
 * file as its one argument.
 */
export function openInEditor(file: string, env: NodeJS.ProcessEnv, terminal: Terminal): EditorOutcome {
  const editor = editorOf(env);
  if (editor === undefined) return { kind: 'no-editor' };
  const { stdin, stdout } = terminal;
  const wasRaw = stdin.isRaw === true;
  stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  if (stdin.isTTY === true) stdin.setRawMode?.(false);
  try {
    const ran =
      process.platform === 'win32'
        ? spawnSync(`${editor} "${file}"`, { shell: true, stdio: 'inherit', env })
        : spawnSync('/bin/sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit', env });
    if (ran.error) return { kind: 'failed', editor, reason: ran.error.message };
    // 127 and 126: the shell could not find or run it.
    if (ran.status === 127 || ran.status === 126) return { kind: 'failed', editor, reason: `exit code ${ran.status}` };
    return { kind: 'closed', editor };
  } finally {
    if (stdin.isTTY === true) stdin.setRawMode?.(wasRaw);
    stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
  }
}
