// One Flow Preview: a webview beside a flow document, drawn from the document's text and the
// findings the editor already shows. Redrawn when validation publishes (after its debounce);
// the webview keeps its pan and zoom. Clicks reveal components in the JSON; the cursor in the
// JSON highlights its component.
import * as vscode from 'vscode';
import type { FromWebview, ToWebview } from '../../core/flow/preview/messages';
import { loadFlowEngine } from '../lazy';
import { failurePorts } from '../validation/settings';
import { publishedFindings } from './findings';
import { previewHtml } from './html';

export const PREVIEW_VIEW_TYPE = 'dff.flowPreview';
/** How long the cursor rests before the preview follows it. */
const CURSOR_DELAY_MS = 80;
/** A redraw after an edit when validation published nothing (not examined, turned off): the validation debounce and this much more. */
const EDIT_SLACK_MS = 100;

export class FlowPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  private highlighted: string | undefined;
  private ready = false;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(readonly document: vscode.TextDocument, readonly panel: vscode.WebviewPanel, mediaRoot: vscode.Uri) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot] };
    panel.webview.html = previewHtml(panel.webview, mediaRoot);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.toString() === document.uri.toString())) this.scheduleRedraw(0);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document && event.contentChanges.length > 0) this.scheduleRedraw(debounceMs(document) + EDIT_SLACK_MS);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === document) this.scheduleCursor(event.textEditor);
      }),
      vscode.workspace.onDidCloseTextDocument((closed) => {
        if (closed === document) panel.dispose();
      }),
    );
  }

  /** Draws the document's current text now. */
  redraw(): void {
    clearTimeout(this.redrawTimer);
    this.redrawTimer = undefined;
    if (!this.ready || this.document.isClosed) return;
    const engine = loadFlowEngine();
    const text = this.document.getText();
    const outcome = engine.previewText(text, publishedFindings(this.document), { failurePorts: failurePorts(this.document.uri) });
    const version = this.document.version;
    if (outcome.kind === 'flow') {
      this.post({ type: 'model', model: outcome.preview, version, title: title(this.document), readOnly: isReadOnly(this.document) });
    } else if (outcome.kind === 'broken') {
      this.post({ type: 'broken', message: outcome.message, version });
    } else {
      this.post({ type: 'notFlow', message: `${title(this.document)} is not a NiFi flow definition (a JSON file with "flowContents").` });
    }
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === this.document);
    if (editor) this.scheduleCursor(editor, 0);
  }

  dispose(): void {
    clearTimeout(this.redrawTimer);
    clearTimeout(this.cursorTimer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.highlighted = undefined;
        this.redraw();
        break;
      case 'reveal':
        void this.reveal(message.key);
        break;
      case 'painted':
        break;
    }
  }

  private async reveal(key: string): Promise<void> {
    const range = loadFlowEngine().componentRange(this.document.getText(), key);
    if (!range) return;
    const selection = new vscode.Selection(this.document.positionAt(range.start), this.document.positionAt(range.end));
    const visible = vscode.window.visibleTextEditors.find((candidate) => candidate.document === this.document);
    // The preview keeps the focus: the user goes on clicking or tabbing through the drawing.
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: visible?.viewColumn ?? otherColumn(this.panel.viewColumn), preserveFocus: true, selection,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private scheduleRedraw(delayMs: number): void {
    clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => this.redraw(), delayMs);
  }

  private scheduleCursor(editor: vscode.TextEditor, delayMs = CURSOR_DELAY_MS): void {
    clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => {
      if (!this.ready || this.document.isClosed) return;
      const engine = loadFlowEngine();
      const offset = this.document.offsetAt(editor.selection.active);
      const key = engine.componentKeyOfPath(engine.pathAtOffset(this.document.getText(), offset));
      if (key === this.highlighted) return;
      this.highlighted = key;
      this.post({ type: 'highlight', key });
    }, delayMs);
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }
}

function debounceMs(document: vscode.TextDocument): number {
  return Math.max(0, vscode.workspace.getConfiguration('dff', document.uri).get<number>('validation.debounceMs', 300));
}

function title(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || document.uri.toString();
}

/** Catalog versions and other virtual documents are read-only; the preview says so. */
function isReadOnly(document: vscode.TextDocument): boolean {
  return document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled';
}

function otherColumn(column: vscode.ViewColumn | undefined): vscode.ViewColumn {
  return column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}

export function previewTitle(document: vscode.TextDocument): string {
  return `Preview ${title(document)}`;
}
