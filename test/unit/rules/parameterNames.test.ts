// Which parameter names each parameter-name finding reports, what it says, and the name its rename
// fix suggests: every reserved name, its near misses, and the suggestions' edge cases.
import * as assert from 'assert';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import { editedFlow, findingsIn } from './ruleFixtures';

const CODES = ['parameter-name-invalid', 'parameter-name-too-short', 'parameter-name-reserved'];

/** The minimal valid flow with these parameters (no values) in its only context, in this order. */
function withParameters(names: readonly string[]): string {
  return editedFlow('valid-minimal.json', (flow) => {
    flow.parameterContexts.S3ToSqsParams.parameters = names.map((name) => ({ name, sensitive: false, value: '' }));
  });
}

/** Finding per parameter name: [code, suggested new name]. */
function reported(names: readonly string[]): Record<string, [string, string | undefined]> {
  const text = withParameters(names);
  const result: Record<string, [string, string | undefined]> = {};
  for (const finding of findingsIn(text, CODES)) {
    const fix = finding.fixes?.[0];
    assert.ok(fix?.kind === 'renameParameter', `${finding.code} offers a rename`);
    result[fix.parameterName] = [finding.code, fix.newName];
  }
  return result;
}

function findingFor(names: readonly string[], name: string): ResolvedFinding {
  const finding = findingsIn(withParameters(names), CODES)
    .find((candidate) => candidate.fixes?.[0]?.kind === 'renameParameter' && candidate.fixes[0].parameterName === name);
  assert.ok(finding, `a finding for ${name}`);
  return finding;
}

describe('parameter names DataFlow Functions and Lambda refuse', () => {
  const DFF_OWN = ['DF_ACCESS_KEY', 'DF_PRIVATE_KEY', 'FLOW_CRN', 'FAILURE_PORTS', 'NEXUS_URL', 'OUTPUT_PORT', 'KRB5_FILE',
    'CONTENT_REPO', 'DYNAMODB_STATE_TABLE', 'DYNAMODB_BILLING_MODE', 'DYNAMODB_READ_CAPACITY_UNITS',
    'DYNAMODB_WRITE_CAPACITY_UNITS', 'DISABLE_STATE_PROVIDER', 'EXTENSIONS_DIR_1'];

  it('reports every variable DataFlow Functions sets itself, saying so, with NAME_PARAM as the new name', () => {
    const found = reported(DFF_OWN);
    assert.deepStrictEqual(Object.keys(found), DFF_OWN);
    for (const name of DFF_OWN.filter((item) => !item.startsWith('EXTENSIONS_DIR_'))) {
      assert.deepStrictEqual(found[name], ['parameter-name-reserved', `${name}_PARAM`], name);
    }
    assert.deepStrictEqual(found.EXTENSIONS_DIR_1, ['parameter-name-reserved', 'PARAM_EXTENSIONS_DIR_1'], 'a reserved prefix goes behind PARAM_');
    const message = findingFor(DFF_OWN, 'NEXUS_URL').message;
    assert.match(message, /^Parameter "NEXUS_URL" of context "S3ToSqsParams" cannot become an environment variable: DataFlow Functions sets an environment variable of that name itself\. /);
    assert.match(message, /Rename it, e\.g\. to "NEXUS_URL_PARAM", and update the references to it\.$/);
  });

  it('reports the names Lambda reserves and those the Java runtime reads, each with its own reason', () => {
    const names = ['LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', 'TZ', 'PATH', 'LD_LIBRARY_PATH', 'JAVA_TOOL_OPTIONS', 'AWS_X'];
    const found = reported(names);
    assert.deepStrictEqual(found, {
      LAMBDA_TASK_ROOT: ['parameter-name-reserved', 'LAMBDA_TASK_ROOT_PARAM'],
      LAMBDA_RUNTIME_DIR: ['parameter-name-reserved', 'LAMBDA_RUNTIME_DIR_PARAM'],
      TZ: ['parameter-name-reserved', 'TZ_PARAM'],
      PATH: ['parameter-name-reserved', 'PATH_PARAM'],
      LD_LIBRARY_PATH: ['parameter-name-reserved', 'LD_LIBRARY_PATH_PARAM'],
      JAVA_TOOL_OPTIONS: ['parameter-name-reserved', 'JAVA_TOOL_OPTIONS_PARAM'],
      AWS_X: ['parameter-name-reserved', 'PARAM_AWS_X'],
    });
    assert.match(findingFor(names, 'TZ').message, /cannot become an environment variable: AWS Lambda reserves that environment variable name\./);
    assert.match(findingFor(names, 'AWS_X').message, /AWS Lambda reserves environment variable names that start with AWS_\./);
    assert.match(findingFor(names, 'PATH').message, /the Lambda Java runtime reads that environment variable when the function starts\./);
  });

  it('accepts the near misses: other case, a longer or shorter name, the prefix elsewhere in the name', () => {
    const nearMisses = ['FLOW_CRNS', 'flow_crn', 'XFLOW_CRN', 'EXTENSIONS_DIR', 'XEXTENSIONS_DIR_1', 'aws_region', 'XAWS_REGION',
      'AWS', 'TZ2', 'Tz', 'PATHS', 'path', 'LAMBDA_TASK', 'JAVA_TOOL_OPTION', 'DF_ACCESS', 'ab'];
    assert.deepStrictEqual(reported(nearMisses), {});
  });

  it('suggests lower-case additions for a mixed-case name, upper-case ones for an upper-case name', () => {
    assert.deepStrictEqual(reported(['AWS_region', 'x', 'X', 'Aws_']), {
      AWS_region: ['parameter-name-reserved', 'param_AWS_region'],
      x: ['parameter-name-too-short', 'x_param'],
      X: ['parameter-name-too-short', 'X_PARAM'],
    });
  });

  it('turns each run of refused characters into one "_" and puts a letter first', () => {
    assert.deepStrictEqual(reported(['a..b-c', '1st', '_x', '-', 'héllo wörld', 'ok']), {
      'a..b-c': ['parameter-name-invalid', 'a_b_c'],
      '1st': ['parameter-name-invalid', 'p_1st'],
      '_x': ['parameter-name-invalid', 'p_x'],
      '-': ['parameter-name-invalid', 'p_'],
      'héllo wörld': ['parameter-name-invalid', 'h_llo_w_rld'],
    });
  });

  it('suggests "param" for an empty name', () => {
    assert.deepStrictEqual(reported(['', 'ok']), { '': ['parameter-name-invalid', 'param'] });
  });

  it('numbers a suggestion another parameter has, or an earlier suggestion took', () => {
    assert.deepStrictEqual(reported(['a-b', 'a.b', 'a_b_2', 'TZ', 'TZ_PARAM']), {
      'a-b': ['parameter-name-invalid', 'a_b'],
      'a.b': ['parameter-name-invalid', 'a_b_3'],
      TZ: ['parameter-name-reserved', 'TZ_PARAM_2'],
    });
  });

  it('says why a name is invalid and how short is too short', () => {
    const invalid = findingFor(['my-name'], 'my-name');
    assert.strictEqual(invalid.severity, 'error');
    assert.strictEqual(invalid.message, 'Parameter "my-name" of context "S3ToSqsParams" is not a valid DataFlow Functions parameter ' +
      'name: it becomes a Lambda environment variable, so it must start with a letter and contain only letters, digits and "_". ' +
      'Rename it, e.g. to "my_name", and update the references to it.');
    const short = findingFor(['q'], 'q');
    assert.strictEqual(short.severity, 'error');
    assert.strictEqual(short.message, 'Parameter "q" of context "S3ToSqsParams" is too short: it becomes a Lambda environment variable, ' +
      'and Lambda needs keys of at least 2 characters. Rename it, e.g. to "q_param", and update the references to it.');
  });
});
