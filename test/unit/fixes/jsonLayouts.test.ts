// The text a fix writes, in layouts the other fix tests do not cover: a member the file lacks, an
// empty object, a null list, Jackson's "[ ]" with no other array to learn from, a list written on
// one line inside a multi-line file, and a whole file on one line. The expected texts are whole files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FixSpec } from '../../../src/core/flow/finding';
import { runFix } from './fixHelpers';

function fixture(name: string): string {
  return fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/mutants', name), 'utf8');
}

const add = (sensitive: boolean): FixSpec => ({ kind: 'addParameter', contextName: 'Ctx', parameterName: 'p1', sensitive });
const SENSITIVE = 'Added by a quick fix: supply the value of this sensitive parameter when you deploy the function.';
const PLAIN = 'Added by a quick fix with an empty value: set the value this flow needs before you deploy it.';

/** The fixed text with generated identifiers replaced by their order of appearance. */
function fixed(text: string, fix: FixSpec): string {
  const ids: string[] = [];
  return runFix(text, fix).text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g, (id) => {
    if (!ids.includes(id)) ids.push(id);
    return `<id ${ids.indexOf(id) + 1}>`;
  });
}

describe('the layout of what fixes write', () => {
  it('adds a missing "parameters" member as the context\'s last member, indented as its others', () => {
    const text = fixture('context-without-parameters.json');
    assert.strictEqual(fixed(text, add(false)), text.replace('      "name": "Ctx"\n', `      "name": "Ctx",
      "parameters": [
        {
          "name": "p1",
          "description": "${PLAIN}",
          "sensitive": false,
          "provided": false,
          "value": ""
        }
      ]
`));
  });

  it('adds it in a file on one line without a space or line break', () => {
    const text = JSON.stringify(JSON.parse(fixture('context-without-parameters.json')));
    assert.strictEqual(fixed(text, add(true)), text.replace('"Ctx":{"name":"Ctx"}',
      `"Ctx":{"name":"Ctx","parameters":[{"name":"p1","description":"${SENSITIVE}","sensitive":true,"provided":false}]}`));
  });

  it('adds it to a context written on one line after the same gap, its value indented from that line', () => {
    const text = fixture('context-without-parameters.json').replace('"Ctx": {\n      "name": "Ctx"\n    }', '"Ctx": { "name": "Ctx" }');
    assert.strictEqual(fixed(text, add(true)), text.replace('"Ctx": { "name": "Ctx" }', `"Ctx": { "name": "Ctx", "parameters": [
      {
        "name": "p1",
        "description": "${SENSITIVE}",
        "sensitive": true,
        "provided": false
      }
    ] }`));
  });

  it('fills an empty context "{ }" in a Jackson file, with Jackson\'s inline list', () => {
    const text = fixture('jackson-empty-context.json');
    assert.strictEqual(fixed(text, add(true)), text.replace('"Ctx" : { }', `"Ctx" : {
      "parameters" : [ {
        "name" : "p1",
        "description" : "${SENSITIVE}",
        "sensitive" : true,
        "provided" : false
      } ]
    }`));
  });

  it('writes Jackson\'s inline list where its lists with items are inline, though an empty one is written "[]"', () => {
    const text = fixture('jackson-empty-context.json').replace('"processors" : [ ]', '"processors" : []');
    assert.strictEqual(fixed(text, add(true)), text.replace('"Ctx" : { }', `"Ctx" : {
      "parameters" : [ {
        "name" : "p1",
        "description" : "${SENSITIVE}",
        "sensitive" : true,
        "provided" : false
      } ]
    }`));
  });

  it('writes an emptied list "[]" when the first empty list spans lines', () => {
    const text = fixture('mixed-array-layouts.json').replace('"labels": [],', '"labels": [\n    ],');
    assert.strictEqual(fixed(text, { kind: 'routeToFailurePort', processorId: 'p1', relationship: 'Failure' }), text
      .replace('"autoTerminatedRelationships": ["Failure"]', '"autoTerminatedRelationships": []')
      .replace('"selectedRelationships": [ "Retry" ]', '"selectedRelationships": [ "Retry", "Failure" ]'));
  });

  it('replaces a null list by a list of the new parameter', () => {
    const text = fixture('jackson-empty-context.json').replace('"Ctx" : { }', '"Ctx" : { "name" : "Ctx", "parameters" : null }');
    assert.strictEqual(fixed(text, add(true)), text.replace('"parameters" : null', `"parameters" : [ {
      "name" : "p1",
      "description" : "${SENSITIVE}",
      "sensitive" : true,
      "provided" : false
    } ]`));
  });

  it('learns Jackson\'s inline lists from its empty "[ ]" when the file has no other list', () => {
    const text = fixture('jackson-only-empty-arrays.json');
    assert.strictEqual(fixed(text, add(true)), text.replace('"parameters" : [ ]', `"parameters" : [ {
      "name" : "p1",
      "description" : "${SENSITIVE}",
      "sensitive" : true,
      "provided" : false
    } ]`));
  });

  it('appends to a list written on one line after a comma alone, as its first item follows its bracket', () => {
    const text = fixture('inline-parameters-no-ports.json');
    assert.strictEqual(fixed(text, add(true)), text.replace('{ "name": "a", "sensitive": true }]', `{ "name": "a", "sensitive": true },{
      "name": "p1",
      "description": "${SENSITIVE}",
      "sensitive": true,
      "provided": false
    }]`));
  });

  describe('a file whose lists are laid out in several ways: the first of each kind decides', () => {
    const text = fixture('mixed-array-layouts.json');

    it('writes an emptied list as the first empty list is written, and appends to a list on one line within it', () => {
      assert.strictEqual(fixed(text, { kind: 'routeToFailurePort', processorId: 'p1', relationship: 'Failure' }), text
        .replace('"autoTerminatedRelationships": ["Failure"]', '"autoTerminatedRelationships": []')
        .replace('"selectedRelationships": [ "Retry" ]', '"selectedRelationships": [ "Retry", "Failure" ]'));
    });

    it('writes a new list across lines, as the first list with items is written', () => {
      assert.strictEqual(fixed(text, add(true)), text.replace('"parameters": [] }', `"parameters": [
      {
        "name": "p1",
        "description": "${SENSITIVE}",
        "sensitive": true,
        "provided": false
      }
    ] }`));
    });
  });

  it('reads the indentation of a file that begins with a blank line and a space after its brace, and fills an empty list whose bracket closes at the line start', () => {
    const text = fixture('leading-blank-line-tabs.json');
    assert.strictEqual(fixed(text, add(true)), text.replace('"parameters": [\n]', [
      '"parameters": [',
      '\t\t\t\t{',
      '\t\t\t\t\t"name": "p1",',
      `\t\t\t\t\t"description": "${SENSITIVE}",`,
      '\t\t\t\t\t"sensitive": true,',
      '\t\t\t\t\t"provided": false',
      '\t\t\t\t}',
      '\t\t\t]',
    ].join('\n')));
  });

  it('adds the "outputPorts" and "connections" members a group lacks, and empties the auto-terminated list as the file writes "[]"', () => {
    const text = fixture('inline-parameters-no-ports.json');
    assert.strictEqual(fixed(text, { kind: 'routeToFailurePort', processorId: 'p1', relationship: 'failure' }), text
      .replace('"autoTerminatedRelationships": ["failure"]', '"autoTerminatedRelationships": []')
      .replace('    "parameterContextName": "Ctx"\n', `    "parameterContextName": "Ctx",
    "outputPorts": [
      {
        "identifier": "<id 1>",
        "name": "failure",
        "comments": "",
        "position": {
          "x": 10,
          "y": 270
        },
        "type": "OUTPUT_PORT",
        "concurrentlySchedulableTaskCount": 1,
        "scheduledState": "ENABLED",
        "allowRemoteAccess": false,
        "componentType": "OUTPUT_PORT",
        "groupIdentifier": "top"
      }
    ],
    "connections": [
      {
        "identifier": "<id 2>",
        "name": "",
        "source": {
          "id": "p1",
          "type": "PROCESSOR",
          "groupId": "top",
          "name": "Put",
          "comments": ""
        },
        "destination": {
          "id": "<id 1>",
          "type": "OUTPUT_PORT",
          "groupId": "top",
          "name": "failure",
          "comments": ""
        },
        "labelIndex": 1,
        "zIndex": 0,
        "selectedRelationships": [
          "failure"
        ],
        "backPressureObjectThreshold": 10000,
        "backPressureDataSizeThreshold": "1 GB",
        "flowFileExpiration": "0 sec",
        "prioritizers": [],
        "bends": [],
        "loadBalanceStrategy": "DO_NOT_LOAD_BALANCE",
        "partitioningAttribute": "",
        "loadBalanceCompression": "DO_NOT_COMPRESS",
        "componentType": "CONNECTION",
        "groupIdentifier": "top"
      }
    ]
`));
  });
});
