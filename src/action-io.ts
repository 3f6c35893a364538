import type { CommandIO, InputSource } from './commands/command.js';
import { abortOnSignals } from './signals.js';
import { inertText, SecretMasker, type Logger } from './logger.js';
import {
  appendJobSummary,
  logGroup,
  logLine,
  setOutput,
  workflowCommand,
} from './runner-commands.js';

/** Inputs as the runner passes them: `INPUT_<NAME>` with the name upper-cased, hyphens kept. */
export function actionInputSource(env: NodeJS.ProcessEnv): InputSource {
  return {
    get(name) {
      const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
      return value ? value : undefined;
    },
    givenNames() {
      return Object.entries(env)
        .filter(([key, value]) => key.startsWith('INPUT_') && value?.trim())
        .map(([key]) => key.slice('INPUT_'.length).toLowerCase());
    },
  };
}

/** A Logger over workflow commands that masks secrets itself as well as registering them. */
function actionLogger(masker: SecretMasker): Logger {
  return {
    debug: (m) => workflowCommand('debug', masker.mask(m)),
    info: (m) => logLine(inertText(masker.mask(m))),
    warning: (m) => workflowCommand('warning', masker.mask(m)),
    error: (m) => workflowCommand('error', masker.mask(m)),
    group: (name, fn) => logGroup(masker.mask(name), fn),
  };
}

class ActionMasker extends SecretMasker {
  override add(secret: string | undefined): void {
    super.add(secret);
    if (secret) workflowCommand('add-mask', secret);
  }
}

export function actionIO(env: NodeJS.ProcessEnv): CommandIO {
  const masker = new ActionMasker();
  const logger = actionLogger(masker);
  return {
    signal: abortOnSignals(),
    surface: 'action',
    logger,
    masker,
    env,
    cwd: env.GITHUB_WORKSPACE || process.cwd(),
    setOutput: (name, value) => setOutput(name, masker.mask(String(value)), env),
    appendSummary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return;
      await appendJobSummary(
        masker.mask(typeof markdown === 'function' ? markdown() : markdown),
        env,
      );
    },
    print: (text) => logLine(inertText(masker.mask(text))),
  };
}
