import { canonicalJson } from '../core/json.js';
import type { NewTrial } from '../db/work-queue.js';

/**
 * What one simulated trial does. Each profile reproduces a failure the seed skill describes, with
 * the timestamps, states and commands the real worker (worker.py @ c766b4b) would record.
 */
export type TrialProfile =
  | 'success'
  | 'negative-detect'
  | 'zero-detect'
  | 'no-ticket'
  | 'ticket-no-commands'
  | 'empty-final-state'
  | 'resolved-unhealthy'
  | 'unresolved-healthy'
  | 'agent-timeout'
  | 'broken'
  | 'baseline';

/**
 * The demo campaign's failure model, per chaos type and params (tikv-all-chaos-cloud.yaml):
 * the k-th trial of a combination follows the k-th profile. Together they produce every symptom.
 */
const MODEL: Record<string, TrialProfile[]> = {
  node_kill: ['success', 'success', 'success'],
  'latency|{"max_ms":150,"min_ms":50}': ['success', 'success', 'agent-timeout'],
  'latency|{"max_ms":500,"min_ms":200}': ['success', 'unresolved-healthy', 'agent-timeout'],
  network_partition: ['no-ticket', 'no-ticket', 'no-ticket'],
  process_pause: ['success', 'negative-detect', 'zero-detect'],
  'packet_loss|{"percent":30}': ['success', 'success', 'ticket-no-commands'],
  asymmetric_partition: ['success', 'resolved-unhealthy', 'broken'],
  pd_leader_kill: ['agent-timeout', 'agent-timeout', 'empty-final-state'],
  leader_concentration: ['success', 'success', 'success'],
  none: ['baseline'],
};

export function profileFor(chaosType: string, params: unknown, ordinal: number): TrialProfile {
  const paramsKey =
    params && typeof params === 'object' && Object.keys(params).length
      ? `|${canonicalJson(params)}`
      : '';
  const profiles = MODEL[`${chaosType}${paramsKey}`] ?? MODEL[chaosType] ?? ['success'];
  return profiles[ordinal % profiles.length]!;
}

/** A retry after a fix: the chaos types the simulated fix repaired now succeed. */
export function profileAfterFix(
  profile: TrialProfile,
  chaosType: string,
  fixed: ReadonlySet<string>,
): TrialProfile {
  return fixed.has(chaosType) && profile !== 'baseline' ? 'success' : profile;
}

export interface SimulatedTrial {
  /** The row to insert, or an error the work item fails with (no trial row, like upstream). */
  trial?: Omit<NewTrial, 'campaignId'>;
  error?: string;
}

const MINUTE = 60_000;

interface Shape {
  /** Seconds from chaos to the ticket, `detect` for a real detection, null for none. */
  ticket: number | 'detect' | null;
  resolved: boolean;
  commands: boolean;
  finalState: 'healthy' | 'store-down' | 'empty';
}

const SHAPES: Record<Exclude<TrialProfile, 'broken'>, Shape> = {
  success: { ticket: 'detect', resolved: true, commands: true, finalState: 'healthy' },
  'negative-detect': { ticket: -35, resolved: true, commands: true, finalState: 'store-down' },
  'zero-detect': { ticket: 0, resolved: false, commands: true, finalState: 'store-down' },
  'no-ticket': { ticket: null, resolved: false, commands: false, finalState: 'store-down' },
  'ticket-no-commands': {
    ticket: 'detect',
    resolved: false,
    commands: false,
    finalState: 'store-down',
  },
  'empty-final-state': { ticket: 'detect', resolved: true, commands: true, finalState: 'empty' },
  'resolved-unhealthy': {
    ticket: 'detect',
    resolved: true,
    commands: true,
    finalState: 'store-down',
  },
  'unresolved-healthy': {
    ticket: 'detect',
    resolved: false,
    commands: true,
    finalState: 'healthy',
  },
  'agent-timeout': { ticket: 'detect', resolved: false, commands: true, finalState: 'store-down' },
  // Without an operator the worker marks a baseline resolved when the subject is healthy.
  baseline: { ticket: null, resolved: true, commands: false, finalState: 'healthy' },
};

/**
 * Builds the trial row for a profile. `start` is the simulated wall clock at which the worker
 * began; timestamps keep upstream's formats: worker ISO with microseconds, VM clock to the second,
 * operator.db tickets as naive `YYYY-MM-DD HH:MM:SS`.
 */
export function simulateTrial(
  profile: TrialProfile,
  chaosType: string,
  params: Record<string, unknown>,
  start: Date,
  random: () => number,
): SimulatedTrial {
  if (profile === 'broken') {
    return { error: 'ssh: connect to host tikv-eval-0-3fa2c1d9 port 22: Connection timed out' };
  }
  const at = (ms: number) => new Date(start.getTime() + ms);
  const chaosAt = at(2.5 * MINUTE + Math.floor(random() * 20_000));
  const detectSec = 8 + Math.floor(random() * 30);
  const resolveSec = detectSec + 90 + Math.floor(random() * 400);
  const baseline = profile === 'baseline';
  const metadata = baseline ? {} : chaosMetadata(chaosType, params, random);
  const shape = SHAPES[profile];
  const ticketCreatedAt =
    shape.ticket === null
      ? null
      : sqliteText(
          new Date(
            chaosAt.getTime() + (shape.ticket === 'detect' ? detectSec : shape.ticket) * 1000,
          ),
        );
  const resolvedAt = shape.resolved
    ? sqliteText(new Date(chaosAt.getTime() + resolveSec * 1000))
    : null;
  const endedAt = at(
    shape.resolved ? 2.5 * MINUTE + (resolveSec + 45) * 1000 : 2.5 * MINUTE + 25 * MINUTE + 40_000,
  );
  const commandCount = shape.commands ? 3 + Math.floor(random() * 6) : 0;
  const finalState =
    shape.finalState === 'empty' ? {} : tikvState(shape.finalState === 'store-down');
  return {
    trial: {
      startedAt: start.toISOString().replace('Z', '000+00:00'),
      chaosInjectedAt: vmClockText(chaosAt),
      ticketCreatedAt,
      resolvedAt,
      endedAt: endedAt.toISOString().replace('Z', '000+00:00'),
      initialState: JSON.stringify(tikvState(false)),
      finalState: JSON.stringify(finalState),
      chaosMetadata: JSON.stringify(metadata),
      commandsJson: JSON.stringify(commands(chaosType, commandCount, chaosAt, detectSec)),
      operatorDataJson: '{}',
    },
  };
}

function sqliteText(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function vmClockText(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

function tikvState(oneStoreDown: boolean) {
  const stores = [1, 4, 5].map((id, i) => ({
    id,
    address: `tikv${i}:20160`,
    state_name: oneStoreDown && i === 1 ? 'Disconnected' : 'Up',
  }));
  return { store_count: stores.length, stores, region_count: 24 };
}

function chaosMetadata(chaosType: string, params: Record<string, unknown>, random: () => number) {
  const target = `tikv${Math.floor(random() * 3)}`;
  switch (chaosType) {
    case 'latency':
      return {
        chaos_type: chaosType,
        target_container: target,
        min_ms: params.min_ms ?? 50,
        max_ms: params.max_ms ?? 150,
      };
    case 'packet_loss':
      return { chaos_type: chaosType, target_container: target, percent: params.percent ?? 30 };
    case 'asymmetric_partition':
      return {
        chaos_type: chaosType,
        target_container: target,
        target_ip: `10.0.0.${11 + Math.floor(random() * 3)}`,
      };
    case 'pd_leader_kill':
      return {
        chaos_type: chaosType,
        target_container: 'pd0',
        original_restart_policy: 'on-failure',
      };
    case 'leader_concentration':
      return { chaos_type: chaosType, target_store_id: 1, regions_transferred: 16 };
    default:
      return { chaos_type: chaosType, target_container: target };
  }
}

const PLAYBOOK: Record<string, string[]> = {
  node_kill: [
    'docker ps -a --filter name=tikv',
    'pd-ctl store',
    'docker start {target}',
    'pd-ctl store',
  ],
  latency: [
    'pd-ctl store',
    'tc qdisc show dev eth0',
    'tc qdisc del dev eth0 root',
    'curl -s localhost:20180/metrics | grep grpc',
  ],
  network_partition: ['iptables -L -n', 'iptables -F', 'pd-ctl store'],
  process_pause: ['docker top {target}', 'kill -CONT 1', 'pd-ctl store'],
  packet_loss: ['tc qdisc show', 'tc qdisc del dev eth0 root netem', 'pd-ctl store'],
  asymmetric_partition: [
    'iptables -L OUTPUT -n',
    'iptables -D OUTPUT -d 10.0.0.12 -j DROP',
    'pd-ctl store',
  ],
  pd_leader_kill: [
    'pd-ctl -u http://localhost:2379 member',
    'docker ps -a --filter name=pd',
    'docker start pd0',
  ],
  leader_concentration: ['pd-ctl scheduler show', 'pd-ctl scheduler add balance-leader-scheduler'],
};

function commands(chaosType: string, count: number, chaosAt: Date, detectSec: number) {
  const playbook = PLAYBOOK[chaosType] ?? ['pd-ctl store'];
  return Array.from({ length: count }, (_, i) => ({
    tool_name: 'shell',
    tool_params: JSON.stringify({
      command: playbook[i % playbook.length]!.replace('{target}', 'tikv1'),
    }),
    exit_code: 0,
    timestamp: new Date(chaosAt.getTime() + (detectSec + 20 + i * 25) * 1000).toISOString(),
  }));
}

/** So every demo run tells the same story. */
export { seededRandom } from '../core/random.js';
