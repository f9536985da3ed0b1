export const AWS_TARGET_OPTIONS = `  --profile <name>     AWS profile from the shared config files (default: AWS_PROFILE,
                       then "default", then AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in the
                       environment). AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE are
                       honoured, and so is the profile's endpoint_url.
  --region <region>    AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the
                       profile's region)`;

export const AWS_EXIT_CODES = `Exit codes: 0 done; 1 AWS refused or failed the request (not found, access denied,
throttled after retries, network); 2 could not run: usage, no profile or region, or
credentials missing, expired or rejected (an expired SSO session says which
\`aws sso login --profile <name>\` to run).`;

export const AWS_HELP = `Usage: dff aws <command> [options]

Commands:
  whoami               Show the profile, region, account and ARN the AWS commands use

Options:
${AWS_TARGET_OPTIONS}
  --json               Print JSON: {"profile","region","account","arn","endpointUrl"?}
  -h, --help           Show this help

${AWS_EXIT_CODES}
`;
