import * as assert from 'node:assert/strict';
import { session } from './session';
import { Workbench } from './workbench';

// samples/README.md: PutSQS ("Send to queue") auto-terminates "failure"; the quick fix routes it to the failure port.
const brokenFlow = 'broken-failure-auto-terminated.json';
const problemText = 'auto-terminates its "failure" relationship';
const fixTitle = 'Route "failure" to a failure output port instead of auto-terminating it';

describe('A broken flow in the editor', () => {
  let workbench: Workbench;
  before(() => {
    workbench = new Workbench(session().page);
  });

  it('lists the flow\'s problem in the Problems panel', async () => {
    await workbench.quickOpen(brokenFlow);
    await workbench.showProblems();
    await workbench.problem(problemText).first().waitFor({ timeout: 30_000 });
    await session().screenshot('1-problems-panel');
  });

  it('shows the verdict as a CodeLens above the flow\'s root group', async () => {
    await workbench.goToTop();
    const verdict = workbench.codeLenses().filter({ hasText: /1 error.*show problems/ });
    await verdict.first().waitFor({ timeout: 30_000 });
    await session().screenshot('2-codelens');
  });

  it('fixes the problem with the quick fix, and the problem disappears', async () => {
    await workbench.goToFirstProblem();
    const fix = await workbench.showQuickFix(fixTitle);
    await session().screenshot('3-quick-fix-menu');
    await fix.click();
    await workbench.problem(problemText).first().waitFor({ state: 'detached', timeout: 30_000 });
    await workbench.goToTop();
    await workbench.codeLenses().filter({ hasText: 'Ready for DataFlow Functions' }).first().waitFor({ timeout: 30_000 });
    await session().screenshot('4-after-quick-fix');
    assert.equal(await workbench.problem(problemText).count(), 0);
  });
});
