// Flow Preview bench (npm run bench -- --only preview): the time to build the drawing model
// (previewText: parse + roles, failure paths, badges, layout) beside validateText on the same flow, and
// the time from the model reaching the webview script to its first paint in Chromium, for a flat
// 1,000-processor canvas (the worst case: everything on one canvas) and the bench's nested 1,000 flow.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateFlow } from './generate.mjs';

const require = createRequire(import.meta.url);

/** 1,000 processors on one canvas in a grid, each passing success on and failure to a funnel before the failure port. */
function flatFlow(count) {
  const processors = [], connections = [];
  const end = (id, type = 'PROCESSOR') => ({ id, groupId: 'top', type, name: id });
  for (let i = 0; i < count; i++) {
    processors.push({
      identifier: `p${i}`, name: `Processor ${i}`, position: { x: (i % 25) * 420, y: Math.floor(i / 25) * 220 },
      type: 'org.apache.nifi.processors.aws.sqs.PutSQS', properties: {}, propertyDescriptors: {},
      autoTerminatedRelationships: i % 10 === 9 ? ['failure'] : [], componentType: 'PROCESSOR',
    });
    if (i > 0) connections.push({ identifier: `s${i}`, name: '', source: end(`p${i - 1}`), destination: end(`p${i}`), selectedRelationships: ['success'], bends: [] });
    if (i % 10 !== 9) connections.push({ identifier: `f${i}`, name: '', source: end(`p${i}`), destination: end('funnel', 'FUNNEL'), selectedRelationships: ['failure'], bends: [] });
  }
  const flowContents = {
    identifier: 'top', name: 'Flat 1000', position: { x: 0, y: 0 }, processors, connections,
    inputPorts: [{ identifier: 'in', name: 'in', position: { x: 0, y: -200 }, allowRemoteAccess: false }],
    outputPorts: [
      { identifier: 'failure', name: 'failure', position: { x: 11000, y: 4000 }, allowRemoteAccess: false },
      { identifier: 'success', name: 'success', position: { x: 0, y: 9000 }, allowRemoteAccess: false },
    ],
    funnels: [{ identifier: 'funnel', position: { x: 10800, y: 3000 } }], labels: [], processGroups: [], remoteProcessGroups: [], controllerServices: [],
  };
  connections.push({ identifier: 'entry', name: '', source: end('in', 'INPUT_PORT'), destination: end('p0'), selectedRelationships: [], bends: [] });
  connections.push({ identifier: 'toFailure', name: '', source: end('funnel', 'FUNNEL'), destination: end('failure', 'OUTPUT_PORT'), selectedRelationships: [], bends: [] });
  connections.push({ identifier: 'toSuccess', name: '', source: end(`p${count - 1}`), destination: end('success', 'OUTPUT_PORT'), selectedRelationships: ['success'], bends: [] });
  return JSON.stringify({ flowContents, parameterContexts: {}, flowEncodingVersion: '1.0' }, null, 2);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, runs) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Loads media/preview in Chromium with a stand-in for acquireVsCodeApi and times model -> painted. */
async function firstPaint(root, model, runs) {
  const { launchChromium } = require(path.join(root, 'scripts/lib/codeServer.cjs'));
  const browser = await launchChromium();
  try {
    const script = readFileSync(path.join(root, 'media/preview/preview.js'), 'utf8');
    const css = readFileSync(path.join(root, 'media/preview/preview.css'), 'utf8');
    const html = readFileSync(path.join(root, 'scripts/bench/previewPage.html'), 'utf8').replace('/*CSS*/', css);
    const samples = [];
    for (let i = 0; i <= runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      await page.setContent(html);
      await page.addScriptTag({ content: script });
      const ms = await page.evaluate((message) => new Promise((resolve) => {
        const started = performance.now();
        window.__painted = () => resolve(performance.now() - started);
        window.postMessage(message, '*');
      }), { type: 'model', model, version: 1, title: 'bench', readOnly: false });
      if (i > 0) samples.push(ms);
      await page.close();
    }
    return median(samples);
  } finally {
    await browser.close();
  }
}

export async function benchPreview(root, runs) {
  const engine = require(path.join(root, 'dist/flow-engine.js'));
  const flows = [['flat 1000 processors, one canvas', flatFlow(1000)], ['nested 1000 (bench generator)', generateFlow(1000)]];
  console.log('Flow preview: drawing model (previewText) and first paint in Chromium, medians');
  for (const [name, text] of flows) {
    const validation = engine.validateText(text);
    const findings = validation.findings;
    const validate = time(() => engine.validateText(text), runs);
    const build = time(() => engine.previewText(text, findings), runs);
    const outcome = engine.previewText(text, findings);
    const top = outcome.preview.groups[0];
    const paint = await firstPaint(root, outcome.preview, Math.min(runs, 5));
    console.log(`  ${name}: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${outcome.preview.groups.length} canvases, ` +
      `top canvas ${top.nodes.length} components / ${top.edges.length} connections, ${findings.length} findings`);
    console.log(`    validateText ${validate.toFixed(1)} ms; drawing model ${build.toFixed(1)} ms; first paint ${paint.toFixed(1)} ms; ` +
      `model + paint ${(build + paint).toFixed(1)} ms (goal: under 1000 ms)`);
  }
}
