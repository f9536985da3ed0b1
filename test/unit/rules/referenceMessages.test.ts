// What the reference findings say, word for word, and which fixes they offer: an undefined
// parameter with none, one, two or three close names, in a property (plain or sensitive), a
// controller service or a run schedule; quoted names in NiFi 1.x; the three sensitivity mismatches;
// unused parameters.
import * as assert from 'assert';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import { editedFlow, findingsIn, token } from './ruleFixtures';

const PUT = '5f1c2a3b-0000-3000-8000-000000000010';
const PUT_PATH = ['flowContents', 'processors', 0];

/** The minimal valid flow (NiFi 1.x; context S3ToSqsParams: S3_BUCKET, S3_REGION, sensitive S3_SECRET_KEY), changed. */
function minimal(edit: (top: any, flow: any) => void): string {
  return editedFlow('valid-minimal.json', (flow) => edit(flow.flowContents, flow));
}

function withBucket(value: string, edit: (top: any, flow: any) => void = () => undefined): string {
  return minimal((top, flow) => {
    top.processors[0].properties.Bucket = value;
    edit(top, flow);
  });
}

function undefinedIn(text: string): ResolvedFinding[] {
  return findingsIn(text, ['parameter-undefined']);
}

const addPlain = (name: string) => ({ kind: 'addParameter', contextName: 'S3ToSqsParams', parameterName: name, sensitive: false });
const replace = (property: string, parameterName: string, occurrence: number, newName: string) => ({
  kind: 'replaceReference', componentId: PUT, componentPath: PUT_PATH, property, parameterName, occurrence, newName,
});

describe('reference finding messages', () => {
  describe('parameter-undefined', () => {
    it('names the property, processor, context and group, and offers to add the parameter when no name is close', () => {
      const text = withBucket('#{NOPE_XYZ}');
      const [finding] = undefinedIn(text);
      assert.strictEqual(finding.message, 'Property "Bucket" of processor "PutS3Object" references parameter "NOPE_XYZ", which parameter ' +
        'context "S3ToSqsParams" of group "S3ToSqs" does not define, nor do the contexts it inherits. Correct the reference, or add a ' +
        'parameter "NOPE_XYZ" to "S3ToSqsParams" and set its value.');
      assert.deepStrictEqual(finding.fixes, [addPlain('NOPE_XYZ')]);
      assert.strictEqual(token(text, finding.range), '#{NOPE_XYZ}');
    });

    it('lists one, two or three close names as "a", "a or b", "a, b or c", each offered as a replacement', () => {
      const suggestions = (extra: string[]) => {
        const text = withBucket('#{S3_BUCKE}', (_top, flow) => {
          for (const name of extra) flow.parameterContexts.S3ToSqsParams.parameters.push({ name, sensitive: false, value: 'x' });
        });
        const [finding] = undefinedIn(text);
        return [/Did you mean ([^?]*)\?/.exec(finding.message)?.[1], finding.fixes!.length];
      };
      assert.deepStrictEqual(suggestions([]), ['S3_BUCKET', 2]);
      assert.deepStrictEqual(suggestions(['S3_BUCKEX']), ['S3_BUCKET or S3_BUCKEX', 3]);
      assert.deepStrictEqual(suggestions(['S3_BUCKEX', 'S3_BUCKEY']), ['S3_BUCKET, S3_BUCKEX or S3_BUCKEY', 4]);
    });

    it('asks for a sensitive parameter in a sensitive property, suggesting only sensitive ones', () => {
      const text = minimal((top) => {
        top.processors[0].properties['Secret Key'] = '#{S3_SECRET_KEYS}';
        top.processors[0].properties.Bucket = '#{S3_SECRET_KEYS}';
      });
      const [plain, secret] = undefinedIn(text);
      assert.strictEqual(secret.message, 'Property "Secret Key" of processor "PutS3Object" references parameter "S3_SECRET_KEYS", which ' +
        'parameter context "S3ToSqsParams" of group "S3ToSqs" does not define, nor do the contexts it inherits. Did you mean ' +
        'S3_SECRET_KEY? Correct the reference, or add a sensitive parameter "S3_SECRET_KEYS" to "S3ToSqsParams" and supply its value ' +
        'when you deploy the function.');
      assert.deepStrictEqual(secret.fixes, [replace('Secret Key', 'S3_SECRET_KEYS', 0, 'S3_SECRET_KEY'),
        { ...addPlain('S3_SECRET_KEYS'), sensitive: true }]);
      assert.doesNotMatch(plain.message, /Did you mean/, 'the sensitive parameter would trade this finding for a mismatch');
    });

    it('counts the occurrence among references of the same name only', () => {
      const text = withBucket('#{S3_BUCKT}/#{OTHER_NAME}/#{S3_BUCKT}');
      const findings = undefinedIn(text);
      assert.deepStrictEqual(findings.map((finding) => [token(text, finding.range), finding.fixes![0]]), [
        ['#{S3_BUCKT}', replace('Bucket', 'S3_BUCKT', 0, 'S3_BUCKET')],
        ['#{OTHER_NAME}', addPlain('OTHER_NAME')],
        ['#{S3_BUCKT}', replace('Bucket', 'S3_BUCKT', 1, 'S3_BUCKET')],
      ]);
    });

    it('finds a reference one character into a property or a run schedule, and offers no replacement in a run schedule', () => {
      const text = withBucket('x#{NOPE_XYZ}', (top) => {
        top.processors[0].schedulingPeriod = '5#{S3_BUCKT}';
      });
      const findings = undefinedIn(text);
      assert.deepStrictEqual(findings.map((finding) => token(text, finding.range)), ['#{NOPE_XYZ}', '#{S3_BUCKT}']);
      const schedule = findings[1];
      assert.match(schedule.message, /^The run schedule \("schedulingPeriod"\) of processor "PutS3Object" references parameter "S3_BUCKT", .* Did you mean S3_BUCKET\?/);
      assert.deepStrictEqual(schedule.fixes, [addPlain('S3_BUCKT')]);
    });

    it('reads the same text in a property (with Expression Language) and in a run schedule (without) each its own way', () => {
      // In the property the reference is a string literal of an expression; in the run schedule it is a reference.
      const same = "${literal('#{NOPE_XYZ}')}";
      const text = withBucket(same, (top) => {
        top.processors[0].schedulingPeriod = same;
      });
      const findings = undefinedIn(text);
      assert.deepStrictEqual(findings.map((finding) => token(text, finding.range)), ['#{NOPE_XYZ}']);
      assert.match(findings[0].message, /^The run schedule \("schedulingPeriod"\) of processor "PutS3Object" references parameter "NOPE_XYZ"/);
    });

    it('names a controller service as such', () => {
      const text = minimal((top) => {
        top.controllerServices = [{
          identifier: 'cs-1', name: 'SSL', type: 'org.apache.nifi.ssl.StandardSSLContextService', componentType: 'CONTROLLER_SERVICE',
          properties: { 'Keystore Password': '#{MISSING_PW}' },
          propertyDescriptors: { 'Keystore Password': { name: 'Keystore Password', sensitive: true } },
        }];
      });
      const [finding] = undefinedIn(text);
      assert.match(finding.message, /^Property "Keystore Password" of controller service "SSL" references parameter "MISSING_PW",.* add a sensitive parameter/);
      assert.strictEqual(finding.componentId, 'cs-1');
    });

    it('explains NiFi 1.x\'s quotes for a quoted name, the unquoted parameter first and the others kept', () => {
      const text = withBucket("#{'S3_BUCKET'}", (_top, flow) => {
        flow.parameterContexts.S3ToSqsParams.parameters.push({ name: 's3_bucket', sensitive: false, value: 'x' });
      });
      const [finding] = undefinedIn(text);
      assert.strictEqual(finding.message, 'Property "Bucket" of processor "PutS3Object" references parameter "\'S3_BUCKET\'", which ' +
        'parameter context "S3ToSqsParams" of group "S3ToSqs" does not define, nor do the contexts it inherits. The NiFi that wrote ' +
        'this file (1.x) reads quotes as part of the name: only NiFi 2.0 and later read #{\'name\'} as name. Did you mean S3_BUCKET ' +
        'or s3_bucket? Correct the reference, or add a parameter "\'S3_BUCKET\'" to "S3ToSqsParams" and set its value.');
      assert.deepStrictEqual(finding.fixes, [replace('Bucket', "'S3_BUCKET'", 0, 'S3_BUCKET'), replace('Bucket', "'S3_BUCKET'", 0, 's3_bucket')],
        'NiFi refuses quotes in a parameter name: nothing to add');
    });

    it('says nothing of quotes for a name that only holds some', () => {
      for (const value of ["#{'ab' cd}", "#{ab 'cd'}"]) {
        const [finding] = undefinedIn(withBucket(value));
        assert.doesNotMatch(finding.message, /reads quotes as part of the name/, value);
      }
    });
  });

  describe('sensitivity mismatches', () => {
    it('a sensitive property referencing a plain parameter', () => {
      const text = minimal((top) => {
        top.processors[0].properties['Secret Key'] = '#{S3_BUCKET}';
      });
      const [finding] = findingsIn(text, ['sensitive-property-plain-parameter']);
      assert.strictEqual(finding.message, 'Property "Secret Key" of processor "PutS3Object" is sensitive, but parameter "S3_BUCKET" of context ' +
        '"S3ToSqsParams" is not: NiFi lets a sensitive property reference only sensitive parameters. Mark "S3_BUCKET" sensitive, or ' +
        'reference a sensitive parameter.');
      assert.deepStrictEqual(finding.related.map((item) => [token(text, item.range), item.message]),
        [['"S3_BUCKET"', 'Parameter "S3_BUCKET" of context "S3ToSqsParams"']]);
    });

    it('a plain property referencing a sensitive parameter', () => {
      const text = withBucket('#{S3_SECRET_KEY}');
      const [finding] = findingsIn(text, ['plain-property-sensitive-parameter']);
      assert.strictEqual(finding.message, 'Property "Bucket" of processor "PutS3Object" is not sensitive, but parameter "S3_SECRET_KEY" of ' +
        'context "S3ToSqsParams" is: NiFi lets only sensitive properties reference sensitive parameters. Reference a non-sensitive ' +
        'parameter here, or make "S3_SECRET_KEY" non-sensitive if its value is not a secret.');
    });

    it('a run schedule referencing a sensitive parameter', () => {
      const text = minimal((top) => {
        top.processors[0].schedulingPeriod = '#{S3_SECRET_KEY}';
      });
      const [finding] = findingsIn(text, ['plain-property-sensitive-parameter']);
      assert.strictEqual(finding.message, 'The run schedule ("schedulingPeriod") of processor "PutS3Object" references parameter ' +
        '"S3_SECRET_KEY" of context "S3ToSqsParams", which is sensitive: NiFi lets no processor setting outside its properties ' +
        'reference a sensitive parameter. Reference a non-sensitive parameter here, or make "S3_SECRET_KEY" non-sensitive if its ' +
        'value is not a secret.');
    });
  });

  describe('parameter-unused', () => {
    it('says nothing references it, or which context\'s parameter of that name wins', () => {
      const text = minimal((_top, flow) => {
        flow.parameterContexts.S3ToSqsParams.parameters.push({ name: 'UNUSED_X', sensitive: false, value: 'x' });
        flow.parameterContexts.S3ToSqsParams.inheritedParameterContexts = ['Defaults'];
        flow.parameterContexts.Defaults = { name: 'Defaults', parameters: [{ name: 'S3_BUCKET', sensitive: false, value: 'y' }] };
      });
      assert.deepStrictEqual(findingsIn(text, ['parameter-unused']).map((finding) => finding.message), [
        'Parameter "UNUSED_X" of context "S3ToSqsParams" is never used: nothing in this flow references it. Remove it from the ' +
          'context if nothing else needs it.',
        'Parameter "S3_BUCKET" of context "Defaults" is never used: references to "S3_BUCKET" resolve to the one in context ' +
          '"S3ToSqsParams", which takes precedence. Remove it from the context if nothing else needs it.',
      ]);
    });
  });
});
