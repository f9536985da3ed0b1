// Links to a function in the AWS Lambda console.

function consoleHome(region: string): string {
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return `https://${region}.console.amazonaws-us-gov.com`;
  return `https://${region}.console.aws.amazon.com`;
}

/** The console page of a function, or of one of its versions (a number or $LATEST) or aliases. */
export function lambdaConsoleUrl(region: string, name: string, qualifier?: string): string {
  const base = `${consoleHome(region)}/lambda/home?region=${encodeURIComponent(region)}#/functions/${encodeURIComponent(name)}`;
  if (!qualifier || qualifier === '$LATEST') return base;
  return /^\d+$/.test(qualifier) ? `${base}/versions/${qualifier}` : `${base}/aliases/${encodeURIComponent(qualifier)}`;
}
