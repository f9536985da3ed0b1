import * as assert from 'node:assert/strict';
import { DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { rejection, startSetup, type FakeSetup } from './setup';

const GROUP = '/aws/lambda/flow';

describe('AWS stand-in: CloudWatch Logs', () => {
  let setup: FakeSetup;
  beforeEach(async () => {
    setup = await startSetup();
  });
  afterEach(() => setup.close());

  const messages = (events: { message?: string }[] | undefined) => (events ?? []).map((e) => e.message);

  it('pages FilterLogEvents with limit and nextToken, in time order, across streams', async () => {
    const logs = setup.harness.fake.logs;
    logs.append(GROUP, '2026/01/01/[1]aaaa', ['m3', 'm4'], 3000);
    logs.append(GROUP, '2026/01/01/[2]bbbb', ['m1', 'm2'], 1000);
    logs.append(GROUP, '2026/01/01/[2]bbbb', ['m5'], 5000);
    const first = await setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 2 }));
    assert.deepEqual(messages(first.events), ['m1', 'm2']);
    assert.ok(first.nextToken);
    const second = await setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 2, nextToken: first.nextToken }));
    assert.deepEqual(messages(second.events), ['m3', 'm4']);
    const last = await setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 2, nextToken: second.nextToken }));
    assert.deepEqual(messages(last.events), ['m5']);
    assert.equal(last.nextToken, undefined);
    const exact = await setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 5 }));
    assert.equal(exact.events?.length, 5);
    assert.equal(exact.nextToken, undefined);
    assert.equal(exact.events?.[0].logStreamName, '2026/01/01/[2]bbbb');
  });

  it('filters by time window, stream names and stream prefix', async () => {
    const logs = setup.harness.fake.logs;
    logs.append(GROUP, '2026/01/01/[1]aaaa', ['old'], 1000);
    logs.append(GROUP, '2026/01/01/[2]bbbb', ['new'], 2000);
    const window = await setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, startTime: 1500, endTime: 2000 }));
    assert.deepEqual(messages(window.events), ['new']);
    const named = await setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNames: ['2026/01/01/[1]aaaa'] }));
    assert.deepEqual(messages(named.events), ['old']);
    const prefixed = await setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNamePrefix: '2026/01/01/[2]' }));
    assert.deepEqual(messages(prefixed.events), ['new']);
  });

  it('matches filter patterns as CloudWatch does for unstructured events', async () => {
    setup.harness.fake.logs.append(GROUP, 's', ['ERROR disk full', 'WARN disk slow', 'INFO all good', 'ERROR Access Denied by policy', 'error lower case'], 1000);
    const match = async (filterPattern: string) => messages((await setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern }))).events);
    assert.deepEqual(await match('ERROR'), ['ERROR disk full', 'ERROR Access Denied by policy']);
    assert.deepEqual(await match('ERROR disk'), ['ERROR disk full']);
    assert.deepEqual(await match('"Access Denied"'), ['ERROR Access Denied by policy']);
    assert.deepEqual(await match('?ERROR ?WARN'), ['ERROR disk full', 'WARN disk slow', 'ERROR Access Denied by policy']);
    assert.deepEqual(await match('ERROR -disk'), ['ERROR Access Denied by policy']);
    assert.equal((await match('')).length, 5);
  });

  it('takes a group by logGroupIdentifier (name or ARN) and refuses an unknown group or both forms', async () => {
    setup.harness.fake.logs.append(GROUP, 's', ['hello'], 1000);
    const arn = `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}`;
    assert.deepEqual(messages((await setup.logs.send(new FilterLogEventsCommand({ logGroupIdentifier: arn }))).events), ['hello']);
    assert.deepEqual(messages((await setup.logs.send(new FilterLogEventsCommand({ logGroupIdentifier: `${arn}:*` }))).events), ['hello']);
    const missing = await rejection(setup.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/none' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.message, 'The specified log group does not exist.');
    const both = await rejection(setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logGroupIdentifier: GROUP })));
    assert.equal(both.name, 'InvalidParameterException');
  });

  it('accepts a limit of 10000 and refuses 10001', async () => {
    setup.harness.fake.logs.append(GROUP, 's', ['x'], 1000);
    await setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 10000 }));
    const over = await rejection(setup.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 10001 })));
    assert.equal(over.name, 'InvalidParameterException');
  });

  it('describes log groups by prefix', async () => {
    setup.harness.fake.logs.append('/aws/lambda/a', 's', ['x'], 1000);
    setup.harness.fake.logs.append('/custom/b', 's', ['x'], 1000);
    const groups = await setup.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/' }));
    assert.deepEqual(groups.logGroups?.map((g) => [g.logGroupName, g.arn]), [['/aws/lambda/a', 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/a:*']]);
  });
});
