/**
 * Why each pitfall happens and its fix, in English and Simplified Chinese, by entry id: read only by the catalogue
 * panel, which the page fetches later (the first screen needs the entries' titles and what to watch, not these).
 */
import type { Explanation } from './types';

export const EXPLANATIONS: Record<string, Explanation> = {
  'busy-polling': {
    why: {
      en: 'get_nowait() never waits: on an empty queue it raises QueueEmpty, and the consumer sleeps a fixed second before trying again. It wakes up for nothing, and an item that arrives just after a check waits up to a whole second.',
      zh: 'get_nowait() 从不等待：队列为空时抛出 QueueEmpty，消费者固定睡 1 秒再试。它会白白醒来，而刚好在检查之后到达的元素最多要多等整整一秒。',
    },
    fix: {
      en: 'await q.get(): the consumer sleeps inside get() and the queue wakes it the moment an item is put. No wasted wake-ups, no added latency.',
      zh: '改用 await q.get()：消费者在 get() 里睡眠，一有元素放入，队列就立刻唤醒它。没有空转，也没有额外延迟。',
    },
  },
  'sentinel-join': {
    why: {
      en: 'join() counts task_done() calls, not emptiness: it returns once every put has been matched by a task_done(). The None sentinels tell each consumer to leave its loop.',
      zh: 'join() 数的是 task_done() 的调用次数，而不是队列是否为空：每一次 put 都有对应的 task_done() 之后它才返回。None 哨兵告诉每个消费者退出循环。',
    },
    fix: {
      en: 'This is the clean pattern of the second article. Without the sentinels the consumers would wait in get() for ever and asyncio.wait() would never return.',
      zh: '这是第二篇文章里的干净写法。如果没有哨兵，消费者会永远等在 get()，asyncio.wait() 也永远不会返回。',
    },
  },
  'never-stops': {
    why: {
      en: 'while True: await q.get() has no way out. When the producer is done, nobody puts another item and nobody cancels the consumer, so await con never returns: the program hangs.',
      zh: 'while True: await q.get() 没有出口。生产者结束后，没有人再放入元素，也没有人取消消费者，所以 await con 永远不会返回：程序挂起。',
    },
    fix: {
      en: 'Give the consumer a way out: wait for the producers and join() the queue, then cancel the consumers; or put one None per consumer; or, on Python 3.13, call q.shutdown().',
      zh: '给消费者一个出口：等生产者结束并 join() 队列后取消消费者；或为每个消费者放一个 None；或在 Python 3.13 中调用 q.shutdown()。',
    },
  },
  'forgotten-task-done': {
    why: { en: 'join() waits until task_done() has been called once per item put. A consumer that never calls it leaves the count above zero.', zh: 'join() 要等每个放入的元素都对应调用一次 task_done()。从不调用它的消费者让计数永远大于零。' },
    fix: { en: 'Call q.task_done() after each item, ideally in a finally: block so that it runs even when processing fails.', zh: '处理完每个元素后调用 q.task_done()，最好放在 finally: 中，这样处理失败时也会执行。' },
  },
  'task-done-twice': {
    why: { en: 'Each task_done() must match exactly one item taken from the queue. One call too many raises ValueError: task_done() called too many times.', zh: '每次 task_done() 必须恰好对应一个取出的元素。多调用一次就抛出 ValueError: task_done() called too many times。' },
    fix: { en: 'Call task_done() exactly once per item (one finally: block, not one call per code path).', zh: '每个元素只调用一次 task_done()（放在一个 finally: 里，而不是每个分支各调用一次）。' },
  },
  'blocking-sleep': {
    why: { en: 'time.sleep() blocks the thread that runs the event loop. asyncio switches tasks only at an await, so every other task waits until the sleep is over.', zh: 'time.sleep() 阻塞了运行事件循环的线程。asyncio 只在 await 处切换任务，所以其他所有任务都要等它睡完。' },
    fix: { en: 'await asyncio.sleep() (or run blocking work with asyncio.to_thread()).', zh: '改用 await asyncio.sleep()（或用 asyncio.to_thread() 运行阻塞的工作）。' },
  },
  'consumer-crash': {
    why: { en: 'An exception that escapes a task ends that task only; nobody awaits it, so nobody sees it until the program ends. Its item never gets its task_done().', zh: '逃出任务的异常只结束这一个任务；没有人 await 它，所以直到程序结束都没人看到。它手上的元素永远得不到 task_done()。' },
    fix: { en: 'Wrap the processing in try/except (log the error) and call task_done() in finally:, so that the consumer lives on and join() can return.', zh: '用 try/except 包住处理过程（记录错误），并在 finally: 中调用 task_done()，这样消费者会继续运行，join() 也能返回。' },
  },
  'unbounded-growth': {
    why: { en: 'With maxsize=0 put() never waits, so nothing slows the producer down; memory and the wait of each item grow without end.', zh: 'maxsize=0 时 put() 从不等待，没有任何东西让生产者慢下来；内存和每个元素的等待时间无限增长。' },
    fix: { en: 'asyncio.Queue(maxsize=N): when the buffer is full, await q.put() waits until a consumer takes an item.', zh: 'asyncio.Queue(maxsize=N)：缓冲区满时，await q.put() 会一直等到有消费者取走元素。' },
  },
  'too-few-sentinels': {
    why: { en: 'Each sentinel stops exactly one consumer. One consumer too many never gets its None.', zh: '每个哨兵只能让一个消费者退出。多出来的那个消费者永远拿不到自己的 None。' },
    fix: { en: 'Put one sentinel per consumer: for _ in consumers: await q.put(None).', zh: '每个消费者放一个哨兵：for _ in consumers: await q.put(None)。' },
  },
  'put-nowait-full': {
    why: { en: 'put_nowait() never waits: on a full queue it raises QueueFull at once.', zh: 'put_nowait() 从不等待：队列满时立刻抛出 QueueFull。' },
    fix: { en: 'await q.put(item) waits for a free slot (or catch QueueFull and decide what to drop).', zh: '用 await q.put(item) 等待空位（或捕获 QueueFull，决定丢弃什么）。' },
  },
  'queue-kinds': {
    why: { en: 'Queue, LifoQueue and PriorityQueue differ only in how they store items (a deque, a list used as a stack, a heap).', zh: 'Queue、LifoQueue 和 PriorityQueue 只在存储方式上不同（双端队列、当作栈用的列表、堆）。' },
    fix: { en: 'Pick the kind that matches the order you need; put (priority, data) tuples into a PriorityQueue, and never None, which cannot be compared with a tuple.', zh: '按需要的顺序选择队列类型；向 PriorityQueue 放 (优先级, 数据) 元组，不要放 None，它无法和元组比较。' },
  },
  'unkept-task': {
    why: {
      en: 'The event loop keeps only weak references to its tasks. A task that nothing else references may be garbage-collected before it finishes, and then it silently stops (Python may print "Task was destroyed but it is pending!"). Here the producer survives by luck: while it sleeps or waits in put(), a timer or the queue happens to hold it.',
      zh: '事件循环只持有任务的弱引用。没有别处引用的任务可能在完成之前被垃圾回收，于是悄无声息地停止（Python 可能打印 "Task was destroyed but it is pending!"）。这里的生产者只是运气好：它在 sleep 或 put() 里等待时，恰好有定时器或队列引用着它。',
    },
    fix: {
      en: 'Keep a reference to every task you create: a variable or a list (producers = [...]), a set with task.add_done_callback(tasks.discard), or asyncio.TaskGroup (3.11+), which also waits for them.',
      zh: '保存你创建的每个任务的引用：用变量或列表（producers = [...]），用集合加 task.add_done_callback(tasks.discard)，或用 asyncio.TaskGroup（3.11+），它还会等待这些任务结束。',
    },
  },
};
