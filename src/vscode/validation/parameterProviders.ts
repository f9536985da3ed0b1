// Hover, completion and go to definition for #{parameter} references in property values.
import * as vscode from 'vscode';
import { loadFlowEngine } from '../lazy';
import { offsetRange } from './convert';
import { FLOW_SELECTOR, type FlowDocuments } from './flowDocuments';

class ParameterHoverProvider implements vscode.HoverProvider {
  constructor(private readonly documents: FlowDocuments) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const validation = this.documents.get(document);
    if (!validation?.model) return undefined;
    const hover = loadFlowEngine().hoverAt(validation.model, validation.locator, document.offsetAt(position));
    if (!hover) return undefined;
    // Not trusted and no HTML: descriptions come from the file.
    return new vscode.Hover(new vscode.MarkdownString(hover.markdown), offsetRange(document, hover.startOffset, hover.endOffset));
  }
}

class ParameterCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['{', "'"];

  constructor(private readonly documents: FlowDocuments) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList | undefined {
    const validation = this.documents.get(document);
    if (!validation?.model) return undefined;
    const completion = loadFlowEngine().completionsAt(validation.model, validation.locator, document.offsetAt(position));
    if (!completion) return undefined;
    const range = offsetRange(document, completion.startOffset, completion.endOffset);
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
  constructor(private readonly documents: FlowDocuments) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    const validation = this.documents.get(document);
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

export function registerParameterProviders(documents: FlowDocuments): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(FLOW_SELECTOR, new ParameterHoverProvider(documents)),
    vscode.languages.registerCompletionItemProvider(
      FLOW_SELECTOR, new ParameterCompletionProvider(documents), ...ParameterCompletionProvider.triggerCharacters,
    ),
    vscode.languages.registerDefinitionProvider(FLOW_SELECTOR, new ParameterDefinitionProvider(documents)),
  ];
}
