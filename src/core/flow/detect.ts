// Recognises a NiFi flow definition by content, not by file name.

/**
 * How much of a file's beginning decides whether it can be a flow definition: bytes of a file on
 * disk, characters of text already in memory (the two are close enough for a head check).
 */
export const DETECTION_HEAD_BYTES = 256 * 1024;

/**
 * Cheap test on the beginning of a file: a JSON object that has a "flowContents" member near its
 * start. False means "certainly not a flow"; true means "parse it and see" (isFlowDefinition).
 */
export function mayBeFlowDefinition(head: string): boolean {
  const start = head.search(/\S/);
  if (start === -1 || head.charCodeAt(start) !== 123 /* { */) return false;
  return /"flowContents"\s*:/.test(head);
}

/** The content test on parsed JSON, as nifi-flow-definition.md describes it. */
export function isFlowDefinition(root: unknown): boolean {
  if (!isObject(root)) return false;
  const contents = root.flowContents;
  if (!isObject(contents)) return 'flowContents' in root && ('flowEncodingVersion' in root || 'parameterContexts' in root);
  const looksLikeGroup =
    contents.componentType === 'PROCESS_GROUP' || Array.isArray(contents.processors) || Array.isArray(contents.connections);
  return looksLikeGroup || 'flowEncodingVersion' in root || 'parameterContexts' in root;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
