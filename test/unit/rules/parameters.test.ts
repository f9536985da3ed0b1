import * as assert from 'assert';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import { parseFlow } from '../../../src/core/flow/parse';
import { checkParameters, DFF_VARIABLES_ESTIMATE_BYTES, LAMBDA_ENV_LIMIT_BYTES } from '../../../src/core/flow/rules/parameters';
import { check, editedFlow, findingsIn, readFlow, token } from './ruleFixtures';

const CODES = ['parameter-name-invalid', 'parameter-name-too-short', 'parameter-name-reserved', 'environment-too-large'];

function byName(text: string, findings: ResolvedFinding[]): Map<string, ResolvedFinding> {
  return new Map(findings.map((finding) => [JSON.parse(token(text, finding.range)) as string, finding]));
}

function renameTo(finding: ResolvedFinding | undefined): string | undefined {
  const fix = finding?.fixes?.[0];
  return fix?.kind === 'renameParameter' ? fix.newName : undefined;
}

describe('parameter rules', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json', CODES).findings, []);
  });

  it('reports names DFF refuses, with valid suggestions', () => {
    const { text, findings } = check('parameter-name-invalid.json', CODES);
    const found = byName(text, findings);
    assert.deepStrictEqual([...found.keys()], ['s3.bucket-name', '1st_prefix', 'target prefix']);
    for (const finding of findings) {
      assert.strictEqual(finding.code, 'parameter-name-invalid');
      assert.strictEqual(finding.severity, 'error');
    }
    assert.deepStrictEqual(found.get('s3.bucket-name')!.fixes,
      [{ kind: 'renameParameter', contextName: 'LandingParams', parameterName: 's3.bucket-name', newName: 's3_bucket_name' }]);
    assert.strictEqual(renameTo(found.get('1st_prefix')), 'p_1st_prefix');
    assert.strictEqual(renameTo(found.get('target prefix')), 'target_prefix');
    assert.match(findings[0].message, /start with a letter/);
  });

  it('reports a one-letter name and suggests one no other parameter has', () => {
    const { text, findings } = check('parameter-name-too-short.json', CODES);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'parameter-name-too-short');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"n"');
    assert.strictEqual(renameTo(finding), 'n_param_2', 'n_param is taken');
  });

  it('reports names DFF or Lambda reserve', () => {
    const { text, findings } = check('parameter-name-reserved.json', CODES);
    const found = byName(text, findings);
    assert.deepStrictEqual([...found.keys()], ['FLOW_CRN', 'AWS_REGION'], 'FLOW_CRN_PARAM is fine');
    for (const finding of findings) {
      assert.strictEqual(finding.code, 'parameter-name-reserved');
      assert.strictEqual(finding.severity, 'error');
    }
    assert.strictEqual(renameTo(found.get('FLOW_CRN')), 'FLOW_CRN_PARAM_2');
    assert.match(found.get('FLOW_CRN')!.message, /DataFlow Functions sets/);
    assert.strictEqual(renameTo(found.get('AWS_REGION')), 'PARAM_AWS_REGION');
    assert.match(found.get('AWS_REGION')!.message, /AWS Lambda reserves/);
  });

  it('treats the whole AWS_ and EXTENSIONS_DIR_ prefixes as reserved', () => {
    const text = editedFlow('parameter-name-reserved.json', (flow) => {
      flow.parameterContexts.StamperParams.parameters = [
        { name: 'AWS_LAMBDA_EXEC_WRAPPER', sensitive: false, value: '/opt/wrapper' },
        { name: 'EXTENSIONS_DIR_LAYER', sensitive: false, value: '/opt' },
        { name: 'AWS_REGION_NAME', sensitive: false, value: 'eu-west-1' },
        { name: 'TZ', sensitive: false, value: 'Europe/Paris' },
      ];
    });
    const found = byName(text, findingsIn(text, CODES));
    assert.deepStrictEqual([...found.keys()], ['AWS_LAMBDA_EXEC_WRAPPER', 'EXTENSIONS_DIR_LAYER', 'AWS_REGION_NAME', 'TZ']);
    assert.strictEqual(renameTo(found.get('AWS_REGION_NAME')), 'PARAM_AWS_REGION_NAME');
    assert.strictEqual(renameTo(found.get('AWS_LAMBDA_EXEC_WRAPPER')), 'PARAM_AWS_LAMBDA_EXEC_WRAPPER');
    assert.strictEqual(renameTo(found.get('EXTENSIONS_DIR_LAYER')), 'PARAM_EXTENSIONS_DIR_LAYER');
  });

  it('checks parameters of inherited contexts and ignores contexts the flow does not use', () => {
    const text = editedFlow('parameter-name-too-short.json', (flow) => {
      flow.parameterContexts.ArchiveParams.parameters = flow.parameterContexts.ArchiveParams.parameters.filter((p: any) => p.name !== 'n');
      flow.parameterContexts.ArchiveParams.inheritedParameterContexts = ['ArchiveDefaults'];
      flow.parameterContexts.ArchiveDefaults = { name: 'ArchiveDefaults', parameters: [{ name: 'x', sensitive: false, value: '1' }] };
      flow.parameterContexts.Unused = { name: 'Unused', parameters: [{ name: 'y', sensitive: false, value: '1' }] };
    });
    const findings = findingsIn(text, CODES);
    assert.deepStrictEqual(findings.map((finding) => token(text, finding.range)), ['"x"']);
    assert.deepStrictEqual(findings[0].fixes, [{ kind: 'renameParameter', contextName: 'ArchiveDefaults', parameterName: 'x', newName: 'x_param' }]);
  });

  it('reports an environment over 4 KB at the context, counting only non-sensitive parameters', () => {
    const { text, findings } = check('environment-too-large.json', CODES);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'environment-too-large');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"OrderMapping"');
    const model = parseFlow(text);
    assert.ok(model.kind === 'flow');
    const bytes = model.model.contexts.get('OrderMapping')!.parameters
      .filter((parameter) => !parameter.sensitive)
      .reduce((sum, parameter) => sum + Buffer.byteLength(parameter.name) + Buffer.byteLength(parameter.value ?? ''), 0);
    assert.ok(finding.message.includes(`take ${bytes} bytes`), finding.message);
    assert.ok(finding.message.includes(`about ${bytes + DFF_VARIABLES_ESTIMATE_BYTES} bytes`));
    assert.match(finding.message, /Secrets Manager/);
    assert.ok(finding.message.includes('"JOLT_SPEC"'));
    assert.strictEqual(token(text, finding.related[0].range).slice(0, 2), '"[', 'the largest value is related first');
  });

  it('does not count sensitive parameters towards the environment, even with a value in the file', () => {
    // The value stays: a test that deleted it would pass even if the sensitive flag were ignored.
    const text = editedFlow('environment-too-large.json', (flow) => {
      flow.parameterContexts.OrderMapping.parameters[0].sensitive = true;
    });
    assert.ok(JSON.parse(text).parameterContexts.OrderMapping.parameters[0].value.length > 1000, 'its value is still in the file');
    assert.deepStrictEqual(findingsIn(text, CODES), []);
    const plain = editedFlow('environment-too-large.json', () => undefined);
    assert.strictEqual(findingsIn(plain, CODES).length, 1, 'the same value, not sensitive, is too large');
  });

  it('counts UTF-8 bytes, not characters', () => {
    const base = JSON.parse(readFlow('valid-minimal.json'));
    // 1300 three-byte characters: 3900 bytes, 1300 characters.
    base.parameterContexts.S3ToSqsParams.parameters[0].value = '€'.repeat(1300);
    const parsed = parseFlow(JSON.stringify(base, null, 2));
    assert.ok(parsed.kind === 'flow');
    const findings = checkParameters(parsed.model, {});
    assert.deepStrictEqual(findings.map((finding) => finding.code), ['environment-too-large']);
    assert.ok(3900 + DFF_VARIABLES_ESTIMATE_BYTES > LAMBDA_ENV_LIMIT_BYTES);
  });
});
