// Log events as terminal lines: time, a "!" beside error lines, the message (continuation lines indented).
import type { LogEvent } from '../../core/aws/engine';

export const ERROR_MARK = '!';

function timeText(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}

export function formatLogEvent(event: LogEvent): string {
  const mark = event.level === 'error' ? ERROR_MARK : ' ';
  const [first, ...rest] = event.message.replace(/\s+$/, '').split(/\r?\n/);
  const indent = ' '.repeat(timeText(0).length + 3);
  return [`${timeText(event.timestamp)} ${mark} ${first}`, ...rest.map((line) => `${indent}${line}`)].join('\n') + '\n';
}

/** Lines of a text that has no timestamps (an invocation's log tail), errors marked the same way. */
export function formatLogTail(text: string, classify: (line: string) => string): string {
  return text
    .replace(/\s+$/, '')
    .split(/\r?\n/)
    .map((line) => `${classify(line) === 'error' ? ERROR_MARK : ' '} ${line}\n`)
    .join('');
}
