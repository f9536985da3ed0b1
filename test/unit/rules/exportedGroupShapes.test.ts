// Which shapes of the exported group root-canvas-exported and versioned-group-not-inlined take for
// a canvas or a group left out: each kind of part on its own, one at a time; and what they say.
import * as assert from 'assert';
import { editedFlow, findingsIn, token } from './ruleFixtures';

const CANVAS = 'root-canvas-exported.json';
const VERSIONED = 'versioned-child-not-inlined.json';

/** The parts a group can hold, each with one example item. */
const PARTS: Record<string, object> = {
  processors: { identifier: 'x-p', name: 'Log', type: 'org.apache.nifi.processors.standard.LogAttribute', properties: {}, componentType: 'PROCESSOR' },
  inputPorts: { identifier: 'x-in', name: 'in', type: 'INPUT_PORT', componentType: 'INPUT_PORT' },
  outputPorts: { identifier: 'x-out', name: 'out', type: 'OUTPUT_PORT', componentType: 'OUTPUT_PORT' },
  funnels: { identifier: 'x-f', componentType: 'FUNNEL' },
  remoteProcessGroups: { identifier: 'x-r', name: 'Remote', targetUris: 'https://nifi.example.com', componentType: 'REMOTE_PROCESS_GROUP' },
  processGroups: { identifier: 'x-g', name: 'Inner', componentType: 'PROCESS_GROUP' },
  connections: {
    identifier: 'x-c', name: '', source: { id: 'a', type: 'FUNNEL', name: '' }, destination: { id: 'b', type: 'FUNNEL', name: '' },
    selectedRelationships: [''], componentType: 'CONNECTION',
  },
  controllerServices: { identifier: 'x-s', name: 'SSL', type: 'org.apache.nifi.ssl.StandardSSLContextService', properties: {}, componentType: 'CONTROLLER_SERVICE' },
  labels: { identifier: 'x-l', label: 'note', componentType: 'LABEL' },
};

function codes(text: string, code: string): string[] {
  return findingsIn(text, [code]).map((finding) => finding.componentName ?? '');
}

describe('shapes of the exported group', () => {
  it('takes the top group for a flow once it holds processors, ports, funnels or remote groups of its own, and not for labels or services', () => {
    const flowParts = ['processors', 'inputPorts', 'outputPorts', 'funnels', 'remoteProcessGroups'];
    for (const part of Object.keys(PARTS).filter((key) => key !== 'processGroups' && key !== 'connections')) {
      const text = editedFlow(CANVAS, (flow) => {
        flow.flowContents[part] = [PARTS[part]];
      });
      const expected = flowParts.includes(part) ? [] : ['NiFi Flow'];
      assert.deepStrictEqual(codes(text, 'root-canvas-exported'), expected, part);
    }
  });

  it('takes the one child with ports for the flow, whichever kind of port it has', () => {
    for (const kind of ['inputPorts', 'outputPorts']) {
      const text = editedFlow(CANVAS, (flow) => {
        const parser = flow.flowContents.processGroups[1];
        parser[kind === 'inputPorts' ? 'outputPorts' : 'inputPorts'] = [];
      });
      assert.match(findingsIn(text, ['root-canvas-exported'])[0].message, /process group "InvoiceParser" holds the flow/, kind);
    }
  });

  it('does not guess between two children when neither has ports', () => {
    const text = editedFlow(CANVAS, (flow) => {
      const parser = flow.flowContents.processGroups[1];
      parser.inputPorts = [];
      parser.outputPorts = [];
    });
    assert.deepStrictEqual(findingsIn(text, ['root-canvas-exported']), []);
  });

  it('takes a version-controlled group for one left out only while it holds nothing at all', () => {
    for (const part of Object.keys(PARTS).filter((key) => key !== 'labels')) {
      const text = editedFlow(VERSIONED, (flow) => {
        flow.flowContents.processGroups[0][part] = [PARTS[part]];
      });
      assert.deepStrictEqual(codes(text, 'versioned-group-not-inlined'), [], part);
    }
    const withLabel = editedFlow(VERSIONED, (flow) => {
      flow.flowContents.processGroups[0].labels = [PARTS.labels];
    });
    assert.deepStrictEqual(codes(withLabel, 'versioned-group-not-inlined'), ['Orders to S3'], 'a label is not contents');
    const unversioned = editedFlow(VERSIONED, (flow) => {
      flow.flowContents.processGroups[0].versionedFlowCoordinates = null;
    });
    assert.deepStrictEqual(codes(unversioned, 'versioned-group-not-inlined'), []);
  });

  it('versioned-group-not-inlined says what is missing and how to get it, at the group\'s name', () => {
    const text = editedFlow(VERSIONED, () => undefined);
    const [finding] = findingsIn(text, ['versioned-group-not-inlined']);
    assert.strictEqual(token(text, finding.range), '"Orders to S3"');
    assert.strictEqual(finding.message, 'Process group "Orders to S3" is under version control, and this file holds only where its flow ' +
      'is kept ("versionedFlowCoordinates"), not its contents: its processors cannot be checked here, and DataFlow Functions cannot ' +
      'run them. Download the flow definition from the NiFi canvas (right-click the group that holds the flow, then Download flow ' +
      'definition), which writes the contents of version-controlled groups too.');
  });

  describe('what root-canvas-exported says', () => {
    it('names the canvas and the group to download, and relates that group', () => {
      const text = editedFlow(CANVAS, () => undefined);
      const [finding] = findingsIn(text, ['root-canvas-exported']);
      assert.strictEqual(finding.message, '"NiFi Flow" looks like NiFi\'s root canvas, not a flow: it has no ports or processors of its ' +
        'own, and its process group "InvoiceParser" holds the flow. DataFlow Functions runs the exported group itself, so it would ' +
        'find no input port. Download the flow definition of process group "InvoiceParser" instead (right-click it in NiFi, then ' +
        'Download flow definition).');
      assert.deepStrictEqual(finding.related.map((item) => [token(text, item.range), item.message]),
        [['"InvoiceParser"', 'Export this process group instead: "InvoiceParser"']]);
    });

    it('speaks of the exported group when the canvas has no name', () => {
      const text = editedFlow(CANVAS, (flow) => {
        flow.flowContents.name = '';
      });
      assert.match(findingsIn(text, ['root-canvas-exported'])[0].message, /^The exported process group looks like NiFi's root canvas/);
    });

    /** The canvas with services, the first `used` of them named by the flow group's processor (or a nested group's). */
    function withServices(names: string[], used: number, nested = false): string {
      return editedFlow(CANVAS, (flow) => {
        const top = flow.flowContents;
        top.controllerServices = names.map((name, index) => ({ ...PARTS.controllerServices, identifier: `svc-${index}`, name }));
        const parser = top.processGroups[1];
        const holder = nested ? { ...PARTS.processGroups, processors: [{ ...parser.processors[0], identifier: 'nested-p' }] } : parser;
        if (nested) parser.processGroups = [holder];
        for (let index = 0; index < used; index++) holder.processors[0].properties[`Service ${index}`] = `svc-${index}`;
      });
    }

    it('asks to move the one service the flow group uses into it first, and relates it', () => {
      const text = withServices(['SSL', 'Unused'], 1);
      const [finding] = findingsIn(text, ['root-canvas-exported']);
      assert.match(finding.message, /find no input port\. It only keeps controller service "SSL" that "InvoiceParser" uses: in NiFi, move it into "InvoiceParser" \(or create one there and select it\), then download the flow definition of process group "InvoiceParser" instead \(right-click it in NiFi, then Download flow definition\)\.$/);
      assert.deepStrictEqual(finding.related.map((item) => [token(text, item.range), item.message]), [
        ['"InvoiceParser"', 'Export this process group instead: "InvoiceParser"'],
        ['"SSL"', 'Move this controller service into "InvoiceParser" first: "SSL"'],
      ]);
    });

    it('lists several services, in the canvas\'s order, as "them", also when a group inside the flow group uses them', () => {
      const text = withServices(['A', 'B', 'C'], 3, true);
      const [finding] = findingsIn(text, ['root-canvas-exported']);
      assert.match(finding.message, /It only keeps controller services "A", "B" and "C" that "InvoiceParser" uses: in NiFi, move them into "InvoiceParser" \(or create them there and select them\), then download/);
      assert.strictEqual(finding.related.length, 4);
    });

    it('says nothing of services nothing in the flow group uses', () => {
      const text = withServices(['SSL'], 0);
      assert.doesNotMatch(findingsIn(text, ['root-canvas-exported'])[0].message, /controller service/);
    });
  });
});
