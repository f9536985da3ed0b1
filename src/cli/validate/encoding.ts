// The finding for a file whose bytes are not UTF-8 where they should be.
import type { ResolvedFinding } from '../../core/flow/finding';
import type { JsonLocator } from '../../core/flow/locate';
import { countOf } from '../../core/countOf';
import type { InvalidUtf8 } from './read';

export function invalidUtf8Finding(invalid: InvalidUtf8, locator: JsonLocator): ResolvedFinding {
  const others = invalid.places - 1;
  return {
    code: 'flow-encoding',
    severity: 'error',
    message: `The file is not valid UTF-8 here (byte ${invalid.byteOffset.toLocaleString('en-US')} of the file` +
      `${others > 0 ? `, and ${countOf(others, 'more place')}` : ''}): NiFi's JSON reader refuses such bytes, ` +
      'and what is shown here is a replacement character. Save the file as UTF-8 with the intended characters.',
    range: locator.spanOf(invalid.textOffset, invalid.textOffset + 1),
    related: [],
  };
}
