// Point 7 of issue 10: a port marked FAILURE but not named so can be renamed or listed in the settings,
// and a flow without a failure port gets one, with the error relationships nothing handles routed to it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FixSpec, ResolvedFinding } from '../../../src/core/flow/finding';
import { fixAll } from '../../../src/core/flow/fixAll';
import { computeFix, fixTitle, isPreferredFix, isSettingFix } from '../../../src/core/flow/fixes';
import { validateText } from '../../../src/core/flow/validate';
import { modelOf, readFixture, runFix } from './fixHelpers';

function readFlow(name: string): string {
  return fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/flows', name), 'utf8');
}

function finding(text: string, code: string, failurePorts?: string[]): ResolvedFinding | undefined {
  return validateText(text, { failurePorts }).findings.find((candidate) => candidate.code === code);
}

function codes(text: string, failurePorts?: string[]): string[] {
  return validateText(text, { failurePorts }).findings.map((candidate) => candidate.code);
}

describe('fixes for failure ports (issue 10, point 7)', () => {
  describe('a port marked portFunction FAILURE but named "errors" (NiFi 2.x)', () => {
    const original = readFlow('failure-port-function-unnamed.json');
    // Validated in each test, not while mocha collects them (Stryker's per-test coverage sees only the former).
    let unnamed: ResolvedFinding;
    beforeEach(() => {
      unnamed = finding(original, 'failure-port-function-unnamed')!;
    });

    it('offers "Rename to failure" and "Add "errors" to dff.validation.failurePorts", neither applied by fix-all', () => {
      const fixes = unnamed.fixes ?? [];
      assert.deepStrictEqual(fixes.map(fixTitle), ['Rename to failure', 'Add "errors" to dff.validation.failurePorts']);
      assert.deepStrictEqual(fixes.map((fix) => isPreferredFix(fix, fixes)), [false, false]);
    });

    it('Rename to failure renames the port and the connection\'s copy of its name, and both findings go', () => {
      const rename = unnamed.fixes!.find((fix) => fix.kind === 'renamePort')!;
      const { json, text } = runFix(original, rename);
      const errors = json.flowContents.outputPorts.find((port: { identifier: string }) => port.identifier.endsWith('031'));
      assert.strictEqual(errors.name, 'failure');
      assert.strictEqual(errors.portFunction, 'FAILURE');
      const into = json.flowContents.connections.find((connection: { destination: { id: string } }) => connection.destination.id.endsWith('031'));
      assert.strictEqual(into.destination.name, 'failure');
      assert.strictEqual(into.source.name, 'Notify queue', 'the other end keeps its name');
      assert.deepStrictEqual(codes(text), []);
      // The layout around the edits is the file's: only the two names changed.
      assert.strictEqual(text, original.replace('"name": "errors"', '"name": "failure"').replace(/("name": )"errors"/, '$1"failure"'));
    });

    it('the settings fix changes no text; with the name in the failure ports the finding is gone', () => {
      const setting = unnamed.fixes!.find((fix) => fix.kind === 'addFailurePortSetting')!;
      assert.ok(isSettingFix(setting));
      assert.deepStrictEqual(setting, { kind: 'addFailurePortSetting', portName: 'errors' });
      assert.deepStrictEqual(computeFix(original, modelOf(original), setting), []);
      assert.deepStrictEqual(codes(original, ['errors']), []);
    });

    it('a group that has a port named "Failure" already gets only the settings fix (NiFi refuses two ports of one name)', () => {
      const json = JSON.parse(original);
      json.flowContents.outputPorts.push({ ...json.flowContents.outputPorts[0], identifier: 'd2000000-0000-4000-8000-000000000032', name: 'Failure', portFunction: 'STANDARD' });
      const text = JSON.stringify(json, null, 2);
      assert.deepStrictEqual(finding(text, 'failure-port-function-unnamed')!.fixes!.map(fixTitle), ['Add "errors" to dff.validation.failurePorts']);
      // And a rename asked for anyway (the file changed since) does nothing.
      const stale: FixSpec = { kind: 'renamePort', portId: 'd2000000-0000-4000-8000-000000000031', newName: 'failure' };
      assert.deepStrictEqual(computeFix(text, modelOf(text), stale), []);
    });

    it('of two FAILURE ports, each is offered its own name in the settings fix', () => {
      const json = JSON.parse(original);
      json.flowContents.outputPorts.push({ ...json.flowContents.outputPorts[1], identifier: 'd2000000-0000-4000-8000-000000000033', name: 'dead letters' });
      const text = JSON.stringify(json);
      const found = validateText(text).findings.filter((candidate) => candidate.code === 'failure-port-function-unnamed');
      assert.deepStrictEqual(found.map((item) => item.fixes!.map(fixTitle)[1]),
        ['Add "errors" to dff.validation.failurePorts', 'Add "dead letters" to dff.validation.failurePorts']);
      assert.deepStrictEqual(codes(text, ['errors']), ['failure-port-function-unnamed']);
    });
  });

  describe('failure-port-missing', () => {
    it('is not offered beside a port marked FAILURE under another name (renaming that one is the fix)', () => {
      const missing = finding(readFlow('failure-port-function-unnamed.json'), 'failure-port-missing')!;
      assert.strictEqual(missing.fixes, undefined);
      assert.deepStrictEqual(fixAll(readFlow('failure-port-function-unnamed.json')).applied, []);
    });

    it('offers one fix, "Add a failure output port", applied by fix-all', () => {
      const missing = finding(readFlow('failure-port-missing.json'), 'failure-port-missing')!;
      assert.deepStrictEqual(missing.fixes, [{ kind: 'addFailurePort' }]);
      assert.strictEqual(fixTitle(missing.fixes![0]), 'Add a failure output port and route the unhandled error relationships to it');
      assert.ok(isPreferredFix(missing.fixes![0], missing.fixes!));
    });

    it('routes an auto-terminated failure to the new port, in a NiFi 2.x file as NiFi writes it', () => {
      const original = readFixture('route-top-jackson.json');
      const { json, text } = runFix(original, { kind: 'addFailurePort' });
      const ports = json.flowContents.outputPorts.filter((port: { name: string }) => port.name === 'failure');
      assert.strictEqual(ports.length, 1);
      assert.strictEqual(ports[0].portFunction, 'FAILURE');
      assert.ok(json.flowContents.connections.some((connection: { destination: { id: string }; selectedRelationships: string[] }) =>
        connection.destination.id === ports[0].identifier && connection.selectedRelationships.includes('failure')));
      assert.deepStrictEqual(codes(text).filter((code) => code.startsWith('failure')), []);
    });

    it('routes a failure deep in child groups through one port per group, adding one port to the top group', () => {
      const original = readFixture('route-nested-4space.json');
      const { json, text } = runFix(original, { kind: 'addFailurePort' });
      const top = json.flowContents;
      assert.deepStrictEqual(top.outputPorts.map((port: { name: string }) => port.name), ['failure']);
      const transform = top.processGroups[0].processGroups[0];
      assert.deepStrictEqual(transform.processors[0].autoTerminatedRelationships, []);
      assert.deepStrictEqual(codes(text).filter((code) => code.startsWith('failure')), []);
      assert.match(text, /\n {4}"flowContents"/, 'the 4-space layout is kept');
    });

    it('keeps an error relationship that is connected elsewhere on its route (mixed: one auto-terminated, one to a logger)', () => {
      const json = JSON.parse(readFlow('failure-port-missing.json'));
      // The logger now auto-terminates a failure of its own.
      json.flowContents.processors[1].autoTerminatedRelationships = ['success', 'failure'];
      const original = JSON.stringify(json, null, 2);
      const { json: fixed, text } = runFix(original, { kind: 'addFailurePort' });
      const top = fixed.flowContents;
      const port = top.outputPorts.find((candidate: { name: string }) => candidate.name === 'failure');
      const routes = top.connections.map((connection: { source: { name: string }; selectedRelationships: string[]; destination: { name: string } }) =>
        `${connection.source.name} ${connection.selectedRelationships.join()} -> ${connection.destination.name}`);
      assert.ok(routes.includes('Write event failure -> Log upload error'), 'the logged failure keeps its route');
      assert.ok(routes.includes('Log upload error failure -> failure'), 'the auto-terminated one goes to the new port');
      assert.strictEqual(routes.filter((route: string) => route.startsWith('Write event failure')).length, 1, 'no copy down a second path');
      assert.ok(port);
      // The logger's failure now reaches the port, and with it the path of the logged failure.
      assert.deepStrictEqual(codes(text), []);
    });

    it('leaves a disabled processor\'s auto-terminated failure alone, as the rules do, and routes the enabled one\'s', () => {
      const json = JSON.parse(readFlow('failure-port-missing.json'));
      json.flowContents.processors[1].autoTerminatedRelationships = ['success', 'failure'];
      const twin = { ...json.flowContents.processors[1], identifier: 'c2000000-0000-4000-8000-000000000077', name: 'Disabled logger', scheduledState: 'DISABLED' };
      json.flowContents.processors.push(twin);
      const { json: fixed, text } = runFix(JSON.stringify(json, null, 2), { kind: 'addFailurePort' });
      const routes = fixed.flowContents.connections.map((connection: { source: { name: string }; selectedRelationships: string[]; destination: { name: string } }) =>
        `${connection.source.name} ${connection.selectedRelationships.join()} -> ${connection.destination.name}`);
      assert.ok(routes.includes('Log upload error failure -> failure'), 'the enabled processor is routed');
      assert.ok(!routes.some((route: string) => route.startsWith('Disabled logger')), 'the disabled one is not');
      assert.deepStrictEqual(fixed.flowContents.processors[2].autoTerminatedRelationships, ['success', 'failure']);
      assert.deepStrictEqual(codes(text), ['processor-disabled']);
    });

    it('tells the copies of a group imported twice apart: routes the copy that auto-terminates, not the one that connects', () => {
      const json = JSON.parse(readFlow('group-imported-twice.json'));
      const top = json.flowContents;
      const failure = top.outputPorts.find((port: { name: string }) => port.name === 'failure');
      top.outputPorts = top.outputPorts.filter((port: unknown) => port !== failure);
      top.connections = top.connections.filter((connection: { destination: { id: string } }) => connection.destination.id !== failure.identifier);
      // The US copy auto-terminates "Failure"; the EU copy, with the same identifiers, still connects it.
      const us = top.processGroups.find((group: { name: string }) => group.name === 'Lookup US');
      const errors = us.connections.find((connection: { selectedRelationships: string[] }) => connection.selectedRelationships.includes('Failure'));
      errors.selectedRelationships = ['No Retry', 'Retry'];
      us.processors[0].autoTerminatedRelationships = ['Original', 'Failure'];
      const { json: fixed } = runFix(JSON.stringify(json, null, 2), { kind: 'addFailurePort' });
      const fixedUs = fixed.flowContents.processGroups.find((group: { name: string }) => group.name === 'Lookup US');
      assert.deepStrictEqual(fixedUs.processors[0].autoTerminatedRelationships, ['Original']);
      const eu = fixed.flowContents.processGroups.find((group: { name: string }) => group.name === 'Lookup EU');
      assert.deepStrictEqual(eu, top.processGroups.find((group: { name: string }) => group.name === 'Lookup EU'), 'the EU copy is unchanged');
    });

    it('adds the port alone when every error relationship is connected already', () => {
      const original = readFlow('failure-port-missing.json');
      const { json, text } = runFix(original, { kind: 'addFailurePort' });
      assert.deepStrictEqual(json.flowContents.outputPorts.map((port: { name: string }) => port.name), ['success', 'failure']);
      assert.strictEqual(json.flowContents.connections.length, JSON.parse(original).flowContents.connections.length);
      assert.deepStrictEqual(codes(text), ['failure-not-routed']);
    });

    it('does nothing once the top group has a "failure" port (the file changed since)', () => {
      const json = JSON.parse(readFlow('failure-port-missing.json'));
      json.flowContents.outputPorts.push({ ...json.flowContents.outputPorts[0], identifier: 'c2000000-0000-4000-8000-000000000031', name: 'FAILURE' });
      const text = JSON.stringify(json);
      assert.deepStrictEqual(computeFix(text, modelOf(text), { kind: 'addFailurePort' }), []);
    });

    it('fix-all adds the port and routes every auto-terminated failure, with no failure finding left', () => {
      const original = readFixture('duplicate-ids-jackson.json');
      const result = fixAll(original);
      assert.ok(result.applied.some((fix) => fix.kind === 'addFailurePort' || fix.kind === 'routeToFailurePort'));
      assert.deepStrictEqual(codes(result.text).filter((code) => code.startsWith('failure')), []);
    });
  });
});
