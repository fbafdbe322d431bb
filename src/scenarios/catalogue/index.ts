/**
 * The pitfall catalogue, in teaching order. Adding an entry is adding data here and its explanation in
 * explanations.ts: no other code changes.
 */
import { blockingSleep, busyPolling, forgottenTaskDone, neverStops, sentinelJoin, taskDoneTwice } from './entries1';
import { consumerCrash, putNowaitFull, queueKinds, tooFewSentinels, unboundedGrowth, unkeptTask } from './entries2';
import type { CatalogueEntry, Variant } from './types';

export const CATALOGUE: CatalogueEntry[] = [
  busyPolling,
  sentinelJoin,
  neverStops,
  forgottenTaskDone,
  taskDoneTwice,
  blockingSleep,
  consumerCrash,
  unboundedGrowth,
  tooFewSentinels,
  putNowaitFull,
  queueKinds,
  unkeptTask,
];

export function allVariants(): { entry: CatalogueEntry; variant: Variant }[] {
  return CATALOGUE.flatMap((entry) => entry.variants.map((variant) => ({ entry, variant })));
}

export type { CatalogueEntry, Explanation, Variant, Expect, Text } from './types';
