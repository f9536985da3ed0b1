export const CATALOG_HELP = `Usage: dff catalog <command> [options]

Commands:
  list                          List the flows in the DataFlow Catalog
  versions <flow name or CRN>   List the versions of a flow, newest first
  push <file>                   Validate a flow file and push it: a new version of the flow
                                with that name, or a new flow. Prints the version CRN.
  pull <version CRN>            Print a flow version as pretty-printed JSON
  delete <flow CRN> --yes       Delete a flow and all its versions
  machine-user create <name> --private-key-out <file>
                                Create (or reuse) a CDP machine user with the DFCatalogViewer
                                role and a new access key for a function; prints the key ID,
                                writes the private key to the file (see machine-user --help)

Options:
  --profile <name>     CDP profile from ~/.cdp/credentials (default: CDP_PROFILE, the
                       CDP_ACCESS_KEY_ID/CDP_PRIVATE_KEY environment, or "default")
  --json               list, versions, push: print JSON
  --search <text>      list: only flows whose name contains the text
  --name <name>        push: flow name (default: the flow's top process group name)
  --comments <text>    push: version comments
  --description <text> push: description of a new flow
  --force              push: push even when the flow has errors
  --tag <name[:color]> push: tag the new version (repeat for more tags)
  --failure-ports <a,b>
                       push: output ports the function's FAILURE_PORTS will list; they
                       count as failure ports when the flow is checked (as in dff validate)
  -o, --output <file>  pull: write to a file instead of standard output
  --yes                delete: confirm the deletion
  -h, --help           Show this help

Exit codes: 0 done, 1 the operation failed, 2 usage or credentials problem.
`;
