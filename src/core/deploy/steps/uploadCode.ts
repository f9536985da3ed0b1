// A local DFF zip goes to S3 first (it is larger than Lambda's 50 MB direct upload), under a key
// named by its SHA-256, so an upload already done (same content) is never repeated.
import { createReadStream } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { PlanStep } from '../planTypes';
import type { ApplyRuntime } from '../runtime';
import { refuse, type PlanContext } from './context';

export function planUploadCode(context: PlanContext): PlanStep | undefined {
  const { desired, state } = context;
  const code = desired.code;
  const found = state.code;
  if (code.kind === 's3') {
    if (!found.found) refuse(context, 'code-not-found', `The DFF binaries zip s3://${code.bucket}/${code.key} does not exist (or this profile cannot read it with s3:GetObject).`);
    return undefined;
  }
  if (found.kind !== 'localZip' || !found.found) {
    refuse(context, 'code-not-found', `The DFF binaries zip ${code.path} does not exist.`);
    return undefined;
  }
  const inUse = state.function?.codeSha256 === found.sha256Base64;
  const where = `s3://${code.bucket}/${found.key}`;
  if (inUse || found.uploaded) {
    return { id: 'uploadCode', kind: 'uploadCode', change: 'none', title: inUse ? 'The function already runs this zip' : `The zip is already uploaded to ${where}`, resource: where, details: [] };
  }
  return {
    id: 'uploadCode',
    kind: 'uploadCode',
    change: 'create',
    title: `Upload ${code.path} (${(found.size / 1024 / 1024).toFixed(1)} MB) to ${where}`,
    resource: where,
    details: [{ field: 'object', after: where }],
  };
}

export async function runUploadCode(_step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  const { desired, state } = runtime.plan;
  if (desired.code.kind !== 'localZip' || state.code.kind !== 'localZip') return;
  const { path, bucket } = desired.code;
  const { key, size, md5Hex } = state.code;
  runtime.log(`uploading ${size} bytes to s3://${bucket}/${key}`);
  await runtime.call(`s3:PutObject ${bucket}/${key}`, (options) => runtime.clients.s3.send(new PutObjectCommand({
    Bucket: bucket,
    Key: key,
    Body: createReadStream(path),
    ContentLength: size,
    ContentMD5: Buffer.from(md5Hex, 'hex').toString('base64'),
    ContentType: 'application/zip',
  }), options));
}
