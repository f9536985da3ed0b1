import * as assert from 'node:assert/strict';
import { parseFlowCrn } from '../../../../src/core/aws/crn';

const ACCOUNT = '558bc1d2-8867-4357-8524-311d51259233';

describe('parseFlowCrn', () => {
  it('parses a flow version CRN into flow CRN, name, version, CDP region and account', () => {
    assert.deepEqual(parseFlowCrn(`crn:cdp:df:us-west-1:${ACCOUNT}:flow:orders-to-s3/v.12`), {
      flowCrn: `crn:cdp:df:us-west-1:${ACCOUNT}:flow:orders-to-s3`,
      name: 'orders-to-s3',
      version: 12,
      cdpRegion: 'us-west-1',
      accountId: ACCOUNT,
    });
  });

  it('parses a flow CRN without a version', () => {
    assert.deepEqual(parseFlowCrn(`crn:cdp:df:eu-1:${ACCOUNT}:flow:Orders`), {
      flowCrn: `crn:cdp:df:eu-1:${ACCOUNT}:flow:Orders`,
      name: 'Orders',
      cdpRegion: 'eu-1',
      accountId: ACCOUNT,
    });
  });

  it('keeps names with characters other than letters (digits, dots, spaces inside, colons, slashes)', () => {
    assert.equal(parseFlowCrn(`crn:cdp:df:us-west-1:${ACCOUNT}:flow:my flow_2.0/v.1`)?.name, 'my flow_2.0');
    assert.equal(parseFlowCrn(`crn:cdp:df:us-west-1:${ACCOUNT}:flow:a:b/v.3`)?.name, 'a:b');
    assert.deepEqual(
      [parseFlowCrn(`crn:cdp:df:us-west-1:${ACCOUNT}:flow:team/orders/v.2`)?.name, parseFlowCrn(`crn:cdp:df:us-west-1:${ACCOUNT}:flow:team/orders/v.2`)?.version],
      ['team/orders', 2],
    );
  });

  it('accepts v.1, the first version, and refuses v.0, v.01, v. and v.x', () => {
    assert.equal(parseFlowCrn(`crn:cdp:df:us-west-1:${ACCOUNT}:flow:f/v.1`)?.version, 1);
    for (const suffix of ['v.0', 'v.01', 'v.', 'v.x', 'v.-1', 'v.1.5']) {
      assert.equal(parseFlowCrn(`crn:cdp:df:us-west-1:${ACCOUNT}:flow:f/${suffix}`), undefined, suffix);
    }
  });

  it('refuses values that are not flow CRNs', () => {
    for (const value of [
      '',
      'orders',
      `crn:cdp:df:us-west-1:${ACCOUNT}:flow:`,
      `crn:cdp:df:us-west-1:${ACCOUNT}:flow:/v.1`,
      `crn:cdp:df:us-west-1:${ACCOUNT}:deployment:orders`,
      `crn:cdp:iam:us-west-1:${ACCOUNT}:flow:orders`,
      `crn:cdp:df:us-west-1::flow:orders`,
      `arn:aws:lambda:us-east-1:123456789012:function:orders`,
    ]) {
      assert.equal(parseFlowCrn(value), undefined, value);
    }
  });

  it('ignores surrounding whitespace, as an environment variable may carry it', () => {
    assert.equal(parseFlowCrn(`  crn:cdp:df:us-west-1:${ACCOUNT}:flow:f/v.4\n`)?.version, 4);
  });
});
