// Who the credentials belong to (the account shown beside the profile).
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';

export interface AwsIdentity {
  account: string;
  arn: string;
  userId: string;
}

export async function whoAmI(sts: STSClient, signal?: AbortSignal): Promise<AwsIdentity> {
  const answer = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
  return { account: answer.Account ?? '', arn: answer.Arn ?? '', userId: answer.UserId ?? '' };
}
