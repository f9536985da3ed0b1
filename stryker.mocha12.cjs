// Lets Stryker's mocha runner (9.x, the last for Node 20) load mocha 12: the runner requires mocha's CLI
// helpers by their old names (lib/cli/run-helpers), which mocha 12 renamed to *.cjs. Listed first in
// stryker.config.json's plugins, so it is loaded before the runner, in every Stryker process.
const Module = require('module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveMochaCli(request, ...rest) {
  try {
    return resolve.call(this, request, ...rest);
  } catch (error) {
    if (/[\\/]mocha[\\/]lib[\\/]cli[\\/][\w-]+$/.test(request)) return resolve.call(this, `${request}.cjs`, ...rest);
    throw error;
  }
};

module.exports.strykerPlugins = [];
