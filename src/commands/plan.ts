import { imagePlanSummary } from '../core/command-summaries.js';
import type { ImagePlan } from '../core/image-plan.js';
import { loadProjectConfig } from '../config/project-config.js';
import { listChangedFiles, resolvePull } from '../github/pull-requests.js';
import { openGitHubSession, repoRefOf } from '../github/session.js';
import { emptyPlan, matrixOf, planFromChanges, registryFor } from '../loop/plan-images.js';
import type { CommandIO } from './command.js';
import { eventSelection } from '../github/repo-context.js';
import {
  CONFIG_INPUT,
  optionalId,
  optionalRegistry,
  requireMergeSha,
  requireToken,
} from './common-inputs.js';
import { defineCommand } from './command.js';

export interface PlanInput {
  prNumber: number | undefined;
  mergeSha: string;
  token: string;
  configPath: string | undefined;
  registry: string | undefined;
}

export const planCommand = defineCommand<PlanInput>({
  name: 'plan',
  description:
    'Map the merged PR’s changed files to the images to rebuild and the test commands to run.',
  surfaces: ['action', 'cli'],
  outputs: {
    'pr-number': 'The pull request planned',
    images: "JSON matrix of the images to rebuild (build's images input)",
    'has-images': 'true when there is at least one image to build',
    'test-commands': 'JSON list of the test commands to run',
    'changed-paths-summary': 'One-line summary of the changed paths',
  },
  inputs: {
    'pr-number': {
      description:
        'Pull request number (default: the event’s PR; on push, the PR merged as GITHUB_SHA)',
      positional: 0,
    },
    'merge-sha': { description: 'Merge commit SHA, used for image tags (default: GITHUB_SHA)' },
    'github-token': {
      description:
        'Token to read the PR (default: GITHUB_TOKEN); contents: read, pull-requests: read',
      secret: true,
    },
    config: CONFIG_INPUT,
    registry: {
      description:
        'Registry prefix host/path for image tags (default: config images.registry, else us-central1-docker.pkg.dev/$GCP_PROJECT/eval)',
    },
  },
  parse(inputs, io) {
    return {
      prNumber: optionalId(inputs, 'pr-number'),
      mergeSha: requireMergeSha(inputs, io.env),
      token: requireToken(inputs, io, 'plan'),
      configPath: inputs.get('config'),
      registry: optionalRegistry(inputs),
    };
  },
  async run(input, io) {
    const config = await loadProjectConfig(input.configPath, io.cwd);
    const session = openGitHubSession({
      token: input.token,
      env: io.env,
      purpose: 'plan',
      logger: io.logger,
    });
    const ref = repoRefOf(session, io.logger, io.env.ITERATE_CAMPAIGN_BOT_LOGIN);
    const resolution = await resolvePull(ref, {
      ...(input.prNumber !== undefined ? { explicit: input.prNumber } : {}),
      ...eventSelection(io.env),
      sha: input.mergeSha,
    });
    if (!resolution.pull) {
      const summary = `No merged pull request: ${resolution.why}. No images to rebuild.`;
      setPlanOutputs(io, emptyPlan(summary), undefined);
      io.print(summary);
      return;
    }
    const pull = resolution.pull;
    io.logger.info(`Planning for PR #${pull.number} (${resolution.how}).`);
    if (pull.mergeCommitSha && pull.mergeCommitSha !== input.mergeSha) {
      io.logger.warning(
        `PR #${pull.number} was merged as ${pull.mergeCommitSha.slice(0, 7)}, but tags use ${input.mergeSha.slice(0, 7)} (merge-sha / GITHUB_SHA).`,
      );
    }
    const changed = await listChangedFiles(ref, pull, pull.mergeCommitSha ?? input.mergeSha);
    const plan = planFromChanges(
      changed,
      config,
      registryFor(input.registry, config, io.env),
      input.mergeSha,
    );
    setPlanOutputs(io, plan, pull.number);
    io.print(imagePlanSummary(plan, pull.number));
    if (io.surface === 'action') await io.appendSummary(imagePlanSummary(plan, pull.number));
  },
});

function setPlanOutputs(io: CommandIO, plan: ImagePlan, prNumber: number | undefined): void {
  io.setOutput('images', JSON.stringify(matrixOf(plan)));
  io.setOutput('has-images', plan.images.length > 0);
  io.setOutput('test-commands', JSON.stringify(plan.testCommands));
  io.setOutput('changed-paths-summary', plan.summary);
  io.setOutput('pr-number', prNumber ?? '');
}
