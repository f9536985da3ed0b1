export const DEPLOY_HELP = `Usage: dff deploy <command> <flow file> --target <name> [options]

Commands:
  plan     Show what deploying the flow to the target would change; changes nothing
  apply    Show the plan, then apply it: role, secret, function, version, alias, S3 trigger
           (asks on a terminal; elsewhere pass --yes). Deploying again after a failure resumes;
           with nothing changed it makes no change.
  export   Write an AWS CloudFormation template of the deployment instead (--format cloudformation)

The target comes from dff.deploy.json beside the flow file (or the nearest one in a folder above
that lists the flow; or --deploy-file). Its AWS profile and region are used unless --profile or
--region is given.

Options:
  -t, --target <name>       The target in dff.deploy.json (required)
  --deploy-file <file>      Use this deploy file instead of looking for dff.deploy.json
  --profile <name>          AWS profile, instead of the target's (default: AWS_PROFILE, then
                            "default", then AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY); the
                            profile's endpoint_url is honoured
  --region <region>         AWS region, instead of the target's (default: AWS_REGION,
                            AWS_DEFAULT_REGION, then the profile's region)
  --cdp-profile <name>      CDP profile for finding the flow version in the DataFlow Catalog
                            (as "dff catalog --profile"; default CDP_PROFILE, the
                            CDP_ACCESS_KEY_ID/CDP_PRIVATE_KEY environment, or "default")
  --flow-version <v>        "latest", a version number or a flow version CRN, instead of the
                            target's flowVersion. Without either, the newest catalog version of
                            the flow of that name is used (what "dff catalog push" just made).
  --secret-values <file>    A JSON file {"<parameter>": "<value>"} of sensitive parameter values
  --adopt-secret            Use an existing Secrets Manager secret of that name that dff did not
                            create (the function would read it as the flow's parameters)
  --json                    plan, apply: print JSON (below) instead of text
  -y, --yes                 apply: apply without asking
  --format cloudformation   export: the template format (required)
  -o, --out <file>          export: write the template to a file instead of standard output
  -h, --help                Show this help

Secrets never go on the command line:
  DFF_PARAM_<name>          The value of sensitive parameter <name>; it goes only to the
                            function's Secrets Manager secret (wins over --secret-values).
                            Variables naming no sensitive parameter of the flow are left out.
  DFF_FUNCTION_ACCESS_KEY   The CDP machine user's access key id the function uses
  DFF_FUNCTION_PRIVATE_KEY  (DF_ACCESS_KEY, DF_PRIVATE_KEY); both or neither. Needed to create
                            a function; an existing function keeps the key it has.

plan --json prints (format 1; fields are only added, a change of meaning bumps formatVersion):
  {"formatVersion": 1, "ok": bool (false: refused, nothing may be applied),
   "changes": number of steps that write (0: nothing to change),
   "account", "region", "flow": {"path", "name", "versionCrn"}, "target",
   "function": {"name", "arn", "alias", "aliasArn"},
   "refusals": [{"code", "message"}], "warnings": [{"code", "message"}],
   "steps": [{"index", "id", "kind", "change": "create"|"update"|"wait"|"none", "title",
              "resource", "details": [{"field", "before", "after"}]}],
   "environment": [{"key", "change": "add"|"update"|"remove"|"same"|"kept", "sensitive",
                    "before", "after"}]   (before/after null for sensitive variables),
   "secret": null | {"name", "keys": [{"name", "change": "add"|"update"|"same"|"kept"}]}}
  A deploy refused before AWS was read has account, function arn, alias and aliasArn null, and
  no steps, environment or secret.
apply --json prints {"formatVersion": 1, "plan": <as above>, "applied": bool,
  "result": null | {"version", "alias", "functionArn", "aliasArn", "ran": [step titles]},
  "failure": null | {"step", "title", "index", "total", "reason", "deniedAction", "cancelled",
  "retryable"}}. Without --yes, apply --json refuses (exit 2): it cannot ask.
No secret value (sensitive parameter, private key) ever appears in any output.

Exit codes: 0 done (plan: the plan is not refused); 1 the plan was refused, a step failed, the
answer was no, or AWS or the catalog refused a request; 2 could not run: usage, files, no
profile, region or credentials (missing, expired or rejected), or apply without --yes where it
cannot ask.
`;
