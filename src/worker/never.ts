/**
 * The end of every switch over a message's `type` or `kind`, on both sides of the worker boundary: a kind added to
 * a union and left unhandled somewhere fails `tsc` there, instead of falling through in silence.
 */
export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}
