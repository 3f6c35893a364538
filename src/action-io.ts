import * as core from '@actions/core';
import type { CommandIO, InputSource } from './commands/command.js';
import { abortOnSignals } from './signals.js';
import { inertText, SecretMasker, type Logger } from './logger.js';

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

/** A Logger over @actions/core that masks secrets itself as well as registering them. */
function actionLogger(masker: SecretMasker): Logger {
  return {
    debug: (m) => core.debug(masker.mask(m)),
    info: (m) => core.info(inertText(masker.mask(m))),
    warning: (m) => core.warning(masker.mask(m)),
    error: (m) => core.error(masker.mask(m)),
    group: (name, fn) => core.group(masker.mask(name), fn),
  };
}

class ActionMasker extends SecretMasker {
  override add(secret: string | undefined): void {
    super.add(secret);
    if (secret) core.setSecret(secret);
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
    setOutput: (name, value) => core.setOutput(name, masker.mask(String(value))),
    appendSummary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(masker.mask(markdown), true).write();
    },
    print: (text) => core.info(inertText(masker.mask(text))),
  };
}
