import * as assert from 'node:assert/strict';
import { exportCloudFormation } from '../../../src/core/deploy/cloudformation';
import { buildDesired } from '../../../src/core/deploy/desired';
import { desiredInput, PRIVATE_KEY, SECRET_VALUE, target } from './fixtures';

function exported(overrides = {}) {
  const built = buildDesired(desiredInput({ target: target({ triggers: [{ bucket: 'landing-bucket', suffix: '.csv' }], kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abcd', ...overrides }) }));
  assert.ok(built.ok);
  return exportCloudFormation(built.desired);
}

/** Every Ref and Fn::GetAtt target in a template value. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => references(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'Ref' && typeof item === 'string') found.push(item);
      else if (key === 'Fn::GetAtt' && Array.isArray(item)) found.push(String(item[0]));
      else if (key === 'Fn::Sub' && typeof item === 'string') for (const match of item.matchAll(/\$\{([A-Za-z0-9:]+)\}/g)) found.push(match[1]);
      else references(item, found);
    }
  }
  return found;
}

describe('deploy: CloudFormation export', () => {
  it('parses and names every resource: role, policy, secret, function, version, alias, invoke permission', () => {
    const { text } = exported();
    const template = JSON.parse(text);
    const types = Object.fromEntries(Object.entries(template.Resources as Record<string, { Type: string }>).map(([id, resource]) => [resource.Type, id]));
    assert.deepEqual(Object.keys(types).sort(), [
      'AWS::IAM::Role', 'AWS::IAM::RolePolicy', 'AWS::Lambda::Alias', 'AWS::Lambda::Function', 'AWS::Lambda::Permission', 'AWS::Lambda::Version', 'AWS::SecretsManager::Secret',
    ]);
    assert.equal(template.Resources.Function.Properties.FunctionName, 's3-to-sqs');
    assert.equal(template.Resources.ExecutionRole.Properties.RoleName, 's3-to-sqs-role');
    assert.equal(template.Resources.FlowParameterSecret.Properties.Name, 'S3ToSqsParams');
    assert.equal(template.Resources.FunctionAlias.Properties.Name, 'live');
  });

  it('every Ref and GetAtt points at a parameter, a resource or a pseudo parameter', () => {
    const template = exported().template as { Parameters: object; Resources: object };
    const known = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources), 'AWS::AccountId', 'AWS::Region']);
    const dangling = references(template).filter((name) => !known.has(name));
    assert.deepEqual(dangling, []);
  });

  it('keeps secret values out: NoEcho parameters for the private key and sensitive parameters', () => {
    const { text, template } = exported();
    assert.ok(!text.includes(PRIVATE_KEY));
    assert.ok(!text.includes(SECRET_VALUE));
    const parameters = (template as { Parameters: Record<string, { NoEcho?: boolean }> }).Parameters;
    assert.equal(parameters.DfPrivateKey.NoEcho, true);
    assert.equal(parameters.SecretS3SECRETKEY.NoEcho, true);
  });

  it('grants least privilege on the one secret (and kms:Decrypt on its key), not SecretsManagerReadWrite', () => {
    const { text, template } = exported();
    assert.ok(!text.includes('SecretsManagerReadWrite'));
    const statements = (template as any).Resources.AccessPolicy.Properties.PolicyDocument.Statement;
    assert.deepEqual(statements.find((statement: any) => statement.Sid === 'ReadFlowParameterSecret').Resource, { Ref: 'FlowParameterSecret' });
    assert.equal(statements.find((statement: any) => statement.Action === 'kms:Decrypt').Resource, 'arn:aws:kms:us-east-1:123456789012:key/abcd');
  });

  it('says it cannot add the notification on a bucket the stack does not own', () => {
    const template = exported().template as any;
    assert.match(template.Description, /NOT INCLUDED: the S3 notification on landing-bucket/);
    assert.match(template.Metadata.DataFlowFunctions.cannotDo[0], /only set notifications on a bucket it creates/);
    assert.deepEqual(template.Metadata.DataFlowFunctions.triggersToAddAfterCreation[0].bucket, 'landing-bucket');
  });

  it('names the version after the settings, so a changed template publishes a new version', () => {
    const versionOf = (template: any): string => Object.keys(template.Resources).find((id) => id.startsWith('FunctionVersion')) ?? '';
    const first = versionOf(exported().template);
    assert.equal(versionOf(exported().template), first);
    assert.notEqual(versionOf(exported({ memoryMb: 2048 }).template), first);
  });

  it('uses an existing role without creating one', () => {
    const template = exported({ executionRole: { arn: 'arn:aws:iam::123456789012:role/team/theirs' } }).template as any;
    assert.equal(template.Resources.ExecutionRole, undefined);
    assert.equal(template.Resources.Function.Properties.Role, 'arn:aws:iam::123456789012:role/team/theirs');
    assert.equal(template.Resources.AccessPolicy.Properties.RoleName, 'theirs');
  });
});
