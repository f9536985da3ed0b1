// Lambda runtime deprecation dates (AWS Lambda "Runtime deprecation policy" table): deploy warns on
// a runtime past its date or within WARN_DAYS of it. AWS keeps running such functions for a while
// but stops patching the runtime, then blocks creating and later updating functions on it.
import type { DeployWarning } from './desired';

const DEPRECATION_DATES: Readonly<Record<string, string>> = {
  java8: '2024-01-08',
  'java8.al2': '2026-06-30',
  java11: '2026-06-30',
  java17: '2026-06-30',
};

const WARN_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export function deprecationDate(runtime: string): string | undefined {
  return DEPRECATION_DATES[runtime];
}

export function runtimeWarning(runtime: string, today: Date): DeployWarning | undefined {
  const date = DEPRECATION_DATES[runtime];
  if (!date) return undefined;
  const deprecated = Date.parse(`${date}T00:00:00Z`);
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (day >= deprecated) {
    return {
      code: 'runtime-deprecated',
      message: `Runtime ${runtime} reached end of life on ${date}: AWS no longer patches it and will block creating, then updating, functions on it. ` +
        'Choose a newer Java runtime in the target once DFF supports it (java21 or later is unverified for DFF).',
    };
  }
  const days = Math.round((deprecated - day) / DAY_MS);
  if (days <= WARN_DAYS) {
    return {
      code: 'runtime-deprecation-near',
      message: `Runtime ${runtime} reaches end of life on ${date}, in ${days} day${days === 1 ? '' : 's'}: plan a move to a newer Java runtime.`,
    };
  }
  return undefined;
}
