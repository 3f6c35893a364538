/**
 * Rows of the upstream eval database as this product reads them.
 *
 * Timestamps keep upstream's string semantics (eval/src/eval/types.py `Trial.from_row`):
 * NULL `started_at` / `chaos_injected_at` / `ended_at` become `""`, NULL `ticket_created_at` /
 * `resolved_at` stay `null`. Text is whatever PostgreSQL printed (session TimeZone UTC), e.g.
 * `2026-02-10 12:34:56.123456+00`, or an ISO string; `core/time.ts` parses both with microsecond
 * precision.
 *
 * JSON columns hold the value the driver decoded from JSONB. A value that is itself a string is a
 * double-encoded row and is parsed again by `core/json.ts`, as upstream's `safe_json_loads` does.
 */
export interface CampaignRecord {
  id: number;
  subjectName: string;
  name: string;
  trialCount: number;
  baseline: boolean;
  continuous: boolean;
  notable: boolean;
  notes: string;
  variantName: string;
  gitCommitHash: string;
  createdAt: string;
}

/** A trial's timestamps as upstream's `trials` table holds them (ISO text). */
export interface TrialTimes {
  startedAt: string;
  chaosInjectedAt: string;
  ticketCreatedAt: string | null;
  resolvedAt: string | null;
  endedAt: string;
}

export interface TrialRecord extends TrialTimes {
  id: number;
  campaignId: number;
  finalState: unknown;
  chaosMetadata: unknown;
  /**
   * The agent's tool calls. When `commandStats` is set the reader counted them in SQL and this
   * holds only what evidence needs (possibly nothing until `EvalReader.getTrialCommands`).
   */
  commands: unknown;
  /** Upstream's `command_count` and `unique_commands`, computed by the database for JSON arrays. */
  commandStats?: { count: number; unique: number };
}

type WorkItemStatus = 'pending' | 'running' | 'completed' | 'failed' | (string & {});

export interface WorkItemRecord {
  id: number;
  campaignId: number;
  subjectType: string;
  chaosType: string;
  chaosParams: unknown;
  baseline: boolean;
  status: WorkItemStatus;
  workerId: string | null;
  claimedAt: string | null;
  completedAt: string | null;
  trialId: number | null;
  error: string | null;
  sequenceNumber: number | null;
  vmName: string | null;
  resolutionTimeout: number | null;
}

/** Everything the pure analysis needs about one campaign. */
export interface CampaignData {
  campaign: CampaignRecord;
  trials: TrialRecord[];
  workItems: WorkItemRecord[];
}

/** The work item a trial came from, as far as the analysis needs it to identify the trial. */
export type TrialWorkItem = Pick<
  WorkItemRecord,
  'id' | 'subjectType' | 'chaosType' | 'chaosParams' | 'baseline'
>;

/** Work items sharing subject, chaos type, params and baseline (or a single one). */
export interface WorkItemGroup {
  subjectType: string;
  chaosType: string;
  chaosParams: unknown;
  baseline: boolean;
  /** The largest resolution_timeout of the group; null when none is set. */
  resolutionTimeout: number | null;
}

/** What the analysis needs of a campaign's work items, whatever their number. */
export interface WorkItemSummary {
  /** In the order of each group's first work item (by id). */
  groups: WorkItemGroup[];
  statuses: { total: number; pending: number; running: number; completed: number; failed: number };
  /** Failed work items that left no trial row, by id. */
  broken: WorkItemRecord[];
}
