/**
 * An engine failure as data (a JS error thrown inside the engine or the worker): the page words it, shows the
 * message as detail and the stack behind "Technical details". Nothing reads the message to decide anything.
 */
export interface EngineFault {
  kind: 'engineError';
  /** The error's class (`Error`, `TypeError`, `EngineError`), or '' for a thrown non-error. */
  name: string;
  message: string;
  /** The JS stack as the worker saw it ('' when there is none). */
  stack: string;
}

export function faultOf(e: unknown): EngineFault {
  if (e instanceof Error) return { kind: 'engineError', name: e.name, message: e.message, stack: e.stack ?? '' };
  return { kind: 'engineError', name: '', message: String(e), stack: '' };
}

/** The error's own words, as JS prints it (`TypeError: x is undefined`): shown verbatim as a detail. */
export const faultDetail = (f: EngineFault): string => (f.name === '' ? f.message : `${f.name}: ${f.message}`);
