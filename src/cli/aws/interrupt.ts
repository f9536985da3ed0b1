// Ctrl+C for long-running commands (logs --follow, deploy apply): it aborts the work so the command
// ends on its own terms (follow stops quietly; apply names the step it stopped at). A caller's own
// signal (tests) replaces the handler.
export function interruptSignal(signal: AbortSignal, callerSignal: AbortSignal | undefined): { signal: AbortSignal; dispose(): void } {
  if (callerSignal) return { signal, dispose: () => undefined };
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  if (signal.aborted) controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  process.once('SIGINT', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.removeListener('SIGINT', stop);
      signal.removeEventListener('abort', stop);
    },
  };
}
