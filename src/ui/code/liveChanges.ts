/** The live changes of the current run (the store keeps them: store/liveChanges.ts), for the code panel. */
import { useLabStore } from '../../store/context';
import type { LiveChange } from '../../store/liveChanges';

export { addChange, rateKey, type LiveChange, type LiveWhat } from '../../store/liveChanges';

/** The live changes of the current run, oldest first. */
export function useLiveChanges(): LiveChange[] {
  return useLabStore((s) => s.liveChanges);
}
