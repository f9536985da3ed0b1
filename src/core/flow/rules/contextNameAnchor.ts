import type { Anchor } from '../finding';
import { isObject } from '../detect';
import type { FlowModel, ParameterContext } from '../model';

/** Where a context's name is written: its "name" member, or its key when the member is absent. */
export function contextNameAnchor(model: FlowModel, context: ParameterContext): Anchor {
  const contexts = model.root.parameterContexts;
  const raw = isObject(contexts) ? contexts[context.key] : undefined;
  if (isObject(raw) && typeof raw.name === 'string' && raw.name.length > 0) return { path: [...context.path, 'name'] };
  return { path: context.path, part: 'key' };
}
