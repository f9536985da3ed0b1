// A component's key in the drawing model is its JSON path joined with '/': unique even when
// identifiers collide, and the cursor's JSON path maps back to it without any lookup table.
import type { JsonPath } from '../model';

/** The arrays of a process group that hold drawn components (controller services are not drawn). */
const COMPONENT_ARRAYS: ReadonlySet<string> = new Set([
  'processGroups', 'processors', 'inputPorts', 'outputPorts', 'funnels', 'labels', 'connections', 'remoteProcessGroups',
]);

export function componentKey(path: JsonPath): string {
  return path.join('/');
}

/** The JSON path a key was made from. */
export function keyPath(key: string): JsonPath {
  return key.split('/').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * The key of the innermost drawn component whose JSON holds `path` (a position in the file), or of
 * the process group when the path is in a group but in none of its components; undefined outside flowContents.
 */
export function componentKeyOfPath(path: JsonPath): string | undefined {
  if (path[0] !== 'flowContents') return undefined;
  let end = 1;
  for (let i = 1; i + 1 < path.length; i += 2) {
    const collection = path[i];
    if (typeof collection !== 'string' || !COMPONENT_ARRAYS.has(collection) || typeof path[i + 1] !== 'number') break;
    end = i + 2;
    if (collection !== 'processGroups') break;
  }
  return componentKey(path.slice(0, end));
}
