/**
 * Whether items may fly: an eye follows a few flights a second; beyond that the picture turns calm (items appear
 * where they land) and stays calm a moment, so it does not flicker between the two at the edge.
 */
/** Moves an eye can follow per second, counted over the last WINDOW_MS. */
export const FOLLOWABLE_PER_S = 12;
const WINDOW_MS = 1000;
/** After too many, no flights for this long. */
const CALM_MS = 1500;
/** More moves than this in one snapshot: too many at once, whatever the rate. */
const MAX_BATCH = 4;

export class FlightPace {
  private seen: { at: number; n: number }[] = [];
  private calmUntil = -Infinity;

  /** `n` moves arrive at wall time `now` (ms): whether they may fly. */
  allow(now: number, n: number): boolean {
    if (n > 0) this.seen.push({ at: now, n });
    while (this.seen.length > 0 && now - this.seen[0]!.at >= WINDOW_MS) this.seen.shift();
    const rate = this.seen.reduce((s, x) => s + x.n, 0) * (1000 / WINDOW_MS);
    if (rate > FOLLOWABLE_PER_S || n > MAX_BATCH) this.calmUntil = now + CALM_MS;
    return now >= this.calmUntil;
  }

  /** Whether the picture is calm at `now` (for the test hook). */
  calm(now: number): boolean {
    return now < this.calmUntil;
  }

  clear(): void {
    this.seen = [];
    this.calmUntil = -Infinity;
  }
}
