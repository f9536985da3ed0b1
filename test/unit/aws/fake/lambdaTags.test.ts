import * as assert from 'node:assert/strict';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  ListTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { DFF_HANDLER, rejection, startSetup, type FakeSetup } from './setup';

describe('AWS stand-in: Lambda tags', () => {
  let setup: FakeSetup;
  beforeEach(async () => {
    setup = await startSetup();
  });
  afterEach(() => setup.close());

  const fake = () => setup.harness.fake;
  const arn = (name: string, qualifier?: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${name}${qualifier ? `:${qualifier}` : ''}`;
  function createInput(name: string, extra: Partial<CreateFunctionCommandInput> = {}): CreateFunctionCommandInput {
    return { FunctionName: name, Runtime: 'java11', Role: setup.roleArn, Handler: DFF_HANDLER, Code: { ZipFile: Buffer.from('zip bytes') }, ...extra };
  }
  const manyTags = (count: number, prefix = 'k'): Record<string, string> => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, 'v']));

  it('keeps CreateFunction\'s Tags and returns them from GetFunction and ListTags', async () => {
    await setup.lambda.send(new CreateFunctionCommand(createInput('tagged', { Tags: { team: 'data', 'dff:code-source': 's3://b/k.zip etag=abc' } })));
    const got = await setup.lambda.send(new GetFunctionCommand({ FunctionName: 'tagged' }));
    assert.deepEqual(got.Tags, { team: 'data', 'dff:code-source': 's3://b/k.zip etag=abc' });
    const listed = await setup.lambda.send(new ListTagsCommand({ Resource: arn('tagged') }));
    assert.deepEqual(listed.Tags, { team: 'data', 'dff:code-source': 's3://b/k.zip etag=abc' });
  });

  it('TagResource merges by key: new keys added, given keys replaced, others kept; UntagResource removes only the keys named', async () => {
    fake().lambda.seedFunction({ name: 'fn', tags: { owner: 'alice', stage: 'dev' } });
    await setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: { stage: 'prod', cost: '42' } }));
    assert.deepEqual(fake().lambda.function('fn')?.tags, { owner: 'alice', stage: 'prod', cost: '42' });
    await setup.lambda.send(new UntagResourceCommand({ Resource: arn('fn'), TagKeys: ['stage', 'not-there'] }));
    assert.deepEqual((await setup.lambda.send(new ListTagsCommand({ Resource: arn('fn') }))).Tags, { owner: 'alice', cost: '42' });
    assert.deepEqual(fake().calls.filter((call) => call.service === 'lambda').map((call) => [call.operation, call.write]), [
      ['TagResource', true], ['UntagResource', true], ['ListTags', false],
    ]);
  });

  it('refuses tags on a version or an alias ARN, as Lambda does, and tags nothing', async () => {
    fake().lambda.seedFunction({ name: 'fn', versions: 1, aliases: { live: '1' } });
    for (const qualifier of ['1', 'live', '$LATEST']) {
      const error = await rejection(setup.lambda.send(new TagResourceCommand({ Resource: arn('fn', qualifier), Tags: { a: 'b' } })));
      assert.equal(error.name, 'InvalidParameterValueException', qualifier);
      assert.equal(error.message, 'Tags on function aliases and versions are not supported. Please specify a function ARN.');
    }
    const listed = await rejection(setup.lambda.send(new ListTagsCommand({ Resource: arn('fn', 'live') })));
    assert.equal(listed.name, 'InvalidParameterValueException');
    assert.deepEqual(fake().lambda.function('fn')?.tags, {});
  });

  it('refuses a function name instead of an ARN, and answers ResourceNotFound for a function that does not exist', async () => {
    const named = await rejection(setup.lambda.send(new ListTagsCommand({ Resource: 'fn' })));
    assert.equal(named.name, 'ValidationException');
    assert.match(named.message, /Value 'fn' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    const missing = await rejection(setup.lambda.send(new TagResourceCommand({ Resource: arn('nope'), Tags: { a: 'b' } })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.message, `Function not found: ${arn('nope')}`);
    assert.equal(missing.$metadata?.httpStatusCode, 404);
  });

  it('takes a key of exactly 128 characters and a value of exactly 256, and refuses one more of either', async () => {
    fake().lambda.seedFunction({ name: 'fn' });
    await setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: { ['k'.repeat(128)]: 'v'.repeat(256) } }));
    // Counted in characters, not bytes: 128 two-byte letters are one key.
    await setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: { ['é'.repeat(128)]: 'ü'.repeat(256) } }));
    const longKey = await rejection(setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: { ok: 'fine', ['k'.repeat(129)]: 'v' } })));
    assert.equal(longKey.name, 'InvalidParameterValueException');
    const longValue = await rejection(setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: { ok: 'fine', other: 'v'.repeat(257) } })));
    assert.equal(longValue.name, 'InvalidParameterValueException');
    // A refused request tags nothing, not even its good tag.
    assert.deepEqual(Object.keys(fake().lambda.function('fn')?.tags ?? {}).sort(), ['k'.repeat(128), 'é'.repeat(128)].sort());
  });

  it('refuses the aws: prefix, an empty key and characters outside the tag set; takes every allowed one', async () => {
    fake().lambda.seedFunction({ name: 'fn' });
    await setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: { 'dff:code-source': 's3://my.bucket/a b/c_d-e+f=g@h.zip etag=0a1b-2' } }));
    const refused: Record<string, string>[] = [{ 'aws:owner': 'x' }, { 'AWS:owner': 'x' }, { '': 'x' }, { 'a#b': 'x' }, { key: 'value#etag' }, { key: 'a,b' }];
    for (const tags of refused) {
      const error = await rejection(setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: tags })));
      assert.equal(error.name, 'InvalidParameterValueException', JSON.stringify(tags));
    }
    assert.deepEqual(Object.keys(fake().lambda.function('fn')?.tags ?? {}), ['dff:code-source']);
  });

  it('allows 50 tags on a function and refuses the 51st, counting the tags it has', async () => {
    fake().lambda.seedFunction({ name: 'fn', tags: manyTags(49) });
    await setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: { k0: 'replaced', last: 'v' } }));
    assert.equal(Object.keys(fake().lambda.function('fn')?.tags ?? {}).length, 50);
    const error = await rejection(setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: { extra: 'v' } })));
    assert.equal(error.name, 'InvalidParameterValueException');
    assert.equal(error.message, 'Number of tags exceeds resource tag limit.');
    const created = await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('too-many', { Tags: manyTags(51) }))));
    assert.equal(created.name, 'InvalidParameterValueException');
    assert.equal(fake().lambda.function('too-many'), undefined);
    await setup.lambda.send(new CreateFunctionCommand(createInput('just-enough', { Tags: manyTags(50) })));
  });

  it('names the function ARN when TagResource is denied', async () => {
    fake().lambda.seedFunction({ name: 'fn' });
    fake().inject({ service: 'lambda', operation: 'TagResource', kind: 'accessDenied', times: 1 });
    const error = await rejection(setup.lambda.send(new TagResourceCommand({ Resource: arn('fn'), Tags: { a: 'b' } })));
    assert.equal(error.name, 'AccessDeniedException');
    assert.match(error.message, new RegExp(`perform: lambda:TagResource on resource: ${arn('fn')} `));
  });
});
