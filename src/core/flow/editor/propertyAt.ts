// Which property value (of which processor or controller service) holds a text offset. Walks down
// from flowContents and locates only the arrays and items on the way to the offset.
import type { JsonLocator } from '../locate';
import type { Component, Configurable, FlowModel, Group } from '../model';

export interface PropertyHit {
  component: Configurable;
  property: string;
  value: string;
  /** Offset of the value's opening quote. */
  quoteOffset: number;
  /** Offset just past the value's closing quote. */
  valueEnd: number;
}

export function propertyAt(model: FlowModel, locator: JsonLocator, offset: number): PropertyHit | undefined {
  let group: Group | undefined = model.top;
  while (group) {
    const component = containing(locator, group.processors, offset) ?? containing(locator, group.controllerServices, offset);
    if (component) return propertyIn(locator, component, offset);
    group = containing(locator, group.groups, offset);
  }
  return undefined;
}

function containing<T extends Component>(locator: JsonLocator, items: readonly T[], offset: number): T | undefined {
  if (items.length === 0 || !contains(locator.find(items[0].path.slice(0, -1)), offset)) return undefined;
  return items.find((item) => contains(locator.find(item.path), offset));
}

function propertyIn(locator: JsonLocator, component: Configurable, offset: number): PropertyHit | undefined {
  if (!contains(locator.find([...component.path, 'properties']), offset)) return undefined;
  for (const [property, value] of Object.entries(component.properties)) {
    if (value === null) continue;
    const found = locator.find([...component.path, 'properties', property]);
    // Inside the quotes: from just after the opening quote to just before the closing one.
    if (found && offset > found.valueStart && offset < found.valueEnd) {
      return { component, property, value, quoteOffset: found.valueStart, valueEnd: found.valueEnd };
    }
  }
  return undefined;
}

function contains(found: { valueStart: number; valueEnd: number } | undefined, offset: number): boolean {
  return found !== undefined && offset >= found.valueStart && offset < found.valueEnd;
}
