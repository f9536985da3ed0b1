// Issue 8, point 14: names from the file are quoted, cut and escaped wherever messages show them.
import * as assert from 'node:assert/strict';
import { escapeControlCharacters, MAX_NAME_IN_MESSAGE, quoteName } from '../../../src/core/flow/quoteName';
import { validateText } from '../../../src/core/flow/validate';

describe('names in messages', () => {
  it(`shows a name of exactly ${MAX_NAME_IN_MESSAGE} characters whole, and cuts one more with "…"`, () => {
    const exact = 'n'.repeat(MAX_NAME_IN_MESSAGE);
    assert.equal(quoteName(exact), `"${exact}"`);
    assert.equal(quoteName(`${exact}x`), `"${exact}…"`);
  });

  it('never cuts a character outside the basic plane in half', () => {
    const name = `${'n'.repeat(MAX_NAME_IN_MESSAGE - 1)}𝄞tail`;
    assert.equal(quoteName(name), `"${'n'.repeat(MAX_NAME_IN_MESSAGE - 1)}…"`);
  });

  it('escapes control characters, and leaves other text alone', () => {
    assert.equal(quoteName('a\u0000b\nc\td\re\u001b[31m\u007f\u0085\u202e'), '"a\\u0000b\\nc\\td\\re\\u001b[31m\\u007f\\u0085\\u202e"');
    assert.equal(escapeControlCharacters('Put é € 𝄞 "quoted" \\'), 'Put é € 𝄞 "quoted" \\');
  });

  it('keeps a flow\'s messages short and free of control characters when a processor name is 5,000,000 characters with NUL bytes', () => {
    const name = `Bad\u0000${'x'.repeat(5_000_000)}`;
    const text = '{"flowEncodingVersion":"1.0","flowContents":{"identifier":"top","name":"Top","processors":[' +
      `{"identifier":"p","name":${JSON.stringify(name)},"type":"org.apache.nifi.processors.aws.s3.PutS3Object",` +
      '"autoTerminatedRelationships":["failure"]},' +
      `{"identifier":"q","name":"Fine","type":"org.apache.nifi.processors.aws.s3.PutS3Object","autoTerminatedRelationships":["failure"]}]}}`;
    const findings = validateText(text).findings.filter((finding) => finding.code === 'failure-auto-terminated');
    assert.equal(findings.length, 2);
    const [bad, fine] = findings;
    assert.ok(bad.message.length < 600, `${bad.message.length} characters`);
    assert.ok(bad.message.startsWith(`Processor "Bad\\u0000${'x'.repeat(MAX_NAME_IN_MESSAGE - 4)}…" auto-terminates its "failure" relationship`), bad.message.slice(0, 200));
    assert.doesNotMatch(bad.message, /\u0000/);
    assert.ok(fine.message.startsWith('Processor "Fine" auto-terminates'));
  });
});
