// Where a component is in the text, for "clicked in the preview: show it in the JSON": its name's
// characters when it has a name, else the start of its object.
import { JsonLocator } from '../locate';
import { keyPath } from './componentKey';

export function componentRange(text: string, key: string, locator = new JsonLocator(text)): { start: number; end: number } | undefined {
  const path = keyPath(key);
  const name = locator.find([...path, 'name']);
  // A string value's offsets include its quotes.
  if (name && text[name.valueStart] === '"' && name.valueEnd - name.valueStart >= 2) return { start: name.valueStart + 1, end: name.valueEnd - 1 };
  const object = locator.find(path);
  return object ? { start: object.valueStart, end: object.valueStart } : undefined;
}
