/**
 * Chaos types and subjects of the upstream eval harness (pikehouse/operator `eval/`).
 *
 * `CHAOS_TYPES` is the exact `valid_types` list of `ChaosSpec.validate_chaos_type` in
 * `eval/src/eval/runner/campaign.py` @ c766b4b, in upstream order (it ends with the chat-db-app and
 * chat-db-app-shard profiles, in their own order). The per-subject lists come from
 * the subject implementations (eval-harness.md §6); upstream does not check them when it loads a
 * campaign, so a mismatch only fails at injection time on the worker.
 */

/** The 19 load profiles of `chat_db_app/profiles.py`. */
const CHAT_DB_APP_PROFILE_CHAOS_TYPES = [
  'missing_index',
  'pool_exhaustion',
  'streaming_txn',
  'counter_race',
  'fulltext_search',
  'read_scale',
  'unbounded_results',
  'write_contention',
  'write_amplification',
  'correlated_subquery',
  'notification_fanout',
  'notification_counter',
  'notification_realtime',
  'notification_poll_idle',
  'notification_mark_read',
  'notification_n_plus_one',
  'notification_payload',
  'notification_cleanup',
  'notification_serialize',
] as const;

/** `SHARD_CHAOS_PROFILES` keys of `chat_db_app_shard/subject.py`. */
const CHAT_DB_APP_SHARD_CHAOS_TYPES = [
  'db_sharding',
  'db_sharding_nudge',
  'db_sharding_direct',
  'shard_fanout',
  'blob_storage',
  'online_migration',
] as const;

export const CHAOS_TYPES = [
  'node_kill',
  'latency',
  'disk_pressure',
  'network_partition',
  'memory_exhaustion',
  'cpu_starvation',
  'process_pause',
  'packet_loss',
  'asymmetric_partition',
  'pd_leader_kill',
  'leader_concentration',
  'load_pressure',
  'db_kill',
  'debug_code_edit',
  ...CHAT_DB_APP_PROFILE_CHAOS_TYPES,
  ...CHAT_DB_APP_SHARD_CHAOS_TYPES,
] as const;

export type ChaosType = (typeof CHAOS_TYPES)[number];

/** `chaos_type` of the baseline work items (`expand_campaign_matrix`); not a valid `ChaosSpec.type`. */
export const BASELINE_CHAOS_TYPE = 'none';

export const SUBJECTS = ['tikv', 'chat-db-app', 'chat-db-app-shard'] as const;

export type Subject = (typeof SUBJECTS)[number];

/** TiKV types the local subject can inject (eval-harness.md §6.1). */
export const TIKV_LOCAL_CHAOS_TYPES = [
  'node_kill',
  'latency',
  'network_partition',
  'process_pause',
  'packet_loss',
  'asymmetric_partition',
  'pd_leader_kill',
  'leader_concentration',
] as const satisfies readonly ChaosType[];

/** TiKV types the eval CLI rejects without `--cloud`. */
const TIKV_CLOUD_ONLY_CHAOS_TYPES = [
  'disk_pressure',
  'memory_exhaustion',
  'cpu_starvation',
] as const satisfies readonly ChaosType[];

/**
 * Types each subject can inject. `db_kill` is accepted by the campaign validator but no current
 * subject implements it (a legacy chat-db-app name), so it appears in no list here.
 */
const CHAOS_TYPES_BY_SUBJECT: Readonly<Record<Subject, readonly ChaosType[]>> = {
  tikv: [...TIKV_LOCAL_CHAOS_TYPES, ...TIKV_CLOUD_ONLY_CHAOS_TYPES],
  'chat-db-app': [...CHAT_DB_APP_PROFILE_CHAOS_TYPES, 'load_pressure', 'debug_code_edit'],
  'chat-db-app-shard': CHAT_DB_APP_SHARD_CHAOS_TYPES,
};

/**
 * TiKV chaos types that take down or cut off PD itself — the failures the iterate-campaign skill
 * attributes to "Monitor uses single PD endpoint" (`remote_operator.py`).
 *
 * Only `pd_leader_kill` kills a PD service. Deliberately excluded:
 * - `network_partition`: isolates a TiKV node (cloud: drops TiKV port 20160 only); PD stays up and
 *   reachable by the monitor.
 * - `leader_concentration`: injected through PD's operator API and detected from PD region stats,
 *   but PD stays healthy, so a single PD endpoint is not a failure cause.
 */
const PD_RELATED_CHAOS_TYPES = ['pd_leader_kill'] as const satisfies readonly ChaosType[];

const chaosTypeSet: ReadonlySet<string> = new Set(CHAOS_TYPES);
const pdRelatedSet: ReadonlySet<string> = new Set(PD_RELATED_CHAOS_TYPES);

export function isChaosType(value: unknown): value is ChaosType {
  return typeof value === 'string' && chaosTypeSet.has(value);
}

export function isPdRelatedChaosType(chaosType: string): boolean {
  return pdRelatedSet.has(chaosType);
}

export function subjectSupportsChaosType(subject: Subject, chaosType: string): boolean {
  return (CHAOS_TYPES_BY_SUBJECT[subject] as readonly string[]).includes(chaosType);
}

export interface WithheldCombination {
  chaos_type: string;
  params: Record<string, unknown>;
  reason: string;
}

/**
 * The failing combinations a retry campaign can carry, and those it must leave out with the
 * reason: upstream's validator rejects the whole campaign file for one chaos type it does not know
 * (a fault added upstream after this list, or trials whose `chaos_metadata.chaos_type` is missing
 * or legacy). The analysis and the report keep every combination; only their retry is withheld.
 */
export function splitRetryable<T extends { chaos_type: string; params: Record<string, unknown> }>(
  failing: readonly T[],
): { retryable: T[]; withheld: WithheldCombination[] } {
  const retryable: T[] = [];
  const withheld: WithheldCombination[] = [];
  for (const combination of failing) {
    if (isChaosType(combination.chaos_type)) {
      retryable.push(combination);
      continue;
    }
    const missing = combination.chaos_type === 'unknown' || combination.chaos_type.trim() === '';
    withheld.push({
      chaos_type: combination.chaos_type,
      params: combination.params,
      reason: missing
        ? 'its trials record no chaos type (chaos_metadata.chaos_type missing or legacy), so no campaign can name it'
        : `"${combination.chaos_type}" is not a chaos type the harness's campaign validator accepts (added upstream after this version of iterate-campaign, or retired); retry it by hand`,
    });
  }
  return { retryable, withheld };
}

/** YAML comment lines naming each withheld combination and why. */
export function withheldNote(withheld: readonly WithheldCombination[]): string {
  return withheld
    .map(
      (w) => `Withheld from the retry: ${w.chaos_type} ${JSON.stringify(w.params)} — ${w.reason}.`,
    )
    .join('\n');
}
