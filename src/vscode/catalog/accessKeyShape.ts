// What a CDP access key ID looks like, checked as it is typed in "Add CDP Access Key". CDP shows
// the ID as a UUID (the console's Access Keys page, `cdp iam create-machine-user-access-key`'s
// accessKeyId). Messages never repeat what was typed: a private key pasted here by mistake must
// not show up in the input box's message.

const ACCESS_KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why the text is not an access key ID, or undefined when it has the shape of one. */
export function accessKeyIdProblem(value: string): string | undefined {
  const id = value.trim();
  if (!id) return 'Paste the access key ID.';
  if (ACCESS_KEY_ID.test(id)) return undefined;
  if (/-----BEGIN|PRIVATE KEY/.test(id) || (id.length >= 40 && /^[A-Za-z0-9+/]+=*$/.test(id))) {
    return 'This looks like the private key: paste the access key ID here, and the private key in the next step.';
  }
  const hex = id.replace(/-/g, '');
  const length = /^[0-9a-f]*$/i.test(hex) && hex.length !== 32 ? ` (this one has ${hex.length} hex digits)` : '';
  return `A CDP access key ID is 36 characters: 8-4-4-4-12 hex digits with dashes, as in 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d${length}.`;
}

/** What one page of flows tells about how many the key can see: an exact count unless there are more pages. */
export function flowsVisible(page: { flows: readonly unknown[]; nextToken?: string }): string {
  const count = page.flows.length;
  if (page.nextToken) return `${count} or more flows visible`;
  if (count === 0) return '0 flows visible (the catalog is empty)';
  return count === 1 ? '1 flow visible' : `${count} flows visible`;
}
