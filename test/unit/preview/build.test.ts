// The Flow Preview's drawing model: roles, failure paths, badges, nested groups, positions and layout.
import * as assert from 'node:assert/strict';
import { validateText } from '../../../src/core/flow/validate';
import { buildPreview } from '../../../src/core/flow/preview';
import type { PreviewModel, GroupView, PreviewNode, PreviewEdge } from '../../../src/core/flow/preview';
import { connection, flowText, funnel, group, port, processor, type GroupSpec } from './flows';

function preview(text: string, failurePorts: string[] = []): PreviewModel {
  const validation = validateText(text, { failurePorts });
  assert.ok(validation.model, 'the test flow parses');
  return buildPreview(validation.model, validation.findings, { failurePorts });
}

function view(model: PreviewModel, name: string): GroupView {
  const found = model.groups.find((candidate) => candidate.name === name);
  assert.ok(found, `a view of group ${name}`);
  return found;
}

function node(groupView: GroupView, name: string): PreviewNode {
  const found = groupView.nodes.find((candidate) => candidate.name === name);
  assert.ok(found, `a node named ${name}`);
  return found;
}

/** A node by name, or the first of a kind ("funnel", "group"...) when `name` starts with '@'. */
function keyOf(groupView: GroupView, name: string): string {
  if (!name.startsWith('@')) return node(groupView, name).key;
  const found = groupView.nodes.find((candidate) => candidate.kind === name.slice(1));
  assert.ok(found, `a node of kind ${name}`);
  return found.key;
}

function edgeFrom(groupView: GroupView, source: string, target: string): PreviewEdge {
  const found = groupView.edges.find((edge) => edge.source === keyOf(groupView, source) && edge.target === keyOf(groupView, target));
  assert.ok(found, `an edge ${source} -> ${target}`);
  return found;
}

const top = { id: 'top', groupId: 'top' };
const end = (id: string, type = 'PROCESSOR') => ({ ...top, id, type });

/** S3 to SQS: Fetch's failure reaches the failure port through a funnel; Send's failure ends at a LogAttribute. */
function s3ToSqs(extra: Partial<GroupSpec> = {}): GroupSpec {
  return {
    id: 'top', name: 'S3 to SQS', parameterContextName: undefined,
    inputPorts: [port('in', 'event', { position: { x: 0, y: 0 } })],
    outputPorts: [port('fail', 'failure', { output: true, position: { x: 600, y: 600 } }), port('ok', 'success', { output: true, position: { x: 0, y: 600 } })],
    processors: [
      processor('fetch', 'Fetch', { type: 'FetchS3Object', position: { x: 0, y: 200 } }),
      processor('send', 'Send', { type: 'PutSQS', position: { x: 0, y: 400 } }),
      processor('log', 'Log', { type: 'LogAttribute', autoTerminated: ['success'], position: { x: 400, y: 400 } }),
    ],
    funnels: [funnel('funnel', { x: 640, y: 300 })],
    connections: [
      connection('c1', end('in', 'INPUT_PORT'), end('fetch')),
      connection('c2', end('fetch'), end('send'), ['success']),
      connection('c3', end('fetch'), end('funnel', 'FUNNEL'), ['failure']),
      connection('c4', end('funnel', 'FUNNEL'), end('fail', 'OUTPUT_PORT')),
      connection('c5', end('send'), end('ok', 'OUTPUT_PORT'), ['success']),
      connection('c6', end('send'), end('log'), ['failure']),
    ],
    ...extra,
  };
}

describe('flow preview: drawing model', () => {
  describe('DataFlow Functions roles', () => {
    it('marks the entry port, the failure port and the success port of the exported group', () => {
      const canvas = view(preview(flowText(s3ToSqs())), 'S3 to SQS');
      assert.equal(node(canvas, 'event').role, 'entry');
      assert.equal(node(canvas, 'failure').role, 'failure');
      assert.equal(node(canvas, 'success').role, 'success');
      assert.equal(node(canvas, 'Fetch').role, undefined);
    });

    it('takes a port listed in FAILURE_PORTS, or with portFunction FAILURE, for a failure port; a remote input port is no entry', () => {
      const spec = s3ToSqs({
        inputPorts: [port('in', 'event'), port('remote', 'site-to-site', { remote: true })],
        outputPorts: [port('fail', 'errors', { output: true }), port('ok', 'success', { output: true }), port('f2', 'rejects', { output: true, portFunction: 'FAILURE' })],
      });
      const canvas = view(preview(flowText(spec), ['errors']), 'S3 to SQS');
      assert.equal(node(canvas, 'errors').role, 'failure');
      assert.equal(node(canvas, 'rejects').role, 'failure');
      assert.equal(node(canvas, 'success').role, 'success');
      assert.equal(node(canvas, 'event').role, 'entry');
      assert.equal(node(canvas, 'site-to-site').role, undefined);
      // Without the setting, "errors" is the flow's second success port.
      assert.equal(node(view(preview(flowText(spec)), 'S3 to SQS'), 'errors').role, 'success');
    });

    it('gives no role to the ports of a child group, even one named failure', () => {
      const child = group({
        id: 'child', name: 'Child', inputPorts: [port('cin', 'in')], outputPorts: [port('cfail', 'failure', { output: true })],
      });
      const canvas = view(preview(flowText(s3ToSqs({ processGroups: [child] }))), 'Child');
      assert.equal(node(canvas, 'in').role, undefined);
      assert.equal(node(canvas, 'failure').role, undefined);
    });
  });

  describe('failure paths', () => {
    it('colours the path from an error relationship to a failure port, and an unrouted error relationship apart (one of each from one flow)', () => {
      const canvas = view(preview(flowText(s3ToSqs())), 'S3 to SQS');
      assert.equal(edgeFrom(canvas, 'Fetch', '@funnel').kind, 'failurePath');
      assert.equal(edgeFrom(canvas, '@funnel', 'failure').kind, 'failurePath');
      assert.equal(edgeFrom(canvas, 'Send', 'Log').kind, 'unrouted');
      assert.equal(edgeFrom(canvas, 'event', 'Fetch').kind, 'plain');
      assert.equal(edgeFrom(canvas, 'Fetch', 'Send').kind, 'plain');
      assert.equal(edgeFrom(canvas, 'Send', 'success').kind, 'plain');
    });

    it('marks error relationships a processor auto-terminates (and unmatched), not the others', () => {
      const spec = s3ToSqs();
      spec.processors!.push(processor('route', 'Route', { type: 'RouteOnAttribute', autoTerminated: ['unmatched'] }));
      spec.processors!.push(processor('put', 'Put', { type: 'PutS3Object', autoTerminated: ['success', 'failure'] }));
      const canvas = view(preview(flowText(spec)), 'S3 to SQS');
      assert.deepEqual(node(canvas, 'Put').autoTerminated, ['failure']);
      assert.deepEqual(node(canvas, 'Route').autoTerminated, ['unmatched']);
      assert.equal(node(canvas, 'Log').autoTerminated, undefined);
    });

    it('follows failures through a child group: into its input port, out of its output port, to the failure port', () => {
      const child = group({
        id: 'child', name: 'Handle errors', position: { x: 900, y: 200 },
        inputPorts: [port('cin', 'errors in')], outputPorts: [port('cout', 'errors out', { output: true })],
        processors: [processor('note', 'Note', { type: 'UpdateAttribute' })],
        connections: [
          connection('k1', { id: 'cin', groupId: 'child', type: 'INPUT_PORT' }, { id: 'note', groupId: 'child' }),
          connection('k2', { id: 'note', groupId: 'child' }, { id: 'cout', groupId: 'child', type: 'OUTPUT_PORT' }, ['success']),
        ],
      });
      const spec = s3ToSqs({ processGroups: [child] });
      spec.connections = [
        ...spec.connections!.filter((c) => (c as { identifier: string }).identifier !== 'c6'),
        connection('c6', end('send'), { id: 'cin', groupId: 'child', type: 'INPUT_PORT' }, ['failure']),
        connection('c7', { id: 'cout', groupId: 'child', type: 'OUTPUT_PORT' }, end('fail', 'OUTPUT_PORT')),
      ];
      const model = preview(flowText(spec));
      const canvas = view(model, 'S3 to SQS');
      // Connections to and from a child's ports are drawn to and from the child's box.
      assert.equal(edgeFrom(canvas, 'Send', 'Handle errors').kind, 'failurePath');
      assert.equal(edgeFrom(canvas, 'Handle errors', 'failure').kind, 'failurePath');
      const inside = view(model, 'Handle errors');
      assert.equal(edgeFrom(inside, 'errors in', 'Note').kind, 'failurePath');
      assert.equal(edgeFrom(inside, 'Note', 'errors out').kind, 'failurePath');
      assert.equal(model.totals.errors, 0, 'validation agrees that every failure is routed');
    });

    it('draws every error connection as unrouted when the flow has no failure port', () => {
      const spec = s3ToSqs({ outputPorts: [port('ok', 'success', { output: true })] });
      spec.connections = spec.connections!.filter((c) => !['c4'].includes((c as { identifier: string }).identifier));
      const canvas = view(preview(flowText(spec)), 'S3 to SQS');
      assert.equal(edgeFrom(canvas, 'Fetch', '@funnel').kind, 'unrouted');
      assert.equal(edgeFrom(canvas, 'Send', 'Log').kind, 'unrouted');
      assert.equal(edgeFrom(canvas, 'Fetch', 'Send').kind, 'plain');
    });

    it('tells the copies of a group imported twice apart, as the failure rules do: only the copy whose port leads on is a failure path', () => {
      const copy = (id: string, name: string) => group({
        id, name, outputPorts: [port('cout', 'errors out', { output: true })],
        processors: [processor('send', 'Send', { type: 'InvokeHTTP' })],
        connections: [connection('k1', { id: 'send', groupId: id }, { id: 'cout', groupId: id, type: 'OUTPUT_PORT' }, ['Failure'])],
      });
      const text = flowText({
        id: 'top', name: 'Top', inputPorts: [port('in', 'event')], outputPorts: [port('fail', 'failure', { output: true })],
        processGroups: [copy('copy-a', 'Copy A'), copy('copy-b', 'Copy B')],
        connections: [connection('t1', { id: 'cout', groupId: 'copy-a', type: 'OUTPUT_PORT' }, { id: 'fail', groupId: 'top', type: 'OUTPUT_PORT' })],
      });
      const model = preview(text);
      assert.equal(edgeFrom(view(model, 'Copy A'), 'Send', 'errors out').kind, 'failurePath');
      assert.equal(edgeFrom(view(model, 'Copy B'), 'Send', 'errors out').kind, 'unrouted');
      const unrouted = validateText(text).findings.filter((finding) => finding.code === 'failure-not-routed');
      assert.equal(unrouted.length, 1, 'the rule reports the same one connection');
    });

    it('ends on a cycle: a retry loop back to the processor still reaches the failure port', () => {
      const spec = s3ToSqs();
      spec.connections!.push(connection('loop', end('send'), end('send'), ['retry']));
      const canvas = view(preview(flowText(spec)), 'S3 to SQS');
      const loop = canvas.edges.find((edge) => edge.key.endsWith(`connections/${spec.connections!.length - 1}`));
      assert.ok(loop);
      assert.equal(loop.source, loop.target);
      assert.equal(loop.kind, 'unrouted', 'Send never reaches a failure port: its failure goes to Log');
    });
  });

  describe('badges', () => {
    it('puts a finding on the component it names, with its message, and none on a clean one', () => {
      const model = preview(flowText(s3ToSqs()));
      const canvas = view(model, 'S3 to SQS');
      const send = node(canvas, 'Send');
      assert.equal(send.badge?.errors, 1);
      assert.equal(send.badge?.warnings, 0);
      assert.match(send.badge!.messages[0], /"failure" relationship of "send" goes to "log"/);
      assert.equal(node(canvas, 'Fetch').badge, undefined);
      assert.equal(model.totals.errors >= 1, true);
    });

    it('counts a problem inside a child group on the child group\'s box, and on the component in the child\'s view', () => {
      const child = group({
        id: 'child', name: 'Child', processors: [processor('put', 'Put', { type: 'PutS3Object', autoTerminated: ['failure'] })],
      });
      const model = preview(flowText(s3ToSqs({ processGroups: [child] })));
      const box = node(view(model, 'S3 to SQS'), 'Child');
      assert.equal(box.kind, 'group');
      assert.equal(box.badge?.errors, 1);
      assert.match(box.badge!.messages[0], /"Put" auto-terminates its "failure"/);
      assert.equal(node(view(model, 'Child'), 'Put').badge?.errors, 1);
      assert.equal(view(model, 'Child').badge, undefined);
    });

    it('puts a group\'s own finding (no entry port) on its view', () => {
      const model = preview(flowText(s3ToSqs({ inputPorts: [] })));
      const canvas = view(model, 'S3 to SQS');
      assert.equal(canvas.badge?.errors, 1);
      assert.match(canvas.badge!.messages[0], /no input port/);
    });

    it('tells copies with one identifier apart by where the finding is', () => {
      const spec = s3ToSqs();
      spec.processors!.push(processor('twin', 'Twin A', { type: 'UpdateAttribute' }));
      spec.processors!.push(processor('twin', 'Twin B', { type: 'PutS3Object', autoTerminated: ['failure'] }));
      const canvas = view(preview(flowText(spec)), 'S3 to SQS');
      assert.equal(node(canvas, 'Twin B').badge?.messages.some((message) => /auto-terminates/.test(message)), true);
      assert.equal(node(canvas, 'Twin A').badge?.messages.some((message) => /auto-terminates/.test(message)) ?? false, false);
    });
  });

  describe('nested groups', () => {
    it('gives each group a view with its parent, and the child box opens it', () => {
      const grandchild = group({ id: 'gc', name: 'Grandchild', processors: [processor('p3', 'Deep')] });
      const child = group({ id: 'child', name: 'Child', processGroups: [grandchild] });
      const model = preview(flowText(s3ToSqs({ processGroups: [child] })));
      assert.deepEqual(model.groups.map((g) => g.name), ['S3 to SQS', 'Child', 'Grandchild']);
      const [top, middle, deep] = model.groups;
      assert.equal(top.parent, undefined);
      assert.equal(middle.parent, top.key);
      assert.equal(deep.parent, middle.key);
      assert.equal(node(top, 'Child').opens, middle.key);
      assert.equal(node(middle, 'Grandchild').opens, deep.key);
      assert.equal(node(middle, 'Grandchild').detail, '1 processor');
    });
  });

  describe('positions', () => {
    it('draws components where the file puts them, at NiFi\'s sizes, with bends, label index and labels', () => {
      const spec = s3ToSqs({
        labels: [{ identifier: 'lbl', label: 'Errors go right', width: 300, height: 40, position: { x: 700, y: -100 }, componentType: 'LABEL' }],
      });
      (spec.connections![2] as Record<string, unknown>).bends = [{ x: 500, y: 260 }, { x: 620, y: 260 }];
      (spec.connections![2] as Record<string, unknown>).labelIndex = 1;
      (spec.connections![2] as Record<string, unknown>).name = 'errors';
      const canvas = view(preview(flowText(spec)), 'S3 to SQS');
      const fetch = node(canvas, 'Fetch');
      assert.deepEqual([fetch.x, fetch.y, fetch.width, fetch.height, fetch.detail], [0, 200, 352, 128, 'FetchS3Object']);
      assert.deepEqual([node(canvas, 'event').width, node(canvas, 'event').height], [240, 48]);
      const edge = edgeFrom(canvas, 'Fetch', '@funnel');
      assert.deepEqual(edge.bends, [{ x: 500, y: 260 }, { x: 620, y: 260 }]);
      assert.equal(edge.labelIndex, 1);
      assert.equal(edge.name, 'errors');
      assert.deepEqual(edge.relationships, ['failure']);
      const label = canvas.nodes.find((candidate) => candidate.kind === 'label')!;
      assert.deepEqual([label.detail, label.width, label.height, label.y], ['Errors go right', 300, 40, -100]);
      assert.deepEqual(canvas.bounds, { x: 0, y: -100, width: 1000, height: 748 });
      assert.equal(canvas.laidOut, false);
    });

    it('lays out a flow without positions in layers along its connections, without overlaps', () => {
      const spec: GroupSpec = {
        id: 'top', name: 'Hand written',
        inputPorts: [port('in', 'in', { position: null })],
        outputPorts: [port('ok', 'success', { output: true, position: null }), port('fail', 'failure', { output: true, position: null })],
        processors: [processor('a', 'A', { position: null }), processor('b', 'B', { type: 'PutSQS', position: null })],
        connections: [
          connection('1', end('in', 'INPUT_PORT'), end('a')), connection('2', end('a'), end('b'), ['success']),
          connection('3', end('b'), end('ok', 'OUTPUT_PORT'), ['success']), connection('4', end('b'), end('fail', 'OUTPUT_PORT'), ['failure']),
        ],
      };
      const canvas = view(preview(flowText(spec)), 'Hand written');
      assert.equal(canvas.laidOut, true);
      const [inPort, a, b, ok, fail] = ['in', 'A', 'B', 'success', 'failure'].map((name) => node(canvas, name));
      assert.ok(inPort.y + inPort.height <= a.y && a.y + a.height <= b.y && b.y + b.height <= ok.y);
      assert.equal(ok.y, fail.y);
      assert.ok(ok.x + ok.width <= fail.x || fail.x + fail.width <= ok.x);
    });

    it('keeps placed components where they are and lays out the others below them', () => {
      const spec = s3ToSqs();
      spec.processors!.push(processor('extra', 'Extra', { position: null }));
      const canvas = view(preview(flowText(spec)), 'S3 to SQS');
      const lowest = Math.max(...canvas.nodes.filter((n) => n.name !== 'Extra').map((n) => n.y + n.height));
      assert.equal(node(canvas, 'Fetch').y, 200);
      assert.ok(node(canvas, 'Extra').y > lowest);
      assert.equal(canvas.laidOut, true);
    });
  });

  it('carries no property values and no parameter values', () => {
    const spec = s3ToSqs({ parameterContextName: 'ctx' });
    spec.processors!.push(processor('secret', 'Secretive', { properties: { Password: 'hunter2-property' } }));
    const text = flowText(spec, { ctx: { name: 'ctx', parameters: [{ name: 'Key', sensitive: false, value: 'parameter-value-42' }] } });
    const json = JSON.stringify(preview(text));
    assert.ok(!json.includes('hunter2-property'));
    assert.ok(!json.includes('parameter-value-42'));
  });
});

describe('flow preview: from text and the editor\'s diagnostics', () => {
  it('places findings that name no component (diagnostics) by where they start, and reports broken and other JSON', async () => {
    const { previewText } = await import('../../../src/core/flow/preview');
    const text = flowText(s3ToSqs());
    const validation = validateText(text);
    // As the shell gets them from the Problems panel: severity, message and range only.
    const diagnostics = validation.findings.map((f) => ({ severity: f.severity, message: f.message, range: { startOffset: f.range.startOffset } }));
    const outcome = previewText(text, diagnostics);
    assert.equal(outcome.kind, 'flow');
    if (outcome.kind !== 'flow') return;
    const canvas = view(outcome.preview, 'S3 to SQS');
    // failure-not-routed points at the connection's relationship: drawn on the connection Send -> Log.
    assert.equal(edgeFrom(canvas, 'Send', 'Log').badge?.errors, 1);
    assert.equal(node(canvas, 'Fetch').badge, undefined);
    const broken = previewText(text.slice(0, text.length - 2), []);
    assert.equal(broken.kind, 'broken');
    assert.match((broken as { message: string }).message, /not valid JSON/);
    assert.deepEqual(previewText('{"name": "package.json"}', []), { kind: 'notFlow' });
  });
});
