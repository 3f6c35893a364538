/**
 * `verify`: the merge path's tests before images (seed step 4). Runs the plan's test commands; on a
 * failure the PR's sticky comment shows the failing command and the end of its output, and the
 * command fails, so the build and retry jobs that need it do not run.
 */
import { InputError } from '../core/inputs.js';
import { parseTestCommands, renderTestFailure } from '../core/test-report.js';
import { resolveBotIdentity } from '../github/diagnosis-issue.js';
import { botTargetOf, openGitHubSession } from '../github/session.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import { runTestCommands, type RunTestsResult } from '../loop/run-tests.js';
import type { CommandIO } from './command.js';
import { optionalId, tokenFrom } from './common-inputs.js';
import { defineCommand } from './command.js';

export interface VerifyInput {
  commands: string[];
  prNumber: number | undefined;
  token: string | undefined;
  timeoutMs: number;
}

/** Below the retry report's revisions (campaign id × 10 + stage): a later report replaces it. */
const TEST_COMMENT_REVISION = 1;
const DEFAULT_TIMEOUT_MINUTES = 30;

export const verifyCommand = defineCommand<VerifyInput>({
  name: 'verify',
  description:
    'Run the plan’s test commands before any image is built; on a failure, comment the failing command and its output on the PR and fail.',
  surfaces: ['action', 'cli'],
  outputs: {
    'failed-command': 'The test command that failed (empty when all passed)',
  },
  inputs: {
    'test-commands': {
      description: "JSON list of shell command lines: the plan's test-commands output",
      positional: 0,
      required: true,
    },
    'pr-number': { description: 'Pull request to comment on when a test fails' },
    'github-token': {
      description: 'Token for the PR comment (default: GITHUB_TOKEN); pull-requests: write',
      secret: true,
    },
    'timeout-minutes': {
      description: `Limit per test command (default ${DEFAULT_TIMEOUT_MINUTES})`,
    },
  },
  parse(inputs, io) {
    const raw = inputs.get('test-commands');
    if (raw === undefined)
      throw new InputError("Missing test-commands: pass the plan's test-commands output");
    const commands = parseTestCommands('test-commands', raw);
    if (typeof commands === 'string') throw new InputError(commands);
    const minutes = inputs.get('timeout-minutes') ?? String(DEFAULT_TIMEOUT_MINUTES);
    if (!/^\d{1,3}$/.test(minutes.trim()) || Number(minutes) < 1 || Number(minutes) > 350) {
      throw new InputError(
        `Invalid timeout-minutes: '${minutes.slice(0, 20)}' — expected whole minutes from 1 to 350`,
      );
    }
    const token = tokenFrom(inputs, io);
    return {
      commands,
      prNumber: optionalId(inputs, 'pr-number'),
      token,
      timeoutMs: Number(minutes) * 60_000,
    };
  },
  async run(input, io) {
    if (input.commands.length === 0) {
      io.print('No test commands in the plan: nothing to run.');
      io.setOutput('failed-command', '');
      return 0;
    }
    const result = await runTestCommands(input.commands, {
      cwd: io.cwd,
      timeoutMs: input.timeoutMs,
      logger: io.logger,
      mask: (text) => io.masker.mask(text),
    });
    io.setOutput('failed-command', result.failed?.command ?? '');
    if (!result.failed) {
      io.print(`All ${result.passed.length} test command(s) passed.`);
      return 0;
    }
    const body = renderTestFailure(result.failed, result.passed, result.skipped, runUrlOf(io.env));
    await io.appendSummary(body);
    await commentOnPull(input, io, body, result);
    io.logger.error(`Test command failed: ${result.failed.command} (${result.failed.end}).`);
    return 1;
  },
});

async function commentOnPull(
  input: VerifyInput,
  io: CommandIO,
  body: string,
  result: RunTestsResult,
): Promise<void> {
  if (input.prNumber === undefined || !input.token) {
    io.logger.info('No pr-number or token: the failure is in the job summary only.');
    return;
  }
  const session = openGitHubSession({
    token: input.token,
    env: io.env,
    purpose: 'verify (the PR comment)',
    logger: io.logger,
  });
  const outcome = await upsertStickyComment(
    botTargetOf(
      session,
      await resolveBotIdentity(session.client, io.env.ITERATE_CAMPAIGN_BOT_LOGIN),
      io.logger,
    ),
    {
      prNumber: input.prNumber,
      revision: TEST_COMMENT_REVISION,
      body,
      ...(session.context.runUrl ? { fullReportUrl: session.context.runUrl } : {}),
    },
  );
  io.logger.info(
    `PR #${input.prNumber}: test failure of '${result.failed!.command}' ${outcome.action}${outcome.url ? ` (${outcome.url})` : ''}.`,
  );
}

function runUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}
