// The commands that reach a service (CDP, AWS): bundled apart from dist/cli.js as dist/cli-remote.js
// (scripts/build.mjs), so `dff validate` starts without compiling the AWS SDK and the HTTP stack.
export { runCatalog } from './catalog';
export { runAws } from './aws';
export { runFunctions } from './functions';
export { runDeploy } from './deploy';
