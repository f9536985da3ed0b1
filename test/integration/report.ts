// Lets integration tests print a line into the test report (e.g. a measurement). Plain console.log
// from the extension host reaches only the workbench's developer console.
import Mocha from 'mocha';

export function report(...data: unknown[]): void {
  Mocha.reporters.Base.consoleLog(...data);
}
