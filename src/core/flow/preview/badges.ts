// Findings as badges: counted on the component they name, and on every child-group box that holds
// it, so a problem deep inside shows on the canvas the user is looking at.
import type { Badge, PreviewFinding } from './types';

/** How many messages a badge carries for its hover text; the rest are counted. */
export const MAX_BADGE_MESSAGES = 5;

export class BadgeCounter {
  private readonly badges = new Map<string, { errors: number; warnings: number; errorMessages: string[]; warningMessages: string[] }>();

  add(key: string, finding: PreviewFinding): void {
    if (finding.severity !== 'error' && finding.severity !== 'warning') return;
    let badge = this.badges.get(key);
    if (!badge) this.badges.set(key, badge = { errors: 0, warnings: 0, errorMessages: [], warningMessages: [] });
    if (finding.severity === 'error') {
      badge.errors++;
      if (badge.errorMessages.length < MAX_BADGE_MESSAGES) badge.errorMessages.push(finding.message);
    } else {
      badge.warnings++;
      if (badge.warningMessages.length < MAX_BADGE_MESSAGES) badge.warningMessages.push(finding.message);
    }
  }

  get(key: string): Badge | undefined {
    const badge = this.badges.get(key);
    if (!badge) return undefined;
    const messages = [...badge.errorMessages, ...badge.warningMessages].slice(0, MAX_BADGE_MESSAGES);
    return { errors: badge.errors, warnings: badge.warnings, messages, more: badge.errors + badge.warnings - messages.length };
  }
}
