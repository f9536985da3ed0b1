// The stand-in's service modules, built around one shared world. Each module fills in the part of
// the world it owns (world.functions, world.logs, ...) so the others can ask it.
import type { FakeAwsWorld, ServiceModule } from './protocol';
import { LambdaService } from './lambda';
import { LogsService } from './logs';
import { StsService } from './sts';

export function createServices(world: FakeAwsWorld) {
  const logs = new LogsService(world);
  world.logs = logs;
  const lambda = new LambdaService(world);
  world.functions = lambda;
  const sts = new StsService(world);
  const modules: ServiceModule[] = [lambda, logs, sts];
  return { lambda, logs, sts, modules };
}

export type FakeAwsServices = ReturnType<typeof createServices>;
