/** --failure-ports a,b -> the names, trimmed, empty ones dropped (dff validate and dff catalog push). */
export function parseFailurePorts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}
