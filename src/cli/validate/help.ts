export const VALIDATE_HELP = `Usage: dff validate <file or folder>... [options]

Checks NiFi flow definitions for problems that break them as DataFlow Functions.
Folders are searched recursively for *.json files (node_modules, .git and folders whose name
starts with "." are skipped); only files whose content is a flow definition are checked.
"-" reads a flow definition from standard input (cat flow.json | dff validate -). Files are
read as UTF-8, or UTF-16 when they start with a byte-order mark.

Options:
  -f, --format <text|json|sarif>  Output format (default: text). json and sarif list flow
                                  definitions only; other JSON files are left out.
      --failure-ports <a,b>       Output port names that count as failure ports besides
                                  "failure", as the function's FAILURE_PORTS will list them.
      --fix                       Apply the unambiguous fixes (those of the editor's Fix All) to
                                  the files, in place, keeping their layout and encoding; then
                                  report what is left. Not with "-".
      --fix-dry-run               Print the fixes each file would get, as a unified diff, without
                                  writing; then report what would be left (positions in the
                                  fixed text).
  -h, --help                      Show this help.

Positions: text and sarif give 1-based lines and columns (as compilers and editors show them);
json gives 0-based "line" and "character" (as the Language Server Protocol and VS Code's API do),
so line 0 character 4 in json is 1:5 in text.

With --fix or --fix-dry-run, what was fixed is listed before the findings (on standard error
with --format json or sarif, so standard output stays one document).

Exit status (with --fix, from what is left): 0 no errors, 1 at least one error found, 2 could not run, or none of the
files named on the command line is a flow definition (so a CI job pointed at the wrong file fails).
`;
