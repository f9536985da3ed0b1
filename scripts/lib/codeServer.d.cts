// Types of codeServer.cjs for the TypeScript test runners.
import type { Browser } from 'playwright-core';

export interface ProfileDirs {
  userDataDir: string;
  extensionsDir: string;
}

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** 127.0.0.1:<port>, the authority of vscode-remote:// URIs */
  authority: string;
  logFile: string;
  /** Resolves with the exit code or signal when code-server ends. */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

export interface StartOptions extends ProfileDirs {
  logFile: string;
  port?: number;
  /** Honour extensionDevelopmentPath / extensionTestsPath in the URL payload. */
  developmentOptions?: boolean;
  startupTimeoutMs?: number;
  /** Extra environment for code-server and the extension hosts it starts. */
  env?: Record<string, string>;
}

export const repoRoot: string;
export const hostDir: string;
export const installHint: string;
export function missingHostParts(): string[] | undefined;
export function assertHostInstalled(): void;
export function makeTempDir(prefix: string): string;
export function copyFolder(from: string, to: string): string;
export function freePort(): Promise<number>;
/** Quiet user settings plus `extra`; an existing settings file only gains the keys of `extra` it lacks. */
export function seedUserSettings(userDataDir: string, extra?: Record<string, unknown>): void;
export function installExtension(options: ProfileDirs & { vsix: string }): Promise<string>;
export function startCodeServer(options: StartOptions): Promise<CodeServer>;
export function workbenchUrl(
  server: Pick<CodeServer, 'origin' | 'authority'>,
  folder: string,
  development?: { extensionDevelopmentPath: string; extensionTestsPath?: string },
): string;
export function launchChromium(): Promise<Browser>;
