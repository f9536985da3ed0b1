export interface ValidationOptions {
  /** Output port names that count as failure ports besides "failure" (the function's FAILURE_PORTS). */
  failurePorts?: readonly string[];
}

/** DFF treats a top-level output port as a failure port when it is named "failure" (any case) or listed in FAILURE_PORTS. */
export function isFailurePortName(name: string, options: ValidationOptions): boolean {
  return name.toLowerCase() === 'failure' || (options.failurePorts ?? []).includes(name);
}
