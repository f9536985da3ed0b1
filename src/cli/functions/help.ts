import { AWS_EXIT_CODES, AWS_TARGET_OPTIONS } from '../aws/help';

export const FUNCTIONS_HELP = `Usage: dff functions <command> [options]

Commands:
  list                          DataFlow Functions in the region: flow name and version (from
                                FLOW_CRN), runtime, memory, state, last modified, warnings
  logs <name[:qualifier]>       CloudWatch log events of a function (of one version or alias
                                with a qualifier); lines the function logged as ERROR start with "!"
  invoke <name[:qualifier]>     Invoke a function once and print the status, function error,
                                payload and the log tail; exit 1 when the function errored

Options:
${AWS_TARGET_OPTIONS}
  --all                list: every Lambda function, not only DataFlow Functions
  --json               list, invoke: print JSON (see below)
  --since <time>       logs: from this long ago (30m, 2h, 1d) or an ISO date (default 30m)
  --filter <pattern>   logs: a CloudWatch Logs filter pattern, e.g. ERROR or "\\"Failed to\\""
  -f, --follow         logs: keep printing new events until Ctrl+C (polls every few seconds)
  --event s3 --bucket <bucket> --key <key>
                       invoke: send the S3 "ObjectCreated:Put" event of that object (the key as
                       S3 writes it in events: URL-encoded, a space as "+")
  --event empty        invoke: send {}
  --payload <file>     invoke: send the content of a JSON file
  -h, --help           Show this help

A function is its name, name:version, name:alias (e.g. my-flow:live) or its ARN; write $LATEST
in quotes ('my-flow:$LATEST').

list --json prints {"profile","region","functions":[{"name","arn","dataflowFunction","flow":
{"name","version","crn","versionCrn"} or null,"runtime","handler","memoryMb","timeoutSeconds",
"state","stateReason","lastUpdateStatus","lastModified","logGroup","warnings":[{"code","message"}]}]}
(stateReason absent when AWS gives none; warnings only for DataFlow Functions).
invoke --json prints {"statusCode","functionError","executedVersion","payload","logTail"}
(functionError, executedVersion and logTail absent when AWS gives none; payload is the text).

${AWS_EXIT_CODES}
An unknown function exits 1.
`;
