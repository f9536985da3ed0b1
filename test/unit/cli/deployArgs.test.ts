import * as assert from 'node:assert/strict';
import { parseDeployArgs } from '../../../src/cli/deploy/args';

describe('dff deploy arguments', () => {
  it('needs the flow file and --target', () => {
    assert.throws(() => parseDeployArgs(['plan']), /give the flow file/);
    assert.throws(() => parseDeployArgs(['plan', 'a.json', 'b.json', '--target', 'dev']), /takes one flow file; got 2/);
    assert.throws(() => parseDeployArgs(['apply', 'flow.json']), /--target <name>, e\.g\. dff deploy apply flow\.json --target dev/);
  });

  it('takes each option only where it means something', () => {
    assert.throws(() => parseDeployArgs(['plan', 'flow.json', '-t', 'dev', '--yes']), /plan does not take --yes/);
    assert.throws(() => parseDeployArgs(['export', 'flow.json', '-t', 'dev', '--json', '--format', 'cloudformation']), /export does not take --json/);
    assert.throws(() => parseDeployArgs(['export', 'flow.json', '-t', 'dev']), /give the format: --format cloudformation/);
    assert.throws(() => parseDeployArgs(['export', 'flow.json', '-t', 'dev', '--format', 'terraform']), /unknown format "terraform"/);
    // Secrets never come from a flag.
    assert.throws(() => parseDeployArgs(['apply', 'flow.json', '-t', 'dev', '--param', 'S3_SECRET_KEY=x']), /unknown option "--param"/);
  });

  it('checks --flow-version: "latest", a number from 1, or a version CRN', () => {
    const base = ['plan', 'flow.json', '-t', 'dev', '--flow-version'];
    for (const good of ['latest', '1', '12', 'crn:cdp:df:us-west-1:acc:flow:S3ToSqs/v.3']) {
      assert.equal((parseDeployArgs([...base, good]) as { flowVersion?: string }).flowVersion, good);
    }
    for (const bad of ['0', 'v.3', 'crn:cdp:df:us-west-1:acc:flow:S3ToSqs', 'newest']) assert.throws(() => parseDeployArgs([...base, bad]), /is not "latest", a version number or a flow version CRN/);
  });

  it('reads apply with its defaults', () => {
    assert.deepEqual(parseDeployArgs(['apply', 'flow.json', '--target', 'prod', '--yes', '--region', 'eu-west-1']), {
      kind: 'apply',
      json: false,
      yes: true,
      flow: 'flow.json',
      target: 'prod',
      deployFile: undefined,
      profile: undefined,
      region: 'eu-west-1',
      cdpProfile: undefined,
      flowVersion: undefined,
      secretValues: undefined,
      adoptSecret: false,
    });
  });
});
