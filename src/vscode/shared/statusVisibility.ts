import * as vscode from 'vscode';
import { detectFlow } from '../../core/flow/detect';

// When the CDP and AWS status bar items show: while a flow definition is open in an editor tab, or
// a DataFlow view is visible. The extension activates on any JSON file (a package.json is enough),
// and items about credentials there are noise. Whether a file is a flow is read from its content
// (FlowDetector: member names only, no parsing, no engine).

const FLOW_LANGUAGES = new Set(['json', 'jsonc']);
/** Typing in a big file should not rescan it on every key. */
const RECHECK_DELAY_MS = 300;

export class StatusVisibility implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly views = new Set<vscode.TreeView<unknown>>();
  private readonly verdicts = new Map<string, { version: number; flow: boolean }>();
  private readonly subscriptions: vscode.Disposable[];
  private shown = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const update = () => this.update();
    this.subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs(update),
      vscode.window.onDidChangeVisibleTextEditors(update),
      vscode.workspace.onDidOpenTextDocument(update),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.verdicts.delete(document.uri.toString());
        update();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0 || !FLOW_LANGUAGES.has(event.document.languageId)) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(update, RECHECK_DELAY_MS);
      }),
    ];
    this.update();
  }

  /** Whether the status bar items should show. */
  get visible(): boolean {
    return this.shown;
  }

  /** A DataFlow view whose visibility shows the items. */
  watchView(view: vscode.TreeView<unknown>): vscode.Disposable {
    this.views.add(view);
    const subscription = view.onDidChangeVisibility(() => this.update());
    this.update();
    return new vscode.Disposable(() => {
      subscription.dispose();
      this.views.delete(view);
      this.update();
    });
  }

  private update(): void {
    const next = [...this.views].some((view) => view.visible) || this.flowOpen();
    if (next === this.shown) return;
    this.shown = next;
    this.changed.fire();
  }

  private flowOpen(): boolean {
    const inTabs = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        const input = tab.input;
        if (input instanceof vscode.TabInputText) inTabs.add(input.uri.toString());
        else if (input instanceof vscode.TabInputTextDiff) inTabs.add(input.modified.toString());
      }
    }
    for (const editor of vscode.window.visibleTextEditors) inTabs.add(editor.document.uri.toString());
    return vscode.workspace.textDocuments.some((document) => inTabs.has(document.uri.toString()) && this.isFlow(document));
  }

  private isFlow(document: vscode.TextDocument): boolean {
    if (!FLOW_LANGUAGES.has(document.languageId)) return false;
    const key = document.uri.toString();
    const cached = this.verdicts.get(key);
    if (cached?.version === document.version) return cached.flow;
    const flow = detectFlow(document.getText()) === 'flow';
    this.verdicts.set(key, { version: document.version, flow });
    return flow;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    if (shared === this) shared = undefined;
  }
}

let shared: StatusVisibility | undefined;

/** The one instance both status bar items follow; disposed with the extension (registerCatalog adds it). */
export function statusVisibility(): StatusVisibility {
  shared ??= new StatusVisibility();
  return shared;
}
