// Drives the quick picks and input boxes the extension shows, in the real VS Code: it records each
// one the extension creates (it shares this test's `vscode` API object, as MessageCapture does),
// waits until a pick's items are loaded, and answers through VS Code's own quick input commands
// (accept, Back), so what the user would see and choose is what the test sees and chooses.
import * as vscode from 'vscode';

export type AnyQuickPick = vscode.QuickPick<vscode.QuickPickItem>;
type AnyInput = AnyQuickPick | vscode.InputBox;

const ACCEPT = 'workbench.action.acceptSelectedQuickOpenItem';
const BACK = 'workbench.action.quickInputBack';

export class QuickInputDriver {
  private readonly created: AnyInput[] = [];
  private taken = 0;
  private originals: { createQuickPick: () => AnyQuickPick; createInputBox: () => vscode.InputBox } | undefined;

  install(): void {
    const window = vscode.window as unknown as { createQuickPick: () => AnyQuickPick; createInputBox: () => vscode.InputBox };
    const originals = { createQuickPick: window.createQuickPick, createInputBox: window.createInputBox };
    this.originals = originals;
    window.createQuickPick = () => this.record(originals.createQuickPick.call(vscode.window));
    window.createInputBox = () => this.record(originals.createInputBox.call(vscode.window));
    if (window.createQuickPick === originals.createQuickPick) throw new Error('vscode.window.createQuickPick cannot be replaced, so the quick inputs cannot be driven');
  }

  uninstall(): void {
    if (!this.originals) return;
    Object.assign(vscode.window as unknown as Record<string, unknown>, this.originals);
    this.originals = undefined;
  }

  /** The next quick pick the extension shows, once its items are there. */
  async pick(): Promise<AnyQuickPick> {
    const next = await this.next();
    if (!('items' in next)) throw new Error(`Expected a quick pick, the extension showed an input box: ${next.prompt}`);
    await waitUntil(() => (next.busy ? undefined : true), `the items of the pick "${next.placeholder}"`);
    return next;
  }

  /** The next input box the extension shows. */
  async inputBox(): Promise<vscode.InputBox> {
    const next = await this.next();
    if ('items' in next) throw new Error(`Expected an input box, the extension showed a quick pick: ${next.placeholder}`);
    return next;
  }

  /** Accepts the item with this label. */
  async choose(pick: AnyQuickPick, label: string): Promise<void> {
    const item = pick.items.find((candidate) => candidate.label === label);
    if (!item) throw new Error(`No item "${label}" in the pick "${pick.placeholder}": ${labels(pick).join(', ')}`);
    await this.accept(pick, item);
  }

  /** Types into the pick, waits for the item the typed value makes (labelled `label`), and accepts it. */
  async type(pick: AnyQuickPick, value: string, label = value): Promise<void> {
    pick.value = value;
    const item = await waitUntil(() => pick.items.find((candidate) => candidate.label === label), `an item "${label}" for the typed "${value}"`);
    await this.accept(pick, item);
  }

  /** Accepts an input box, with `value` typed first when given. */
  async enter(box: vscode.InputBox, value?: string): Promise<void> {
    if (value !== undefined) box.value = value;
    await settle();
    await vscode.commands.executeCommand(ACCEPT);
  }

  /** Presses the Back button of the quick input shown. */
  async back(): Promise<void> {
    await settle();
    await vscode.commands.executeCommand(BACK);
  }

  private async accept(pick: AnyQuickPick, item: vscode.QuickPickItem): Promise<void> {
    pick.activeItems = [item];
    // The extension host sends the change to the workbench on its next turn; accept after it arrived.
    await settle();
    await vscode.commands.executeCommand(ACCEPT);
  }

  private record<T extends AnyInput>(input: T): T {
    this.created.push(input);
    return input;
  }

  private async next(): Promise<AnyInput> {
    const input = await waitUntil(() => this.created[this.taken], 'the next quick input');
    this.taken++;
    return input;
  }
}

export function labels(pick: AnyQuickPick): string[] {
  return pick.items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator).map((item) => item.label);
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 150));
}

async function waitUntil<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
