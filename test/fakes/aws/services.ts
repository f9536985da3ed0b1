// The stand-in's service modules, built around one shared world. Each module fills in the part of
// the world it owns (world.roles, world.functions, world.logs, ...) so the others can ask it.
import type { FakeAwsWorld, ServiceModule } from './protocol';
import { IamService } from './iam';
import { LambdaService } from './lambda';
import { LogsService } from './logs';
import { S3Service } from './s3';
import { SecretsManagerService } from './secretsManager';
import { StsService } from './sts';

export function createServices(world: FakeAwsWorld) {
  const logs = new LogsService(world);
  world.logs = logs;
  const iam = new IamService(world);
  const s3 = new S3Service(world);
  world.objects = {
    getObject(bucketName, key) {
      const bucket = s3.bucket(bucketName);
      if (!bucket) return 'NoSuchBucket';
      const object = bucket.objects.get(key);
      return object ? { bucketRegion: bucket.region, body: object.body } : 'NoSuchKey';
    },
  };
  const lambda = new LambdaService(world);
  world.functions = lambda;
  const sts = new StsService(world);
  const secrets = new SecretsManagerService(world);
  const modules: ServiceModule[] = [lambda, logs, sts, iam, s3, secrets];
  // fake.secrets and fake.secretsManager are the same module (both names are in use).
  return { lambda, logs, sts, iam, s3, secrets, secretsManager: secrets, modules };
}

export type FakeAwsServices = ReturnType<typeof createServices>;
