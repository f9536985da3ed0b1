import type { FixSpec } from '../finding';
import { referenceText } from '../references';
import { suitsDff } from './addParameter';

/** The label of the quick fix, as the user sees it in the editor's light bulb menu. */
export function fixTitle(fix: FixSpec): string {
  switch (fix.kind) {
    case 'routeToFailurePort':
      return `Route "${fix.relationship}" to a failure output port instead of auto-terminating it`;
    case 'renameParameter':
      return `Rename parameter "${fix.parameterName}" to "${fix.newName}" and update its references`;
    case 'renameContext':
      return `Rename parameter context "${fix.contextName}" to "${fix.newName}" everywhere it is used`;
    case 'addParameter': {
      const what = `${fix.sensitive ? 'sensitive ' : ''}parameter "${fix.parameterName}" to context "${fix.contextName}"`;
      // A name DataFlow Functions refuses is added under one it accepts (see addParameter).
      const renamed = suitsDff(fix.parameterName) ? '' : ` under a name DataFlow Functions accepts, and reference that`;
      return `Add ${what}${renamed}${fix.sensitive ? '' : ', with an empty value to set'}`;
    }
    case 'replaceReference':
      return `Change to ${referenceText(fix.newName)}`;
    case 'makePortLocal':
      return 'Make it a local input port (turn remote access off)';
    case 'renamePort':
      return `Rename to ${fix.newName}`;
    case 'addFailurePort':
      return 'Add a failure output port and route the unhandled error relationships to it';
    case 'addFailurePortSetting':
      return `Add "${fix.portName}" to dff.validation.failurePorts`;
  }
}
