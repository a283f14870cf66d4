/**
 * Where Ctrl-C comes from while a command runs (the terminal is in cooked
 * mode then, so it arrives as SIGINT). Injected so tests can run sessions
 * in-process without touching the process' signal handlers.
 */
export type InterruptSource = (handler: () => void) => () => void;

export const processInterrupts: InterruptSource = (handler) => {
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
};

export const noInterrupts: InterruptSource = () => () => undefined;
