// The preview's page: a strict Content Security Policy (nothing remote, only our script with its
// nonce, only our stylesheet), the theme's colours through VS Code's CSS variables.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function previewHtml(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'preview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'preview.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Flow Preview</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Flow preview">
  <nav class="breadcrumb" aria-label="Process groups"></nav>
  <span class="totals" aria-live="polite"></span>
  <span class="spacer"></span>
  <span class="legend" aria-hidden="true"><span class="swatch failurePath"></span>failure path <span class="swatch unrouted"></span>not routed</span>
  <button type="button" data-action="zoomOut" title="Zoom out (-)" aria-label="Zoom out">−</button>
  <button type="button" data-action="zoomIn" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button type="button" data-action="fit" title="Fit to window (0)" aria-label="Fit to window">Fit</button>
</header>
<div class="banner" role="alert" hidden></div>
<main class="canvas" tabindex="0" aria-label="Flow canvas: arrow keys pan, + and - zoom, 0 fits, Backspace goes to the parent group"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
