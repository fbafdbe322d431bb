/**
 * Python exceptions raised inside the simulated program. They are plain objects, not JS Errors: the engine throws
 * them through generators the way CPython throws them through coroutines, and a JS Error escaping the engine is
 * always an engine bug, never program behaviour.
 */
export class PyException {
  /** Python's class name: `QueueFull`, `ValueError`, ... */
  readonly pyName: string;
  readonly message: string;
  /** BaseException but not Exception (only CancelledError here): `except Exception` does not catch it. */
  readonly isBase: boolean;

  constructor(pyName: string, message = '', isBase = false) {
    this.pyName = pyName;
    this.message = message;
    this.isBase = isBase;
  }

  /** `Name` or `Name: message`, as the generated program's describe(exc) prints it. */
  describe(): string {
    return this.message === '' ? this.pyName : `${this.pyName}: ${this.message}`;
  }
}

export class CancelledError extends PyException {
  constructor(message = '') {
    super('CancelledError', message, true);
  }
}

export const queueFull = (): PyException => new PyException('QueueFull');
export const queueEmpty = (): PyException => new PyException('QueueEmpty');
export const queueShutDown = (): PyException => new PyException('QueueShutDown');
export const threadQueueEmpty = (): PyException => new PyException('Empty');

export function isPyException(e: unknown): e is PyException {
  return e instanceof PyException;
}

/** An internal invariant of the engine broke: this is a bug in Queue Lab, not in the simulated program. */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}
