// Test invocations: the S3 event a trigger would send, and one synchronous Invoke with its log tail.
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';

/**
 * An object key as S3 writes it in event notifications: form-URL-encoded (space as '+', '+' as
 * %2B, like Java's URLEncoder, so also ! ' ( ) ~ encoded) with '/' left as it is, as in AWS's
 * own sample events ("key": "images/HappyFace.jpg", "red flower.jpg" as "red+flower.jpg").
 */
export function s3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()~*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');
}

export interface S3EventInput {
  bucket: string;
  key: string;
  region: string;
  size?: number;
  /** ISO time; default now. */
  eventTime?: string;
  eTag?: string;
}

/** The ObjectCreated:Put notification S3 sends to a function, for one object. */
export function s3ObjectCreatedEvent(input: S3EventInput): { Records: Record<string, unknown>[] } {
  const eventTime = input.eventTime ?? new Date().toISOString();
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: input.region,
        eventTime,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'EXAMPLE' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'EXAMPLE123456789', 'x-amz-id-2': 'EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'dff-test-event',
          bucket: { name: input.bucket, ownerIdentity: { principalId: 'EXAMPLE' }, arn: `arn:aws:s3:::${input.bucket}` },
          object: {
            key: s3EventKey(input.key),
            size: input.size ?? 0,
            eTag: input.eTag ?? '0123456789abcdef0123456789abcdef',
            sequencer: Date.parse(eventTime).toString(16).toUpperCase().padStart(16, '0'),
          },
        },
      },
    ],
  };
}

export interface InvokeRequest {
  name: string;
  /** Version or alias; default $LATEST. */
  qualifier?: string;
  /** The event, as JSON text. */
  payload: string;
  signal?: AbortSignal;
}

export interface InvokeOutcome {
  statusCode: number;
  /** 'Unhandled' or 'Handled' when the function failed (the payload then holds the error). */
  functionError?: string;
  executedVersion?: string;
  payload: string;
  /** The last 4 KB of the invocation's log. */
  logTail?: string;
}

/** Invokes a function synchronously (RequestResponse) and returns its answer and log tail. */
export async function invokeFunction(lambda: LambdaClient, request: InvokeRequest): Promise<InvokeOutcome> {
  const answer = await lambda.send(
    new InvokeCommand({
      FunctionName: request.name,
      ...(request.qualifier ? { Qualifier: request.qualifier } : {}),
      InvocationType: 'RequestResponse',
      LogType: 'Tail',
      Payload: new TextEncoder().encode(request.payload),
    }),
    { abortSignal: request.signal },
  );
  const outcome: InvokeOutcome = {
    statusCode: answer.StatusCode ?? 0,
    payload: answer.Payload ? new TextDecoder().decode(answer.Payload) : '',
  };
  if (answer.FunctionError) outcome.functionError = answer.FunctionError;
  if (answer.ExecutedVersion) outcome.executedVersion = answer.ExecutedVersion;
  if (answer.LogResult) outcome.logTail = Buffer.from(answer.LogResult, 'base64').toString('utf8');
  return outcome;
}
