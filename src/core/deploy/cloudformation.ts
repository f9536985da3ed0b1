// The deployment as an AWS CloudFormation template, for teams that deploy through their own
// pipeline: role, least-privilege policy, secret, function, version, alias and S3 invoke
// permissions. Secret values (sensitive parameters, DF_PRIVATE_KEY) are NoEcho parameters, never
// inline. What a stack cannot do (a notification on a bucket it does not own) is said in the
// template's Description and Metadata.
import { createHash } from 'node:crypto';
import { parseRoleArn } from './arns';
import type { DesiredDeployment } from './desired';
import { accessStatements, BASIC_EXECUTION_POLICY_ARN, FLOW_TAG, inlinePolicyName, LAMBDA_TRUST_POLICY, MANAGED_BY_TAG, MANAGED_BY_VALUE } from './policies';
import { DFF_OWN_VARIABLES } from './environment';

export interface CloudFormationExport {
  template: Record<string, unknown>;
  /** The template as JSON text (CloudFormation accepts JSON as well as YAML). */
  text: string;
  /** Parameters the stack needs at creation, with what each holds. */
  parameters: Array<{ name: string; description: string; noEcho: boolean }>;
}

const CREDENTIAL_VARIABLES = new Set(['DF_ACCESS_KEY', 'DF_PRIVATE_KEY']);

function parameterName(parameter: string): string {
  return `Secret${parameter.replace(/[^A-Za-z0-9]/g, '')}`;
}

export function exportCloudFormation(desired: DesiredDeployment): CloudFormationExport {
  const parameters: Record<string, Record<string, unknown>> = {
    DfAccessKey: { Type: 'String', Description: 'DF_ACCESS_KEY: access key id of the CDP machine user the function runs as.' },
    DfPrivateKey: { Type: 'String', NoEcho: true, Description: 'DF_PRIVATE_KEY: private key of that CDP machine user.' },
  };
  const code = desired.code;
  parameters.CodeS3Bucket = { Type: 'String', Default: code.bucket, Description: 'Bucket holding the DFF binaries zip (naaf-aws-lambda-<version>-bin.zip).' };
  parameters.CodeS3Key = {
    Type: 'String',
    ...(code.kind === 's3' ? { Default: code.key } : {}),
    Description: code.kind === 's3' ? 'Key of the DFF binaries zip.' : `Key of the DFF binaries zip; upload ${code.path} there first.`,
  };
  const secret = desired.secret;
  const sensitiveNames = secret ? [...Object.keys(secret.values), ...secret.requiredKeys].sort() : [];
  for (const name of sensitiveNames) {
    parameters[parameterName(name)] = { Type: 'String', NoEcho: true, Description: `Value of the sensitive flow parameter ${name} (stored in the secret, never in the template).` };
  }

  const resources: Record<string, Record<string, unknown>> = {};
  const roleRef = desired.role.kind === 'create' ? { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] } : desired.role.arn;
  const roleName = desired.role.kind === 'create' ? { Ref: 'ExecutionRole' } : parseRoleArn(desired.role.arn)?.name ?? desired.role.arn;
  if (desired.role.kind === 'create') {
    resources.ExecutionRole = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: desired.role.name,
        AssumeRolePolicyDocument: LAMBDA_TRUST_POLICY,
        ManagedPolicyArns: [BASIC_EXECUTION_POLICY_ARN],
        Tags: [{ Key: MANAGED_BY_TAG, Value: MANAGED_BY_VALUE }],
      },
    };
  }
  if (secret) {
    // JSON built from parameters: a value holding " or \ would break it (see Metadata).
    const body = sensitiveNames.map((name) => `"${name}":"\${${parameterName(name)}}"`).join(',');
    resources.FlowParameterSecret = {
      Type: 'AWS::SecretsManager::Secret',
      Properties: {
        Name: secret.name,
        Description: `Sensitive parameters of the DataFlow Functions flow ${desired.flowName}`,
        SecretString: { 'Fn::Sub': `{${body}}` },
        ...(desired.kmsKeyArn ? { KmsKeyId: desired.kmsKeyArn } : {}),
        Tags: [{ Key: MANAGED_BY_TAG, Value: MANAGED_BY_VALUE }, { Key: FLOW_TAG, Value: desired.flowName }],
      },
    };
  }
  const statements = accessStatements(desired, { Ref: 'FlowParameterSecret' });
  if (statements.length > 0) {
    resources.AccessPolicy = {
      Type: 'AWS::IAM::RolePolicy',
      Properties: { RoleName: roleName, PolicyName: inlinePolicyName(desired.functionName), PolicyDocument: { Version: '2012-10-17', Statement: statements } },
    };
  }
  const variables: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired.environment)) if (!CREDENTIAL_VARIABLES.has(key)) variables[key] = value;
  variables.DF_ACCESS_KEY = { Ref: 'DfAccessKey' };
  variables.DF_PRIVATE_KEY = { Ref: 'DfPrivateKey' };
  const functionProperties: Record<string, unknown> = {
    FunctionName: desired.functionName,
    Description: `DataFlow Functions: ${desired.flowName} (${desired.targetName})`.slice(0, 256),
    Runtime: desired.runtime,
    Handler: desired.handler,
    Role: roleRef,
    Code: { S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: { Ref: 'CodeS3Key' } },
    MemorySize: desired.memoryMb,
    Timeout: desired.timeoutSeconds,
    EphemeralStorage: { Size: desired.ephemeralStorageMb },
    Architectures: [desired.architecture],
    Environment: { Variables: variables },
    ...(desired.deadLetterArn ? { DeadLetterConfig: { TargetArn: desired.deadLetterArn } } : {}),
    Tags: [{ Key: MANAGED_BY_TAG, Value: MANAGED_BY_VALUE }],
  };
  resources.Function = {
    Type: 'AWS::Lambda::Function',
    ...(resources.AccessPolicy ? { DependsOn: ['AccessPolicy'] } : {}),
    Properties: functionProperties,
  };
  // CloudFormation publishes a Version only when the resource is new: naming it after the
  // function's settings makes a changed template publish a new version and move the alias.
  const versionId = `FunctionVersion${createHash('sha256').update(JSON.stringify(functionProperties)).digest('hex').slice(0, 10)}`;
  resources[versionId] = {
    Type: 'AWS::Lambda::Version',
    Properties: { FunctionName: { Ref: 'Function' }, Description: `${desired.flowName} (${desired.targetName}): ${desired.versionCrn}`.slice(0, 256) },
  };
  resources.FunctionAlias = {
    Type: 'AWS::Lambda::Alias',
    Properties: { FunctionName: { Ref: 'Function' }, FunctionVersion: { 'Fn::GetAtt': [versionId, 'Version'] }, Name: desired.alias },
  };
  const buckets = [...new Set(desired.triggers.map((trigger) => trigger.bucket))];
  buckets.forEach((bucket, index) => {
    resources[`S3InvokePermission${index + 1}`] = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: { Ref: 'FunctionAlias' },
        Action: 'lambda:InvokeFunction',
        Principal: 's3.amazonaws.com',
        SourceArn: `arn:aws:s3:::${bucket}`,
        SourceAccount: { Ref: 'AWS::AccountId' },
      },
    };
  });

  const cannot: string[] = [];
  if (buckets.length > 0) {
    cannot.push(`It does not add the S3 trigger notification on bucket${buckets.length === 1 ? '' : 's'} ${buckets.join(', ')}: a stack can only set notifications on a bucket it creates, ` +
      'and a bucket keeps ONE notification configuration that other teams share. After the stack is created, add the trigger to the alias (AliasArn output) with `dff deploy apply`, which merges it with the bucket\'s other notifications, or by hand.');
  }
  cannot.push('Sensitive parameter values with " or \\ break the secret\'s JSON built from parameters: store those in the secret by hand.');
  cannot.push('It does not check what `dff deploy plan` checks against the account (an existing secret of the same name, hand-added environment variables, which it would drop).');
  const template: Record<string, unknown> = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `DataFlow Function ${desired.functionName} running flow ${desired.flowName} (target ${desired.targetName}), exported by DataFlow Functions. ` +
      (buckets.length > 0 ? `NOT INCLUDED: the S3 notification on ${buckets.join(', ')} (a bucket this stack does not own); see Metadata.` : 'See Metadata for what it cannot do.'),
    Metadata: {
      DataFlowFunctions: {
        flow: desired.flowName,
        target: desired.targetName,
        flowVersionCrn: desired.versionCrn,
        cannotDo: cannot,
        triggersToAddAfterCreation: desired.triggers.map((trigger) => ({ bucket: trigger.bucket, events: trigger.events, prefix: trigger.prefix ?? null, suffix: trigger.suffix ?? null, destination: 'AliasArn output' })),
        variablesSetByDeploy: [...DFF_OWN_VARIABLES],
      },
    },
    Parameters: parameters,
    Resources: resources,
    Outputs: {
      FunctionArn: { Value: { 'Fn::GetAtt': ['Function', 'Arn'] } },
      AliasArn: { Value: { Ref: 'FunctionAlias' } },
      Version: { Value: { 'Fn::GetAtt': [versionId, 'Version'] } },
      ...(secret ? { SecretArn: { Value: { Ref: 'FlowParameterSecret' } } } : {}),
    },
  };
  return {
    template,
    text: `${JSON.stringify(template, null, 2)}\n`,
    parameters: Object.entries(parameters).map(([name, value]) => ({ name, description: String(value.Description), noEcho: value.NoEcho === true })),
  };
}
