import * as vscode from 'vscode';
import { log } from '../shared/log';
import { describeFailure } from './errors';
import { nameChoices, type NameItem } from './nameChoices';
import type { CdpSession } from './session';

// The flow name of a push, picked from the catalog's flows so the user sees whether the push adds a
// version to a flow that exists or creates a new one. When the flows cannot be listed, a plain
// input box asks instead: the push itself then says what went wrong.

/** The flow name to push under, or undefined when the user cancels. */
export function askFlowName(session: CdpSession, suggested: string): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<NameItem>();
  picker.title = 'Push to the DataFlow Catalog';
  // Short enough to read whole in the quick pick's box.
  picker.placeholder = 'Flow name in the catalog: pick one or type a new name';
  picker.ignoreFocusOut = true;
  picker.busy = true;
  let existing: string[] | undefined;
  const showChoices = () => (picker.items = nameChoices(picker.value, suggested, existing));
  const controller = new AbortController();

  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: Promise<string | undefined> | string | undefined) => {
      if (settled) return;
      settled = true;
      controller.abort();
      picker.dispose();
      resolve(answer);
    };
    picker.onDidChangeValue(showChoices);
    picker.onDidAccept(() => {
      const name = (picker.selectedItems[0] ?? picker.activeItems[0])?.name ?? picker.value.trim();
      if (name) settle(name);
    });
    picker.onDidHide(() => settle(undefined));
    loadFlowNames(session, controller.signal).then(
      (names) => {
        if (settled) return;
        existing = names;
        picker.busy = false;
        showChoices();
      },
      (error: unknown) => {
        if (settled) return;
        const reason = describeFailure(error).message;
        log().warn(`Could not list the catalog's flows to pick a name from: ${reason}`);
        settle(askNameInput(suggested));
      },
    );
    showChoices();
    picker.show();
  });
}

async function loadFlowNames(session: CdpSession, signal: AbortSignal): Promise<string[]> {
  const client = await session.client();
  const flows = await client.listAllFlowDefinitions({}, { signal });
  return [...new Set(flows.map((flow) => flow.name).filter(Boolean))];
}

async function askNameInput(suggested: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: 'Push to the DataFlow Catalog',
    prompt: 'Flow name in the catalog: an existing name adds a new version to that flow',
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'The flow needs a name.'),
  });
  return name?.trim();
}
