// Lambda functions as the Functions view and `dff functions list` show them.
import { GetFunctionConfigurationCommand, ListFunctionsCommand, type FunctionConfiguration, type LambdaClient } from '@aws-sdk/client-lambda';
import { parseFlowCrn, type FlowCrn } from './crn';

export const DFF_HANDLER = 'com.cloudera.naaf.aws.lambda.StatelessNiFiFunctionHandler::handleRequest';

/** ListFunctions returns at most 50 functions a page. */
export const MAX_FUNCTIONS_PAGE = 50;

export interface FunctionSummary {
  name: string;
  arn: string;
  runtime?: string;
  handler?: string;
  memory?: number;
  timeout?: number;
  lastModified?: string;
  /**
   * Pending / Active / Inactive / Failed. AWS's ListFunctions leaves the state fields out (only
   * GetFunction has them), so for a listed function they are usually undefined.
   */
  state?: string;
  stateReason?: string;
  lastUpdateStatus?: string;
  /** FLOW_CRN parsed; undefined when missing or not a flow CRN. */
  flow?: FlowCrn;
  /** FLOW_CRN as set on the function (a CRN, not a secret). */
  flowCrnValue?: string;
  /** Names of the environment variables; their values are not kept. */
  envKeys: string[];
  /** LoggingConfig.LogGroup, else /aws/lambda/<name>. */
  logGroup: string;
}

/** Whether a function (its configuration or its summary) runs DataFlow Functions' handler. */
export function isDataFlowFunction(config: { Handler?: string } | { handler?: string }): boolean {
  const handler = 'Handler' in config ? config.Handler : 'handler' in config ? config.handler : undefined;
  return handler === DFF_HANDLER;
}

/** The summary of one function configuration; environment values other than FLOW_CRN are dropped. */
export function summarizeFunction(config: FunctionConfiguration): FunctionSummary {
  const name = config.FunctionName ?? '';
  const variables = config.Environment?.Variables ?? {};
  const flowCrnValue = variables.FLOW_CRN;
  const summary: FunctionSummary = {
    name,
    arn: config.FunctionArn ?? '',
    envKeys: Object.keys(variables).sort(),
    logGroup: config.LoggingConfig?.LogGroup || `/aws/lambda/${name}`,
  };
  const optional: Partial<FunctionSummary> = {
    runtime: config.Runtime,
    handler: config.Handler,
    memory: config.MemorySize,
    timeout: config.Timeout,
    lastModified: config.LastModified,
    state: config.State,
    stateReason: config.StateReason,
    lastUpdateStatus: config.LastUpdateStatus,
    flowCrnValue,
    flow: flowCrnValue === undefined ? undefined : parseFlowCrn(flowCrnValue),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (summary as unknown as Record<string, unknown>)[key] = value;
  }
  return summary;
}

export interface ListFunctionsOptions {
  /** Every function; otherwise only DataFlow Functions (pages may then be short or empty). */
  all: boolean;
  /** Functions asked for per call, 1..50 (default 50). */
  pageSize?: number;
  signal?: AbortSignal;
}

/** The functions of the region, one page per ListFunctions call, following NextMarker to the end. */
export async function* listFunctionPages(lambda: LambdaClient, options: ListFunctionsOptions): AsyncGenerator<FunctionSummary[]> {
  const pageSize = Math.min(MAX_FUNCTIONS_PAGE, Math.max(1, Math.floor(options.pageSize ?? MAX_FUNCTIONS_PAGE)));
  let marker: string | undefined;
  do {
    const answer = await lambda.send(new ListFunctionsCommand({ MaxItems: pageSize, ...(marker ? { Marker: marker } : {}) }), {
      abortSignal: options.signal,
    });
    const functions = (answer.Functions ?? []).filter((config) => options.all || isDataFlowFunction(config));
    yield functions.map(summarizeFunction);
    marker = answer.NextMarker || undefined;
  } while (marker);
}

/** One function's (version's, alias's) current configuration, with the state fields ListFunctions leaves out. */
export async function readFunctionSummary(lambda: LambdaClient, name: string, qualifier?: string, signal?: AbortSignal): Promise<FunctionSummary> {
  const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name, ...(qualifier ? { Qualifier: qualifier } : {}) }), {
    abortSignal: signal,
  });
  return summarizeFunction(config);
}
