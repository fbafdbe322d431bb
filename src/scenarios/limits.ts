/** The documented limits of a scenario (docs/scenario.md); validation names the one that is broken. */
export const LIMITS = {
  nameLength: 200,
  groups: 8,
  producersPerGroup: 64,
  consumersPerGroup: 256,
  items: 10_000_000,
  maxsize: 1_000_000,
  time: 1_000_000, // any duration or distribution value, in seconds
  horizon: 1_000_000_000,
  listValues: 1000,
  formatLength: 100,
  seed: Number.MAX_SAFE_INTEGER,
} as const;

/** Names the generated program uses itself; a group may not take them. */
export const RESERVED_NAMES = new Set([
  'main', 'log', 'describe', 'asyncio', 'random', 'time', 'threading', 'itertools', 'sys', 'json', 'q', 'n', 'i',
  'name', 'item', 'exc', 'consumers', 'producers', 'tasks', 'MISSING',
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'print', 'range', 'len', 'list', 'str',
  'int', 'float', 'type', 'object', 'id', 'set', 'dict', 'tuple', 'next', 'iter', 'repr',
]);
