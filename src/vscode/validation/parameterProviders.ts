// Hover, completion and go to definition for #{parameter} references in property values. They use the
// validation of the current version from FlowDiagnostics, which starts a pending debounced run at once rather
// than have them wait it out; they never validate a version on their own.
import * as vscode from 'vscode';
import { loadFlowEngine } from '../lazy';
import { offsetRange } from './convert';
import { shownFindings, type FlowDiagnostics } from './diagnostics';
import { FLOW_SELECTOR } from './flowDocuments';

class ParameterHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: FlowDiagnostics) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const validation = await this.diagnostics.validated(document, token);
    if (!validation?.model) return undefined;
    const findings = shownFindings(document, validation);
    const hover = loadFlowEngine().hoverAt(validation.model, validation.locator, document.offsetAt(position), findings);
    if (!hover) return undefined;
    // Not trusted and no HTML: descriptions come from the file.
    return new vscode.Hover(new vscode.MarkdownString(hover.markdown), offsetRange(document, hover.startOffset, hover.endOffset));
  }
}

class ParameterCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['{', "'"];

  constructor(private readonly diagnostics: FlowDiagnostics) {}

  async provideCompletionItems(
    document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | undefined> {
    const validation = await this.diagnostics.validated(document, token);
    if (!validation?.model) return undefined;
    const completion = loadFlowEngine().completionsAt(validation.model, validation.locator, document.offsetAt(position));
    if (!completion) return undefined;
    // The replacing range never goes past the reference's own closing brace, so it is used in both
    // of VS Code's insert modes: completing inside #{Que|ueUrl} must not leave "ueUrl}" behind.
    const range = offsetRange(document, completion.startOffset, completion.replaceEndOffset);
    const items = completion.entries.map((entry) => {
      const item = new vscode.CompletionItem(entry.label, vscode.CompletionItemKind.Variable);
      item.insertText = entry.insertText;
      item.filterText = entry.filterText;
      item.sortText = entry.sortText;
      item.detail = entry.detail;
      item.documentation = new vscode.MarkdownString(entry.documentation);
      item.range = range;
      return item;
    });
    return new vscode.CompletionList(items, false);
  }
}

class ParameterDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly diagnostics: FlowDiagnostics) {}

  async provideDefinition(
    document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken,
  ): Promise<vscode.LocationLink[] | undefined> {
    const validation = await this.diagnostics.validated(document, token);
    if (!validation?.model) return undefined;
    const definition = loadFlowEngine().definitionAt(validation.model, validation.locator, document.offsetAt(position));
    if (!definition) return undefined;
    const target = offsetRange(document, definition.target.startOffset, definition.target.endOffset);
    return [{
      originSelectionRange: offsetRange(document, definition.origin.startOffset, definition.origin.endOffset),
      targetUri: document.uri,
      targetRange: target,
      targetSelectionRange: target,
    }];
  }
}

/** F2 on a #{parameter} reference or a parameter's name: the rename quick fix's engine, for any new name. */
class ParameterRenameProvider implements vscode.RenameProvider {
  constructor(private readonly diagnostics: FlowDiagnostics) {}

  async prepareRename(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<{ range: vscode.Range; placeholder: string }> {
    const validation = await this.diagnostics.validated(document, token);
    const target = validation?.model ? loadFlowEngine().renameTargetAt(validation.model, validation.locator, document.offsetAt(position)) : undefined;
    if (!target) throw new Error('Put the cursor on a #{parameter} reference that resolves, or on a parameter\'s name, to rename the parameter.');
    return { range: offsetRange(document, target.startOffset, target.endOffset), placeholder: target.parameter.name };
  }

  async provideRenameEdits(
    document: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken,
  ): Promise<vscode.WorkspaceEdit | undefined> {
    const validation = await this.diagnostics.validated(document, token);
    if (!validation?.model || token.isCancellationRequested) return undefined;
    const engine = loadFlowEngine();
    const target = engine.renameTargetAt(validation.model, validation.locator, document.offsetAt(position));
    if (!target) throw new Error('There is no parameter here to rename.');
    const outcome = engine.renameParameterTo(validation.model, target, newName);
    // VS Code shows the message of a rename provider's error in the rename box.
    if ('error' in outcome) throw new Error(outcome.error);
    const edit = new vscode.WorkspaceEdit();
    for (const change of outcome.edits) edit.replace(document.uri, offsetRange(document, change.offset, change.offset + change.length), change.newText);
    return edit;
  }
}

export function registerParameterProviders(diagnostics: FlowDiagnostics): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(FLOW_SELECTOR, new ParameterHoverProvider(diagnostics)),
    vscode.languages.registerCompletionItemProvider(
      FLOW_SELECTOR, new ParameterCompletionProvider(diagnostics), ...ParameterCompletionProvider.triggerCharacters,
    ),
    vscode.languages.registerDefinitionProvider(FLOW_SELECTOR, new ParameterDefinitionProvider(diagnostics)),
    vscode.languages.registerRenameProvider(FLOW_SELECTOR, new ParameterRenameProvider(diagnostics)),
  ];
}
