/**
 * The loop simulator's pure core: synthetic retry campaigns with known true win rates, replayed
 * under trial policies (a fixed number of trials per combination, or adaptive top-up) through the
 * same decision rule `compare` uses. Seeded, so the same options give the same summary.
 *
 * Every policy sees the same random outcomes and durations for a combination (common random
 * numbers): the k-th trial of a combination succeeds or fails alike whichever policy runs it, so
 * differences between policies are the policies', not the dice's.
 */
import { seededRandom } from './random.js';
import { decideCombination, type RowVerdict, type Tally, type TrialBudget } from './sequential.js';

type ScenarioKind = 'fixed' | 'unchanged' | 'partly fixed' | 'regressed' | 'flaky';
const SCENARIOS: readonly ScenarioKind[] = [
  'fixed',
  'unchanged',
  'partly fixed',
  'regressed',
  'flaky',
];

export interface Policy {
  name: string;
  budget: TrialBudget;
}

export const DEFAULT_POLICIES: readonly Policy[] = [
  { name: 'fixed 3', budget: { roundTrials: 3, maxTrials: 3 } },
  { name: 'fixed 6', budget: { roundTrials: 6, maxTrials: 6 } },
  { name: 'fixed 9', budget: { roundTrials: 9, maxTrials: 9 } },
  { name: 'adaptive', budget: { roundTrials: 3, maxTrials: 9 } },
];

export interface SimulationOptions {
  campaigns: number;
  seed: number;
  /** Workers draining a campaign at once (the seed runs 3). */
  workers: number;
  /** Mean minutes per trial; each trial takes 80–120 % of it. */
  trialMinutes: number;
  /** From a round's end to the next round's first trial (reconcile picks it up, workers start). */
  topUpDelayMinutes: number;
  target: number;
  /** Trials per combination in the campaign that was retried. */
  beforeTrials: number;
}

export const DEFAULT_SIMULATION: SimulationOptions = {
  campaigns: 2500,
  seed: 14,
  workers: 3,
  trialMinutes: 20,
  topUpDelayMinutes: 15,
  target: 0.9,
  beforeTrials: 3,
};

interface SimulatedCombination {
  p_before: number;
  p_after: number;
  before: Tally;
  /** Outcomes and durations (minutes) of the retry's trials, in the order they run. */
  outcomes: boolean[];
  durations: number[];
}

export interface SimulatedCampaign {
  scenario: ScenarioKind;
  combinations: SimulatedCombination[];
}

const FAILING_RATES = [0, 0.1, 0.2, 1 / 3, 0.5];
const FIXED_RATES = [1, 1, 0.97, 0.95];
const HALF_FIXED_RATES = [0.6, 0.7, 0.8];
const FLAKY_RATES = [0.5, 0.6, 0.7, 0.8, 0.85];
const PASSING_BEFORE_RATES = [2 / 3, 0.8];
const REGRESSED_RATES = [0.1, 0.3];

type TrueRates = [before: number, after: number];

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

function trueRates(rng: () => number, scenario: ScenarioKind): TrueRates {
  const unchanged = (): TrueRates => {
    const p = pick(rng, FAILING_RATES);
    return [p, p];
  };
  const fixed = (): TrueRates => [pick(rng, FAILING_RATES), pick(rng, FIXED_RATES)];
  const roll = rng();
  switch (scenario) {
    case 'fixed':
      return fixed();
    case 'unchanged':
      return unchanged();
    case 'partly fixed':
      if (roll < 0.4) return fixed();
      if (roll < 0.8) return unchanged();
      return [pick(rng, FAILING_RATES), pick(rng, HALF_FIXED_RATES)];
    case 'regressed':
      if (roll < 0.5) return [pick(rng, PASSING_BEFORE_RATES), pick(rng, REGRESSED_RATES)];
      return unchanged();
    case 'flaky': {
      const p = pick(rng, FLAKY_RATES);
      return [p, p];
    }
  }
}

/** The campaign's tally, drawn again until it failed: only failing combinations are retried. */
function failingTally(rng: () => number, p: number, trials: number, target: number): Tally {
  for (;;) {
    let successes = 0;
    for (let i = 0; i < trials; i += 1) if (rng() < p) successes += 1;
    if (successes / trials < target) return { successes, trials };
  }
}

export function generateCampaigns(
  options: SimulationOptions,
  maxTrials: number,
): SimulatedCampaign[] {
  const rng = seededRandom(options.seed);
  const campaigns: SimulatedCampaign[] = [];
  for (let c = 0; c < options.campaigns; c += 1) {
    const scenario = SCENARIOS[c % SCENARIOS.length] as ScenarioKind;
    const size = 3 + Math.floor(rng() * 6);
    const combinations: SimulatedCombination[] = [];
    for (let i = 0; i < size; i += 1) {
      const [pBefore, pAfter] = trueRates(rng, scenario);
      const before = failingTally(rng, pBefore, options.beforeTrials, options.target);
      const outcomes: boolean[] = [];
      const durations: number[] = [];
      for (let t = 0; t < maxTrials; t += 1) {
        outcomes.push(rng() < pAfter);
        durations.push(options.trialMinutes * (0.8 + 0.4 * rng()));
      }
      combinations.push({ p_before: pBefore, p_after: pAfter, before, outcomes, durations });
    }
    campaigns.push({ scenario, combinations });
  }
  return campaigns;
}

interface CombinationRun {
  trials: number;
  verdict: RowVerdict;
  truly_fixed: boolean;
}

interface CampaignRun {
  combinations: CombinationRun[];
  rounds: number;
  trial_minutes: number;
  wall_minutes: number;
}

/** Wall time of one round: trials in queue order, each to the first free worker. */
function roundWallMinutes(durations: readonly number[], workers: number): number {
  const free = new Array<number>(workers).fill(0);
  for (const d of durations) {
    let w = 0;
    for (let i = 1; i < workers; i += 1) if ((free[i] as number) < (free[w] as number)) w = i;
    free[w] = (free[w] as number) + d;
  }
  return Math.max(...free);
}

/** One campaign under one policy: rounds of trials until every combination is decided. */
function runCampaign(
  campaign: SimulatedCampaign,
  policy: Policy,
  options: SimulationOptions,
): CampaignRun {
  const { budget } = policy;
  const ran = campaign.combinations.map(() => 0);
  let pending = campaign.combinations.map((_, i) => ({
    index: i,
    trials: Math.min(budget.roundTrials, budget.maxTrials),
  }));
  const verdicts: RowVerdict[] = campaign.combinations.map(() => 'inconclusive');
  let rounds = 0;
  let trialMinutes = 0;
  let wallMinutes = 0;
  while (pending.length > 0) {
    if (rounds > 0) wallMinutes += options.topUpDelayMinutes;
    rounds += 1;
    const durations: number[] = [];
    for (const { index, trials } of pending) {
      const combination = campaign.combinations[index]!;
      const start = ran[index]!;
      durations.push(...combination.durations.slice(start, start + trials));
      ran[index] = start + trials;
    }
    trialMinutes += durations.reduce((sum, d) => sum + d, 0);
    wallMinutes += roundWallMinutes(durations, options.workers);
    const next: typeof pending = [];
    for (const { index } of pending) {
      const combination = campaign.combinations[index]!;
      const n = ran[index]!;
      const successes = combination.outcomes.slice(0, n).filter(Boolean).length;
      const decision = decideCombination(
        combination.before,
        { successes, trials: n },
        options.target,
        budget,
      );
      verdicts[index] = decision.verdict;
      if (!decision.decided) next.push({ index, trials: decision.next_trials });
    }
    pending = next;
  }
  return {
    combinations: campaign.combinations.map((c, i) => ({
      trials: ran[i]!,
      verdict: verdicts[i]!,
      truly_fixed: c.p_after >= options.target,
    })),
    rounds,
    trial_minutes: trialMinutes,
    wall_minutes: wallMinutes,
  };
}

export interface PolicySummary {
  name: string;
  /** Mean trial-minutes per retry campaign (all rounds). */
  trial_minutes: number;
  /** "fixed" verdicts among combinations whose true win rate is below the target. */
  false_fixed_rate: number;
  /** Any other verdict among combinations whose true win rate meets the target: a missed fix. */
  false_failing_rate: number;
  /** Mean minutes from the merge (first trial) to the last combination's verdict. */
  merge_to_verdict_minutes: number;
  decisions: number;
  trials_per_combination: number;
  max_trials_per_combination: number;
  rounds: number;
  inconclusive_rate: number;
}

export interface GoalCheck {
  false_fixed_cap: number;
  min_trial_minutes_saved: number;
  /** Cheapest fixed policy whose error rates are both at most adaptive's; null when none is. */
  baseline: string | null;
  trial_minutes_saved: number | null;
  met: boolean;
  statement: string;
}

export interface SimulationSummary {
  seed: number;
  campaigns: number;
  target: number;
  workers: number;
  trial_minutes_mean: number;
  top_up_delay_minutes: number;
  policies: PolicySummary[];
  goal: GoalCheck;
}

function summarizePolicy(name: string, runs: readonly CampaignRun[]): PolicySummary {
  let notFixed = 0;
  let falseFixed = 0;
  let fixed = 0;
  let missed = 0;
  let decisions = 0;
  let trials = 0;
  let maxTrials = 0;
  let inconclusive = 0;
  for (const run of runs) {
    for (const c of run.combinations) {
      decisions += 1;
      trials += c.trials;
      maxTrials = Math.max(maxTrials, c.trials);
      if (c.verdict === 'inconclusive') inconclusive += 1;
      if (c.truly_fixed) {
        fixed += 1;
        if (c.verdict !== 'fixed') missed += 1;
      } else {
        notFixed += 1;
        if (c.verdict === 'fixed') falseFixed += 1;
      }
    }
  }
  const mean = (f: (r: CampaignRun) => number) =>
    runs.length ? runs.reduce((s, r) => s + f(r), 0) / runs.length : 0;
  return {
    name,
    trial_minutes: mean((r) => r.trial_minutes),
    false_fixed_rate: notFixed ? falseFixed / notFixed : 0,
    false_failing_rate: fixed ? missed / fixed : 0,
    merge_to_verdict_minutes: mean((r) => r.wall_minutes),
    decisions,
    trials_per_combination: decisions ? trials / decisions : 0,
    max_trials_per_combination: maxTrials,
    rounds: mean((r) => r.rounds),
    inconclusive_rate: decisions ? inconclusive / decisions : 0,
  };
}

const FALSE_FIXED_CAP = 0.05;
const MIN_SAVINGS = 0.3;

/**
 * The goal: at a false-"fixed" rate ≤ 5 %, adaptive spends ≥ 30 % fewer trial-minutes than the
 * cheapest fixed policy that is at least as accurate (both error rates ≤ adaptive's).
 */
export function checkGoal(policies: readonly PolicySummary[]): GoalCheck {
  const base = { false_fixed_cap: FALSE_FIXED_CAP, min_trial_minutes_saved: MIN_SAVINGS };
  const adaptive = policies.find((p) => p.name === 'adaptive');
  const baseline = policies
    .filter((p) => p.name.startsWith('fixed'))
    .filter(
      (p) =>
        adaptive &&
        p.false_fixed_rate <= adaptive.false_fixed_rate &&
        p.false_failing_rate <= adaptive.false_failing_rate,
    )
    .sort((a, b) => a.trial_minutes - b.trial_minutes)[0];
  if (!adaptive || !baseline) {
    return {
      ...base,
      baseline: null,
      trial_minutes_saved: null,
      met: false,
      statement: adaptive
        ? 'no fixed policy is as accurate as adaptive, so there is nothing to compare with'
        : 'no adaptive policy simulated',
    };
  }
  const saved = 1 - adaptive.trial_minutes / baseline.trial_minutes;
  const met = adaptive.false_fixed_rate <= FALSE_FIXED_CAP && saved >= MIN_SAVINGS;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return {
    ...base,
    baseline: baseline.name,
    trial_minutes_saved: saved,
    met,
    statement: `adaptive: false fixed ${pct(adaptive.false_fixed_rate)} (cap ${pct(FALSE_FIXED_CAP)}), ${pct(saved)} fewer trial-minutes than ${baseline.name} (false fixed ${pct(baseline.false_fixed_rate)}, false still failing ${pct(baseline.false_failing_rate)} vs adaptive's ${pct(adaptive.false_failing_rate)}); goal ≥ ${pct(MIN_SAVINGS)}: ${met ? 'met' : 'missed'}`,
  };
}

/** Generates the campaigns once and replays every policy over them. */
export function simulate(
  options: SimulationOptions = DEFAULT_SIMULATION,
  policies: readonly Policy[] = DEFAULT_POLICIES,
): SimulationSummary {
  const maxTrials = Math.max(...policies.map((p) => p.budget.maxTrials));
  const campaigns = generateCampaigns(options, maxTrials);
  const summaries = policies.map((policy) =>
    summarizePolicy(
      policy.name,
      campaigns.map((c) => runCampaign(c, policy, options)),
    ),
  );
  return {
    seed: options.seed,
    campaigns: options.campaigns,
    target: options.target,
    workers: options.workers,
    trial_minutes_mean: options.trialMinutes,
    top_up_delay_minutes: options.topUpDelayMinutes,
    policies: summaries,
    goal: checkGoal(summaries),
  };
}
