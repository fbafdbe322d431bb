# =============================================================================
# Everything below is only for "--fast": it runs the program above on a virtual
# clock, so that it finishes at once and gives the same result on every run.
# You can delete it.  Queue Lab's tests use it to compare the lab's simulation
# with real CPython (python3 prog.py --fast --trace prints JSON Lines).
#   --fast           the same lines, on a virtual clock
#   --fast --trace   one JSON object per event, then an "end" record
#   --horizon T      stop at virtual time T (seconds)
# The stock asyncio event loop runs unchanged; only the clock, the wait in
# select(), the order of timers due at the same moment and threads are virtual.
# =============================================================================
import heapq as _heapq
import itertools as _itertools
import json as _json
import selectors as _selectors
import threading as _threading
import time as _real_time
import traceback as _traceback
import weakref as _weakref

_CLOCK = None


class _Stop(SystemExit):
    """Ends the run (hang or horizon). A SystemExit: tasks and threads let it through."""


class _Clock:
    """Virtual time, sleeping threads and the baton that lets one thread run at a time."""

    def __init__(self, horizon):
        self.now = 0.0
        self.horizon = horizon
        self.status = None          # 'hang' or 'horizon' once the run has stopped
        self.blocked = []           # at a hang: [{'task', 'waiting_on'}]
        self.seq = 0                # trace events written so far
        self.cleanup_seq = None     # seq of the first event after main() returned or raised
        self.loop = None
        self.threads = []           # started threads, in start order
        self._sleepers = []         # heap of (wakes_at, order, thread)
        self._order = _itertools.count()
        self._main_turn = _threading.Lock()   # the baton: each thread has a lock like this one
        self._main_turn.acquire()
        self._killing = False

    # The main thread hands the baton to one thread and blocks until that thread sleeps or ends:
    # exactly one of them runs at a time, so a plain lock per thread is all the hand-off needs.
    def _hand(self, thread):
        thread._turn.release()
        self._main_turn.acquire()

    def thread_started(self, thread):
        self.threads.append(thread)
        self._hand(thread)          # Thread.start() runs it until its first sleep

    def thread_ends(self, thread):
        self._main_turn.release()

    def sleep(self, secs):
        if secs < 0:
            raise ValueError('sleep length must be non-negative')
        me = _threading.current_thread()
        if isinstance(me, _VirtualThread):
            _heapq.heappush(self._sleepers, (self.now + secs, next(self._order), me))
            self._main_turn.release()
            me._turn.acquire()
            if self._killing:
                raise _Stop()
            return
        # time.sleep() in the event loop's thread: the whole loop is frozen
        target = self.now + secs
        self.run_threads(target, before=next(self._order))
        if self.horizon is not None and target > self.horizon:
            self.stop('horizon')
        self.now = target

    def run_threads(self, until, before=None):
        """Run the sleeping threads due by 'until', earliest first (ties: in the order they went to sleep)."""
        while self._sleepers:
            wakes_at, order, thread = self._sleepers[0]
            if wakes_at > until or (wakes_at == until and before is not None and order > before):
                return
            if self.horizon is not None and wakes_at > self.horizon:
                self.stop('horizon')
            _heapq.heappop(self._sleepers)
            if wakes_at > self.now:
                self.now = wakes_at
            self._hand(thread)

    def select(self, timeout):
        """The loop would wait here: run due threads, then jump to the next timer (or stop)."""
        if timeout == 0:                                  # callbacks are ready
            self.run_threads(self.now)
            return
        scheduled = self.loop._scheduled
        self.run_threads(scheduled[0]._when if scheduled else float('inf'))
        if not scheduled:
            self.stop('hang')
        when = scheduled[0]._when
        if self.horizon is not None and when > self.horizon:
            self.stop('horizon')
        if when > self.now:
            self.now = when

    def stop(self, status):
        if status == 'horizon':
            self.now = float(self.horizon)
        if status == 'hang':
            self.blocked = self._blocked()
        self.status = status
        raise _Stop()

    def _blocked(self):
        """At a hang: every pending task, in creation order, with what it awaits."""
        if self.loop is None:
            return []
        return [{'task': task.get_name(), 'waiting_on': _waiting_on(task)}
                for task in self.loop._tasks_in_order() if not task.done()]

    def kill_threads(self):
        """Let each sleeping thread wake into _Stop (silently ends it), then join it."""
        self._killing = True
        while self._sleepers:
            _, _, thread = _heapq.heappop(self._sleepers)
            self._hand(thread)
        for thread in self.threads:
            thread.join(1.0)


_WAITS = {
    asyncio.Queue.get.__code__: 'Queue.get',
    asyncio.Queue.put.__code__: 'Queue.put',
    asyncio.Queue.join.__code__: 'Queue.join',
    asyncio.sleep.__code__: 'sleep',
    asyncio.wait.__code__: 'asyncio.wait',
}


def _waiting_on(task):
    """What a pending task awaits: the first well-known coroutine down its await chain, else its future."""
    awaitable = task.get_coro()
    while hasattr(awaitable, 'cr_code'):
        if awaitable.cr_code in _WAITS:
            return _WAITS[awaitable.cr_code]
        awaitable = awaitable.cr_await
    future = task._fut_waiter
    if isinstance(future, asyncio.Task):
        return 'task ' + future.get_name()
    if type(future).__name__ == '_GatheringFuture':
        return 'asyncio.gather'
    return 'future'


class _VirtualSelector(_selectors.SelectSelector):
    def __init__(self, clock):
        super().__init__()
        self._clock = clock

    def select(self, timeout=None):
        self._clock.select(timeout)
        return []


class _Timer(asyncio.TimerHandle):
    """A timer that breaks ties of 'when' by scheduling order (CPython's heap alone would not)."""
    __slots__ = ('_order',)

    def __lt__(self, other):
        return (self._when, self._order) < (other._when, other._order)

    def __le__(self, other):
        return (self._when, self._order) <= (other._when, other._order)

    def __gt__(self, other):
        return (self._when, self._order) > (other._when, other._order)

    def __ge__(self, other):
        return (self._when, self._order) >= (other._when, other._order)


class _VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self, clock):
        self._clock = clock
        self._timer_order = _itertools.count()
        self._task_refs = []
        super().__init__(_VirtualSelector(clock))
        clock.loop = self

    def time(self):
        return self._clock.now

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = _Timer(when, callback, args, self, context)
        timer._order = next(self._timer_order)
        _heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def create_task(self, coro, **kwargs):
        task = super().create_task(coro, **kwargs)
        if not self._task_refs:
            task.set_name('main')                        # asyncio.run's task for main()
        self._task_refs.append(_weakref.ref(task))
        return task

    def _tasks_in_order(self):
        return [task for task in (ref() for ref in self._task_refs) if task is not None]

    def _run_once(self):
        if self._clock.status is not None:
            raise _Stop()
        super()._run_once()

    def call_exception_handler(self, context):
        if self._clock.status is None:
            super().call_exception_handler(context)


class _VirtualThread(_threading.Thread):
    def start(self):
        self.daemon = True          # the virtual clock waits for it, as the interpreter would
        self._turn = _threading.Lock()
        self._turn.acquire()
        super().start()
        _CLOCK.thread_started(self)

    def run(self):
        self._turn.acquire()
        try:
            super().run()
        except _Stop:
            pass                    # stopped at the horizon: end quietly
        finally:
            _CLOCK.thread_ends(self)


class _VirtualTime:
    """Stands in for the time module: sleep() and the clocks are virtual."""

    def __init__(self, clock):
        self._clock = clock

    def sleep(self, secs):
        self._clock.sleep(secs)

    def monotonic(self):
        return self._clock.now

    time = perf_counter = monotonic

    def __getattr__(self, name):
        return getattr(_real_time, name)


class _VirtualThreading:
    """Stands in for the threading module: Thread runs under the baton."""
    Thread = _VirtualThread

    def __getattr__(self, name):
        return getattr(_threading, name)


def _human_wait(entry):
    waiting = entry['waiting_on']
    if waiting.startswith('task '):
        return f"  {entry['task']}: waiting for {waiting}"
    if waiting == 'sleep':
        return f"  {entry['task']}: sleeping in asyncio.sleep"
    return f"  {entry['task']}: waiting in {waiting}"


def _run_fast(main, horizon):
    global _CLOCK
    args = sys.argv[1:]
    trace = '--trace' in args
    if '--horizon' in args:
        horizon = float(args[args.index('--horizon') + 1])
    clock = _CLOCK = _Clock(horizon)
    program = globals()
    program['time'] = _VirtualTime(clock)
    program['threading'] = _VirtualThreading()
    program['START'] = 0.0
    shown = program['log']

    def log(q, name, event, item=MISSING):
        if clock.status is not None or clock._killing:
            if clock._killing and isinstance(_threading.current_thread(), _VirtualThread):
                raise _Stop()       # a thread that never sleeps still logs: stop it here
            return
        if not trace:
            shown(q, name, event, item)
            return
        record = {'seq': clock.seq, 't': clock.now, 'actor': name, 'event': event}
        if item is not MISSING:
            record['item'] = item
        record['qsize'] = q.qsize()
        clock.seq += 1
        print(_json.dumps(record))

    program['log'] = log
    runner = asyncio.Runner(loop_factory=lambda: _VirtualLoop(clock))
    error = None
    try:
        try:
            runner.run(main())
        except _Stop:
            raise
        except BaseException as exc:
            error = exc
        clock.cleanup_seq = clock.seq
        runner.close()                     # asyncio.run cancels the tasks still pending
        clock.run_threads(float('inf'))    # the interpreter waits for the threads
    except _Stop:
        try:
            runner.close()
        except _Stop:
            pass
    finally:
        if clock.status is not None and clock.loop is not None:
            for task in clock.loop._tasks_in_order():
                if not task.done():
                    try:
                        task.get_coro().close()
                    except BaseException:
                        pass
        clock.kill_threads()

    # A run cut short stays 'hang' or 'horizon' even after main raised (the threads were still going).
    status = clock.status or ('error' if error is not None else 'completed')
    if trace:
        end = {'seq': clock.seq, 't': clock.now, 'actor': 'loop', 'event': 'end', 'status': status,
               'blocked': clock.blocked if status == 'hang' else []}
        if status == 'error':
            end['exception'] = type(error).__name__
            end['message'] = str(error)
        if clock.cleanup_seq is not None:   # main() returned or raised: asyncio.run's cleanup began here
            end['cleanup_seq'] = clock.cleanup_seq
        print(_json.dumps(end))
    elif status == 'hang':
        print(f'hang at t={clock.now:.3f}: the program will never exit')
        for entry in clock.blocked:
            print(_human_wait(entry))
    elif status == 'horizon':
        print(f'horizon at t={clock.now:.3f}: stopped, the program was still running')
    elif status == 'error':
        sys.stdout.flush()
        _traceback.print_exception(error)
        print(f'error at t={clock.now:.3f}: {describe(error)}')
    sys.stdout.flush()
    sys.exit({'completed': 0, 'horizon': 0, 'error': 1, 'hang': 2}[status])
