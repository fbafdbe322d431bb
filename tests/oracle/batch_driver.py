"""Run many generated Queue Lab programs in one interpreter, to save its start-up time.

stdin:  a JSON list of jobs, {"code": program text, "args": [command-line arguments], "timeout": seconds (30)}.
stdout: one JSON line per job, in order: {"i", "exit", "stdout", "stderr", "ms"}.

Each program runs as __main__ in a fresh namespace (its own globals, clock and event loop), with sys.argv set,
stdout and stderr captured, and SystemExit turned into the exit status, as if it had run as `python3 prog.py ARGS`.
Programs share the interpreter's modules; the generated ones reset what they use (random.seed at import).

Speed: the --fast block is the same text in every program, so it is compiled once; the modules the programs use
are imported up front and gc.freeze() keeps them out of later collections. A program then costs its own run.
"""
import asyncio  # noqa: F401  (imported once for all programs)
import contextlib
import gc
import heapq  # noqa: F401
import io
import itertools  # noqa: F401
import json
import queue  # noqa: F401
import random  # noqa: F401
import selectors  # noqa: F401
import signal
import sys
import threading  # noqa: F401
import time
import traceback
import weakref  # noqa: F401

# Where the generated program's --fast block begins and where its last statement (the call) begins.
BLOCK_START = '\n# =============================================================================\n# Everything below is only for "--fast"'
FAST_CALL = "\nif __name__ == '__main__' and '--fast' in sys.argv:"
_blocks = {}


def compiled(code, filename):
    """The program as code objects to run in turn: its own part, the (cached) --fast block, the final call."""
    start, call = code.find(BLOCK_START), code.rfind(FAST_CALL)
    if start < 0 or call < start:
        return [compile(code, filename, 'exec')]
    block = code[start:call]
    if block not in _blocks:
        _blocks[block] = compile(block, filename + ' (the --fast block; line numbers count from its start)', 'exec')
    ending = '\n' * code.count('\n', 0, call) + code[call:]   # padded so that its line numbers are right
    return [compile(code[:start], filename, 'exec'), _blocks[block], compile(ending, filename, 'exec')]


class JobTimeout(KeyboardInterrupt):
    """The program ran too long in real time (a loop in which virtual time never advances?).

    A KeyboardInterrupt, so that asyncio tasks let it through and the program's --fast runner ends the run with
    status 'error' and exception 'JobTimeout'; the alarm repeats every second until the program has unwound.
    """


def _alarm(signum, frame):
    raise JobTimeout('the program ran past its real-time limit')


def run(k, job):
    out, err = io.StringIO(), io.StringIO()
    namespace = {'__name__': '__main__', '__file__': f'scenario_{k}.py', '__builtins__': __builtins__}
    saved_argv = sys.argv
    sys.argv = [f'scenario_{k}.py', *job.get('args', [])]
    status = 0
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            try:
                signal.setitimer(signal.ITIMER_REAL, job.get('timeout', 30.0), 1.0)
                for part in compiled(job['code'], f'scenario_{k}.py'):
                    exec(part, namespace)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:
            traceback.print_exc()
            status = 1
        finally:
            namespace.clear()
    sys.argv = saved_argv
    ms = (time.perf_counter() - started) * 1000
    return {'i': k, 'exit': status, 'stdout': out.getvalue(), 'stderr': err.getvalue(), 'ms': round(ms, 3)}


def main():
    jobs = json.load(sys.stdin)
    signal.signal(signal.SIGALRM, _alarm)
    gc.collect()
    gc.freeze()
    for k, job in enumerate(jobs):
        sys.stdout.write(json.dumps(run(k, job)) + '\n')
        if k % 64 == 63:
            gc.collect()
    sys.stdout.flush()


if __name__ == '__main__':
    main()
