// The metadata headers of the upload step: each value URI-encoded, absent ones left out.
export function uploadHeaders(values: Record<string, string | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') headers[name] = encodeURIComponent(value);
  }
  return headers;
}
