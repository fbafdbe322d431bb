/** The documented limits of a scenario (docs/scenario.md); validation names the one that is broken. */
export const LIMITS = {
  nameLength: 200,
  groups: 8,
  producersPerGroup: 64,
  consumersPerGroup: 256,
  items: 10_000_000,
  // the most items the page keeps in a queue (each of its time-travel checkpoints holds them all): a bounded queue
  // runs to the brim, an unbounded one is paused past it (src/worker/runner.ts)
  maxsize: 200_000,
  time: 1_000_000, // any duration or distribution value, in seconds
  // below 2^24 s, where now + 1e-9 == now and CPython's loop can no longer tell a timer is due
  horizon: 10_000_000,
  // puts a sleep-free producer makes in one step on an unbounded queue
  itemsInOneStep: 200_000,
  listValues: 1000,
  formatLength: 100,
  seed: Number.MAX_SAFE_INTEGER,
} as const;

/** Names the generated program uses itself (modules, variables, keywords, builtins); a group may not take them. */
export const PROGRAM_NAMES: ReadonlySet<string> = new Set([
  // modules and module-level names
  'asyncio', 'itertools', 'queue', 'random', 'sys', 'threading', 'time', 'START', 'MISSING', 'log', 'describe', 'main',
  // variables and loop variables inside the functions
  'q', 'n', 'i', 'name', 'item', 'exc', 'consumers', 'producers', 'task',
  // keywords (soft ones too)
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type',
  // builtins (3.11-3.13)
  ...'ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError PythonFinalizationError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip'.split(' '),
]);
