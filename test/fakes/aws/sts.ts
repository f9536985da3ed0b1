// STS in the stand-in: the query protocol (Version 2011-06-15) with XML answers; only GetCallerIdentity.
import { randomUUID } from 'node:crypto';
import { AwsServiceError, type AwsCall, type AwsReply, type FakeAwsWorld, type FaultKind, type ServiceModule } from './protocol';

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The query protocol's parameters: the form body of a POST, or the query string of a GET. */
export function queryParameters(call: AwsCall): URLSearchParams {
  return call.method === 'POST' && call.body.length > 0 ? new URLSearchParams(call.body.toString('utf8')) : call.query;
}

export class StsService implements ServiceModule {
  readonly service = 'sts' as const;

  constructor(private readonly world: FakeAwsWorld) {}

  operation(call: AwsCall): string | undefined {
    const params = queryParameters(call);
    return params.get('Action') === 'GetCallerIdentity' && params.get('Version') === '2011-06-15' ? 'GetCallerIdentity' : undefined;
  }

  handle(call: AwsCall): AwsReply {
    const { identity } = call;
    const body =
      `<GetCallerIdentityResponse xmlns="${NAMESPACE}"><GetCallerIdentityResult>` +
      `<Arn>${escapeXml(identity.arn)}</Arn><UserId>${escapeXml(identity.userId)}</UserId><Account>${escapeXml(identity.account || this.world.account)}</Account>` +
      `</GetCallerIdentityResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
    return { status: 200, headers: { 'Content-Type': 'text/xml' }, body };
  }

  renderError(error: AwsServiceError): AwsReply {
    const type = error.status >= 500 ? 'Receiver' : 'Sender';
    const body =
      `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
    return { status: error.status, headers: { 'Content-Type': 'text/xml', ...error.headers }, body };
  }

  faultError(kind: FaultKind, call: AwsCall, operation: string): AwsServiceError {
    switch (kind) {
      case 'throttle':
        return new AwsServiceError('Throttling', 400, 'Rate exceeded');
      case 'accessDenied':
        return new AwsServiceError('AccessDenied', 403, `User: ${call.identity.arn} is not authorized to perform: sts:${operation}`);
      case 'expiredToken':
        return new AwsServiceError('ExpiredToken', 403, 'The security token included in the request is expired');
      case 'internal':
        return new AwsServiceError('InternalFailure', 500, 'The request processing has failed because of an unknown error, exception or failure.');
    }
  }
}
