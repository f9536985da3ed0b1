// Which open documents are flow definitions, and their last validation, cached per document
// version so diagnostics, CodeLens, code actions and hover share one run.
import * as vscode from 'vscode';
import type { Validation } from '../../core/flow/validate';
import { applyRuleSettings } from '../../core/flow/editor/ruleSettings';
import { loadFlowEngine } from '../lazy';
import { settings } from './settings';

const FLOW_LANGUAGES = new Set(['json', 'jsonc']);
/**
 * Documents the user edits (files and new unsaved ones), and the catalog's read-only versions, whose
 * problems are the point of opening them. Other views of a file (the saved side of "Compare with Saved",
 * git diff sides, output) would report a problem a second time, one the user may have fixed already.
 */
const VALIDATED_SCHEMES = new Set(['file', 'untitled', 'dff-catalog']);

/** Whether a document may be a flow definition worth validating (its content decides the rest). */
export function isCandidate(document: vscode.TextDocument): boolean {
  return FLOW_LANGUAGES.has(document.languageId) && isUserDocumentScheme(document.uri.scheme);
}

/** In a virtual workspace (e.g. a GitHub repository opened remotely) the workspace's own files are the user's too. */
function isUserDocumentScheme(scheme: string): boolean {
  return VALIDATED_SCHEMES.has(scheme) || (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.scheme === scheme);
}

export const FLOW_SELECTOR: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

interface Entry {
  version: number;
  /** Undefined when the document is not a flow definition. */
  validation: Validation | undefined;
}

export class FlowDocuments {
  private readonly cache = new Map<string, Entry>();

  /** The document's validation for its current version (validating now if needed); undefined when it is not a flow. */
  get(document: vscode.TextDocument): Validation | undefined {
    if (!isCandidate(document) || !settings.validationEnabled(document.uri)) return undefined;
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached?.version === document.version) return cached.validation;
    const validation = validate(document);
    this.cache.set(key, { version: document.version, validation });
    return validation;
  }

  /** The cached validation of the current version, without validating. */
  peek(document: vscode.TextDocument): Validation | undefined {
    const cached = this.cache.get(document.uri.toString());
    return cached?.version === document.version ? cached.validation : undefined;
  }

  isCurrent(document: vscode.TextDocument): boolean {
    return this.cache.get(document.uri.toString())?.version === document.version;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }

  clear(): void {
    this.cache.clear();
  }
}

function validate(document: vscode.TextDocument): Validation | undefined {
  const engine = loadFlowEngine();
  const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(engine.DETECTION_HEAD_BYTES)));
  if (!engine.mayBeFlowDefinition(head)) return undefined;
  // Diagnostics show every finding's related places: found with the findings', in one pass over the text.
  const validation = engine.validateText(document.getText(), { failurePorts: settings.failurePorts(document.uri) }, 'withFindings');
  if (!validation.isFlow) return undefined;
  // Diagnostics, CodeLens, quick fixes and hover all see the findings as dff.validation.rules wants them.
  return { ...validation, findings: applyRuleSettings(validation.findings, settings.rules(document.uri)) };
}
