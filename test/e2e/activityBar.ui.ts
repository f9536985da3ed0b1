import { session } from './session';
import { Workbench } from './workbench';

describe('The DataFlow Functions activity bar container', () => {
  it('opens the Catalog view, which explains how to add CDP credentials when there are none', async () => {
    const workbench = new Workbench(session().page);
    const sideBar = await workbench.openViewContainer('DataFlow Functions');
    const catalog = workbench.view(sideBar, 'Catalog');
    await catalog.getByText('No CDP credentials found').waitFor({ timeout: 30_000 });
    await catalog.getByRole('button', { name: 'Add CDP Access Key' }).waitFor({ timeout: 30_000 });
    await session().screenshot('0-dataflow-view');
  });
});
