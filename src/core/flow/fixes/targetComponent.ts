// The component a fix was offered for. Copied components can share an identifier; the JSON path
// recorded with the fix tells the copies apart, so a fix picked on a copy never edits the original.
import type { Component, FlowModel, JsonPath } from '../model';

export function targetComponent<T extends Component>(
  model: FlowModel, id: string, path: JsonPath | undefined, accept: (component: Component) => component is T,
): T | undefined {
  const candidates = (model.byId.get(id) ?? []).filter(accept);
  // A lone candidate is the one even if edits since moved it to another path.
  if (candidates.length <= 1) return candidates[0];
  return path && candidates.find((candidate) => samePath(candidate.path, path));
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}
