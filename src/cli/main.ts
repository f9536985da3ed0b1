// TODO(helper): the dff command line.
process.exitCode = 2;
