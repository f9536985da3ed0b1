// A simple automatic layout for components the file gives no position (hand-written flows): layers
// top to bottom along the connections, as NiFi flows are usually drawn, below anything placed.
import type { PreviewEdge, PreviewNode } from './types';

export const LAYER_GAP = 80;
export const COLUMN_GAP = 64;

/** Places `unplaced` (a subset of `nodes`) in place; nodes that have positions do not move. */
export function layOut(nodes: readonly PreviewNode[], unplaced: ReadonlySet<PreviewNode>, edges: readonly PreviewEdge[]): void {
  if (unplaced.size === 0) return;
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const incoming = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
    const list = next.get(edge.source);
    if (list) list.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  // Breadth-first from the components nothing flows into; a component only in a cycle starts a layer of its own.
  const layer = new Map<string, number>();
  const queue: string[] = [];
  const start = (key: string): void => {
    layer.set(key, 0);
    queue.push(key);
  };
  for (const node of unplaced) if (!incoming.has(node.key)) start(node.key);
  for (let head = 0; ; ) {
    while (head < queue.length) {
      const key = queue[head++];
      for (const target of next.get(key) ?? []) {
        if (layer.has(target) || !unplaced.has(byKey.get(target)!)) continue;
        layer.set(target, layer.get(key)! + 1);
        queue.push(target);
      }
    }
    const left = [...unplaced].find((node) => !layer.has(node.key));
    if (!left) break;
    start(left.key);
  }

  let top = 0;
  const placed = nodes.filter((node) => !unplaced.has(node));
  let left = 0;
  if (placed.length > 0) {
    // Loops, not Math.max(...spread): the file decides how many there are.
    top = -Infinity;
    left = Infinity;
    for (const node of placed) {
      top = Math.max(top, node.y + node.height);
      left = Math.min(left, node.x);
    }
    top += 2 * LAYER_GAP;
  }
  const layers: PreviewNode[][] = [];
  for (const node of unplaced) (layers[layer.get(node.key)!] ??= []).push(node);
  let y = top;
  for (const row of layers) {
    if (!row) continue;
    let x = left;
    for (const node of row) {
      node.x = x;
      node.y = y;
      x += node.width + COLUMN_GAP;
    }
    y += row.reduce((tallest, node) => Math.max(tallest, node.height), 0) + LAYER_GAP;
  }
}
