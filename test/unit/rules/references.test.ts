import * as assert from 'assert';
import { parseFlow } from '../../../src/core/flow/parse';
import { checkReferences } from '../../../src/core/flow/rules/references';
import { asNiFi, check, editedFlow, findingsIn, readFlow, token } from './ruleFixtures';

const CODES = [
  'parameter-undefined', 'reference-without-context', 'sensitive-property-plain-parameter',
  'plain-property-sensitive-parameter', 'parameter-unused',
];

describe('parameter reference rules', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json', CODES).findings, []);
  });

  it('reports undefined parameters at the reference, resolving quoted names in a NiFi 2.x file and skipping escapes', () => {
    const text = asNiFi(2, readFlow('parameter-undefined.json'));
    const findings = findingsIn(text, CODES);
    // #{'sftp host'} and #{SFTP_USER} resolve; ##{region} and ####{literal} are escaped text.
    assert.deepStrictEqual(findings.map((finding) => [finding.code, token(text, finding.range)]), [
      ['parameter-undefined', '#{SFTP_PASSWORD}'],
      ['parameter-undefined', '#{REPORT_DIR}'],
    ]);
    const [password, reportDir] = findings;
    assert.strictEqual(password.severity, 'error');
    assert.strictEqual(password.componentName, 'Upload report');
    assert.deepStrictEqual(password.fixes, [{ kind: 'addParameter', contextName: 'ReportParams', parameterName: 'SFTP_PASSWORD', sensitive: true }]);
    assert.deepStrictEqual(reportDir.fixes, [{ kind: 'addParameter', contextName: 'ReportParams', parameterName: 'REPORT_DIR', sensitive: false }]);
    // ###{REPORT_DIR}: two of the three '#' are an escaped '#', the reference starts at the third.
    assert.strictEqual(text.slice(reportDir.range.startOffset - 3, reportDir.range.startOffset), '/##');
    assert.match(password.message, /add a sensitive parameter "SFTP_PASSWORD" to "ReportParams" and supply its value when you deploy/);
    assert.match(reportDir.message, /add a parameter "REPORT_DIR" to "ReportParams" and set its value\.$/);
    assert.ok(!/Did you mean/.test(password.message), 'no parameter is close to SFTP_PASSWORD');
  });

  it('reads a quoted name in a NiFi 1.x file as NiFi 1.x does, quotes included, and offers the unquoted parameter', () => {
    const { text, findings } = check('parameter-undefined.json', CODES);
    assert.deepStrictEqual(findings.map((finding) => [finding.code, token(text, finding.range)]), [
      ['parameter-undefined', "#{'sftp host'}"],
      ['parameter-undefined', '#{SFTP_PASSWORD}'],
      ['parameter-undefined', '#{REPORT_DIR}'],
      ['parameter-unused', '"sftp host"'],
    ]);
    const [quoted] = findings;
    assert.match(quoted.message, /reads quotes as part of the name: only NiFi 2\.0 and later read #\{'name'\} as name\. Did you mean sftp host\?/);
    assert.match(quoted.message, /references parameter "'sftp host'"/);
    assert.deepStrictEqual(quoted.fixes!.map((fix) => fix.kind === 'replaceReference' ? fix.newName : fix.kind), ['sftp host'],
      'no parameter named with quotes is added: NiFi refuses the name');
  });

  it('reads references as NiFi 2.x does: names with spaces, quoted names and escapes, on a flow shaped like a real Kafka flow', () => {
    const text = asNiFi(2, readFlow('parameter-names-with-spaces.json'));
    const findings = findingsIn(text, CODES);
    assert.deepStrictEqual(findings.map((finding) => [finding.code, token(text, finding.range)]), [
      // One resolved (#{Kafka Broker Endpoint}) and one undefined (#{Kafka User}) spaced reference in the same processor.
      ['parameter-undefined', '#{Kafka User}'],
      ['plain-property-sensitive-parameter', '#{Kafka Password}'],
      ['parameter-unused', '"Consumer Group"'],
    ]);
    const [user, mismatch, unused] = findings;
    assert.deepStrictEqual(user.fixes, [{ kind: 'addParameter', contextName: 'kafka_params', parameterName: 'Kafka User', sensitive: false }]);
    assert.match(user.message, /^Property "sasl\.username" of processor "Publish orders" references parameter "Kafka User"/);
    assert.match(mismatch.message, /^Property "transactional-id-prefix" of processor "Publish orders" is not sensitive, but parameter "Kafka Password"/);
    assert.strictEqual(token(text, mismatch.related[0].range), '"Kafka Password"');
    assert.match(unused.message, /Parameter "Consumer Group" of context "kafka_params" is never used: nothing in this flow references it/);
  });

  it('reports each parameter whose name DFF refuses once, on the parameter, however often it is referenced', () => {
    const { text, findings } = check('parameter-names-with-spaces.json', ['parameter-name-invalid']);
    assert.deepStrictEqual(findings.map((finding) => token(text, finding.range)),
      ['"Kafka Broker Endpoint"', '"Kafka Topic"', '"Kafka Password"', '"Keystore Password"', '"Consumer Group"']);
  });

  it('offers no parameter to add when NiFi would refuse its name, and adds an expression\'s quoted name without its quotes', () => {
    const text = asNiFi(2, editedFlow('parameter-names-with-spaces.json', (flow) => {
      const { properties } = flow.flowContents.processors[0];
      properties['sasl.username'] = '#{}';
      properties['message-header-encoding'] = '${#{"db.host"}}';
      properties['security.protocol'] = '#{Kafka.User-2}';
    }));
    const undefinedOnes = findingsIn(text, ['parameter-undefined']);
    assert.deepStrictEqual(undefinedOnes.map((finding) => [token(text, finding.range), finding.fixes?.map((fix) => fix.kind)]), [
      ['#{}', undefined],
      ['#{\\"db.host\\"}', ['addParameter']],
      ['#{Kafka.User-2}', ['addParameter']],
    ].sort((a, b) => text.indexOf(a[0] as string) - text.indexOf(b[0] as string)));
    const dbHost = undefinedOnes.find((finding) => finding.message.includes('db.host'))!;
    assert.deepStrictEqual(dbHost.fixes, [{ kind: 'addParameter', contextName: 'kafka_params', parameterName: 'db.host', sensitive: false }]);
  });

  it('checks references in a processor\'s run schedule, which NiFi evaluates too, and counts them as uses', () => {
    const { text, findings } = check('parameter-in-run-schedule.json', CODES);
    // #{POLL_INTERVAL} resolves in the top group's schedule and not in the child group without context.
    assert.deepStrictEqual(findings.map((finding) => [finding.code, token(text, finding.range), finding.componentName]), [
      ['parameter-undefined', '#{RETRY_WAIT}', 'Call orders API'],
      ['plain-property-sensitive-parameter', '#{API_TOKEN}', 'Nightly audit'],
      ['reference-without-context', '#{POLL_INTERVAL}', 'Side tasks'],
    ]);
    const [undefinedOne, sensitive, withoutContext] = findings;
    assert.match(withoutContext.message, /a reference to parameter "POLL_INTERVAL", first in the run schedule \("schedulingPeriod"\) of processor "Heartbeat"/);
    assert.deepStrictEqual(undefinedOne.fixes, [{ kind: 'addParameter', contextName: 'orders_api', parameterName: 'RETRY_WAIT', sensitive: false }]);
    assert.match(sensitive.message, /NiFi lets no processor setting outside its properties reference a sensitive parameter/);
    assert.strictEqual(token(text, sensitive.related[0].range), '"API_TOKEN"');
  });

  it('hints at a parameter once no run schedule uses it either', () => {
    const text = editedFlow('parameter-in-run-schedule.json', (flow) => {
      flow.flowContents.processors[0].schedulingPeriod = '10 sec';
      // The context-less child group's reference would otherwise keep it: that group lacks the context, not the parameter its use.
      for (const processor of flow.flowContents.processGroups[0].processors) processor.schedulingPeriod = '10 sec';
    });
    const unused = findingsIn(text, ['parameter-unused']);
    assert.deepStrictEqual(unused.map((finding) => token(text, finding.range)), ['"POLL_INTERVAL"']);
  });

  it('suggests a close parameter of the same sensitivity for a misspelt reference, before adding one', () => {
    const text = editedFlow('parameter-undefined.json', (flow) => {
      flow.flowContents.processors[0].properties['Remote Path'] = '#{sftp_user}/#{SFTP_USR}';
    });
    const [caseOnly, missingLetter] = findingsIn(text, ['parameter-undefined']).filter((finding) => /USER|USR|user/.test(finding.message));
    assert.match(caseOnly.message, /references parameter "sftp_user".* Did you mean SFTP_USER\? Correct the reference/);
    assert.deepStrictEqual(caseOnly.fixes, [
      {
        kind: 'replaceReference', componentId: caseOnly.componentId, componentPath: ['flowContents', 'processors', 0], property: 'Remote Path',
        parameterName: 'sftp_user', occurrence: 0, newName: 'SFTP_USER',
      },
      { kind: 'addParameter', contextName: 'ReportParams', parameterName: 'sftp_user', sensitive: false },
    ]);
    assert.strictEqual(missingLetter.fixes![0].kind, 'replaceReference');
    // The sensitive Password property is not offered the plain SFTP_USER for a misspelt #{SFTP_USR}.
    const sensitive = editedFlow('parameter-undefined.json', (flow) => {
      const { properties } = flow.flowContents.processors[0];
      properties.Password = '#{SFTP_USR}';
    });
    const password = findingsIn(sensitive, ['parameter-undefined']).find((finding) => finding.message.includes('"SFTP_USR"'))!;
    assert.deepStrictEqual(password.fixes!.map((fix) => fix.kind), ['addParameter']);
  });

  it('locates a reference after escaped characters in the JSON string', () => {
    const text = editedFlow('parameter-undefined.json', (flow) => {
      flow.flowContents.processors[0].properties['Remote Path'] = '"quoted"\\path\t#{REPORT_DIR}';
    });
    const found = findingsIn(text, CODES).find((finding) => finding.message.includes('"REPORT_DIR"'));
    assert.ok(found);
    assert.strictEqual(token(text, found.range), '#{REPORT_DIR}');
  });

  it('reports a reference in a child group without context, even when the parent defines the parameter', () => {
    const { text, findings } = check('reference-without-context.json', CODES);
    assert.strictEqual(findings.length, 1, 'the escaped ##{not a reference} in the Trace group is not reported');
    const [finding] = findings;
    assert.strictEqual(finding.code, 'reference-without-context');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '#{WEBHOOK_URL}');
    assert.strictEqual(finding.componentName, 'Notify', 'the group whose missing context is the cause');
    assert.match(finding.message, /"Notify" has no parameter context, yet it holds a reference to parameter "WEBHOOK_URL", first in property "Remote URL" of processor "Call webhook"/);
  });

  it('resolves inherited parameters by precedence and reports a sensitive property using a plain one', () => {
    const { text, findings } = check('sensitive-property-plain-parameter.json', CODES.filter((code) => code !== 'parameter-unused'));
    // DB_PASSWORD resolves to the sensitive one of PaymentsSecrets (listed before PaymentsDefaults);
    // API_TOKEN resolves to the plain one of Payments itself, which overrides PaymentsSecrets.
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'sensitive-property-plain-parameter');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '#{API_TOKEN}');
    assert.strictEqual(finding.componentName, 'Call payments API');
    assert.match(finding.message, /parameter "API_TOKEN" of context "Payments" is not/);
    assert.strictEqual(finding.related.length, 1);
    assert.strictEqual(token(text, finding.related[0].range), '"API_TOKEN"');
    assert.ok(finding.related[0].range.startOffset < text.indexOf('"PaymentsSecrets": {'), 'relates the parameter of Payments');
  });

  it('lets the first inherited context win over later ones', () => {
    const text = editedFlow('sensitive-property-plain-parameter.json', (flow) => {
      flow.parameterContexts.Payments.inheritedParameterContexts = ['PaymentsDefaults', 'PaymentsSecrets'];
    });
    const findings = findingsIn(text, ['sensitive-property-plain-parameter']);
    assert.deepStrictEqual(findings.map((finding) => token(text, finding.range)), ['#{API_TOKEN}', '#{DB_PASSWORD}']);
    assert.strictEqual(findings[1].componentName, 'Payments database');
  });

  it('resolves through an inheritance cycle without hanging', () => {
    const text = editedFlow('sensitive-property-plain-parameter.json', (flow) => {
      flow.parameterContexts.PaymentsSecrets.inheritedParameterContexts = ['Payments'];
      flow.parameterContexts.PaymentsDefaults.inheritedParameterContexts = ['PaymentsSecrets'];
      flow.flowContents.processGroups = [{
        identifier: 'ae000000-0000-4000-8000-000000000002', name: 'Secrets only', parameterContextName: 'PaymentsDefaults',
        processors: [{ identifier: 'ae000000-0000-4000-8000-000000000012', name: 'Use URL', type: 'x.UpdateAttribute', properties: { url: '#{DB_URL}' } }],
      }];
    });
    // DB_URL reaches PaymentsDefaults through PaymentsSecrets -> Payments.
    assert.deepStrictEqual(findingsIn(text, ['parameter-undefined']), []);
  });

  it('reports a plain property referencing a sensitive parameter', () => {
    const { text, findings } = check('plain-property-sensitive-parameter.json', CODES);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'plain-property-sensitive-parameter');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '#{RATES_API_KEY}');
    assert.match(finding.message, /Property "Remote URL" of processor "Fetch exchange rates" is not sensitive/);
  });

  it('hints at unused parameters of used contexts, including ones overridden by precedence', () => {
    const { text, findings } = check('parameter-unused.json', CODES);
    assert.deepStrictEqual(findings.map((finding) => [finding.code, finding.severity, token(text, finding.range)]), [
      ['parameter-unused', 'hint', '"MAX_ERRORS"'],
      ['parameter-unused', 'hint', '"OUTPUT_PREFIX"'],
    ]);
    assert.ok(findings[1].range.startOffset > text.indexOf('"CsvDefaults": {'), 'the overridden OUTPUT_PREFIX of CsvDefaults');
    assert.match(findings[1].message, /resolve to the one in context "CsvParams"/);
    assert.ok(!findings.some((finding) => finding.message.includes('SCRATCH_DIR')), 'a context the flow does not use is left alone');
  });

  it('checks a flow of 10,000 processors in linear time', function () {
    this.timeout(20000);
    const processors = [];
    for (let i = 0; i < 10000; i++) {
      processors.push({
        identifier: `p-${i}`, name: `Processor ${i}`, type: 'org.apache.nifi.processors.attributes.UpdateAttribute',
        properties: { a: `#{P${i % 100}}/##{x}/${'${attr}'}`, b: 'no references here', c: `#{MISSING_${i % 7}}` },
        propertyDescriptors: {},
      });
    }
    const parameters = [];
    for (let i = 0; i < 100; i++) parameters.push({ name: `P${i}`, sensitive: false, value: `v${i}` });
    const text = JSON.stringify({
      flowContents: { identifier: 'top', name: 'Big', componentType: 'PROCESS_GROUP', processors, parameterContextName: 'Big' },
      parameterContexts: { Big: { name: 'Big', parameters, inheritedParameterContexts: [] } },
      flowEncodingVersion: '1.0',
    });
    const parsed = parseFlow(text);
    assert.ok(parsed.kind === 'flow');
    const started = process.hrtime.bigint();
    const findings = checkReferences(parsed.model, {});
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.strictEqual(findings.filter((finding) => finding.code === 'parameter-undefined').length, 10000);
    assert.ok(elapsedMs < 2000, `took ${elapsedMs} ms`);
  });

  describe('one finding per group without a context, however many references it holds', () => {
    /** reference-without-context.json with `count` more references in the group "Notify", which has no context. */
    function withReferences(count: number, name = (index: number) => `P${index % 2}`): string {
      return editedFlow('reference-without-context.json', (flow) => {
        const notify = flow.flowContents.processGroups.find((group: { name: string }) => group.name === 'Notify');
        const [processor] = notify.processors;
        for (let index = 0; index < count; index++) {
          notify.processors.push({ ...processor, identifier: `copy-${index}`, name: `Copy ${index}`, properties: { 'Remote URL': `#{${name(index)}}` } });
        }
      });
    }

    it('relates every other place, up to 10, and names the parameters', () => {
      const text = withReferences(3);
      const findings = findingsIn(text, ['reference-without-context']);
      assert.strictEqual(findings.length, 1);
      const [finding] = findings;
      assert.strictEqual(token(text, finding.range), '#{WEBHOOK_URL}');
      assert.match(finding.message, /holds 4 references to 3 parameters \("WEBHOOK_URL", "P0", "P1"\), first in property "Remote URL" of processor "Call webhook"/);
      assert.deepStrictEqual(finding.related.map((item) => [token(text, item.range), item.message]), [
        ['#{P0}', 'Parameter "P0" is also referenced in property "Remote URL" of processor "Copy 0"'],
        ['#{P1}', 'Parameter "P1" is also referenced in property "Remote URL" of processor "Copy 1"'],
        ['#{P0}', 'Parameter "P0" is also referenced in property "Remote URL" of processor "Copy 2"'],
      ]);
    });

    it('relates exactly 10 places of 11 and of 12, and shortens a long list of names', () => {
      for (const [added, related] of [[9, 9], [10, 10], [11, 10]]) {
        const [finding] = findingsIn(withReferences(added, (index) => `N${index}`), ['reference-without-context']);
        assert.strictEqual(finding.related.length, related, `${added + 1} references`);
      }
      const [many] = findingsIn(withReferences(3, (index) => `N${index}`), ['reference-without-context']);
      assert.match(many.message, /4 references to 4 parameters \("WEBHOOK_URL", "N0", "N1", …\)/);
      const [three] = findingsIn(withReferences(2, (index) => `N${index}`), ['reference-without-context']);
      assert.match(three.message, /3 references to 3 parameters \("WEBHOOK_URL", "N0", "N1"\),/);
    });

    it('leaves the top group\'s references to context-missing, which already names the cause', () => {
      const text = editedFlow('reference-without-context.json', (flow) => { delete flow.flowContents.parameterContextName; });
      const findings = findingsIn(text, ['reference-without-context', 'context-missing']);
      assert.deepStrictEqual(findings.map((finding) => [finding.code, finding.componentName]).sort(),
        [['context-missing', 'OrderNotifier'], ['reference-without-context', 'Notify']].sort());
    });
  });
});
