// Which value that may reference parameters holds a text offset: a property of a processor or
// controller service, or a processor's run schedule ("schedulingPeriod", which NiFi also reads
// parameters in, as the rules do). Walks down from flowContents and locates only the arrays and items
// on the way to the offset.
import type { JsonLocator } from '../locate';
import type { Component, Configurable, FlowModel, Group } from '../model';

export interface PropertyHit {
  component: Configurable;
  /** The property's name; undefined for a processor's run schedule. */
  property: string | undefined;
  value: string;
  /** Whether a sensitive parameter belongs here: a sensitive property's; the run schedule never is. */
  sensitive: boolean;
  /**
   * Whether NiFi reads the value with the Expression Language aware parser, as the rules do for every
   * property (rules/propertyReferences.ts); the run schedule is read without it.
   */
  expressionLanguage: boolean;
  /** Offset of the value's opening quote. */
  quoteOffset: number;
  /** Offset just past the value's closing quote. */
  valueEnd: number;
}

export function propertyAt(model: FlowModel, locator: JsonLocator, offset: number): PropertyHit | undefined {
  let group: Group | undefined = model.top;
  while (group) {
    const component = containing(locator, group.processors, offset) ?? containing(locator, group.controllerServices, offset);
    if (component) return propertyIn(locator, component, offset) ?? scheduleIn(locator, component, offset);
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
    if (found && inside(found, offset)) {
      const sensitive = component.descriptors[property]?.sensitive === true;
      return { component, property, value, sensitive, expressionLanguage: true, quoteOffset: found.valueStart, valueEnd: found.valueEnd };
    }
  }
  return undefined;
}

function scheduleIn(locator: JsonLocator, component: Configurable, offset: number): PropertyHit | undefined {
  const value = component.raw.schedulingPeriod;
  if (component.kind !== 'PROCESSOR' || typeof value !== 'string') return undefined;
  const found = locator.find([...component.path, 'schedulingPeriod']);
  if (!found || !inside(found, offset)) return undefined;
  return { component, property: undefined, value, sensitive: false, expressionLanguage: false, quoteOffset: found.valueStart, valueEnd: found.valueEnd };
}

/** Inside the quotes: from just after the opening quote to just before the closing one. */
function inside(found: { valueStart: number; valueEnd: number }, offset: number): boolean {
  return offset > found.valueStart && offset < found.valueEnd;
}

function contains(found: { valueStart: number; valueEnd: number } | undefined, offset: number): boolean {
  return found !== undefined && offset >= found.valueStart && offset < found.valueEnd;
}
