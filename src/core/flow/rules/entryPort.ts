import type { Finding } from '../finding';
import type { FlowModel } from '../model';
import type { ValidationOptions } from '../options';

// TODO(helper): implement.
export function checkEntryPort(_model: FlowModel, _options: ValidationOptions): Finding[] {
  return [];
}
