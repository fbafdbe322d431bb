/** 说明栏的中文（src/ui/i18n/zh.ts 以 `narration` 引用），与 words.ts 同形。 */
import type { EventFacts, NarrationWords } from './facts';

/** 队列有多满：`2/2`，无界队列则为个数。 */
const fill = (f: EventFacts): string => (f.maxsize > 0 ? `${f.qsize}/${f.maxsize}` : `${f.qsize} 个（无上限）`);

export const narrationZh: NarrationWords = {
  title: '刚刚发生了什么',
  empty: '还没有运行任何东西。“单步”运行一个任务切片（一个任务运行到它的下一个 await），并在这里说明它做了什么。',
  more: (n) => `……本切片还有 ${n} 个事件（事件日志里都有）。`,
  recent: '最新的日志行',
  itemClause: (item) => `（item = ${item}）`,
  tail: (itemClause, consequence) => `${itemClause}：${consequence}。`,
  afterTask: '：',
  then: (w) => (w === 'sleep' ? '然后它进入睡眠' : w.startsWith('task ') ? `然后它等待 ${w}` : `然后它在 ${w} 中等待`),
  and: (consequence, then) => `${consequence}；${then}`,
  events: {
    start: (f) => `${f.task} 开始运行它的函数`,
    put_wait: (f) => `队列已满（${fill(f)}），所以 ${f.task} 在 put() 中等待，直到某个消费者的 get() 腾出空位`,
    put: (f) =>
      f.none
        ? `${f.task} 放入哨兵 None，通知一个消费者停止；队列现有 ${fill(f)}`
        : `元素 ${f.item} 进入队列，队列现有 ${fill(f)}`,
    producer_done: (f) => `${f.task} 已放入它的全部元素，循环结束`,
    join_wait: (f) => `${f.task} 在 join() 中等待，直到每个放入的元素都有了 task_done()`,
    join_done: (f) => `每个放入的元素都已 task_done()，所以 join() 返回，${f.task} 继续执行`,
    get_wait: (f) => `队列为空，所以 ${f.task} 在 get() 中等待，直到某个生产者放入元素`,
    get: (f) =>
      f.none
        ? `${f.task} 取出哨兵 None，这是它停止的信号；队列现有 ${fill(f)}`
        : `${f.task} 从队列取出元素 ${f.item}，队列现有 ${fill(f)}`,
    empty: (f) => `队列为空，取元素引发 Empty：一次白费的轮询，${f.task} 先睡一会儿再试`,
    done: (f) => `${f.task} 处理完元素 ${f.item}`,
    task_done: (f) => `${f.task} 把元素 ${f.item} 标记为完成：队列的未完成计数减一（join() 等它归零）`,
    error: (f) => `处理元素时引发 ${f.item}；except 子句捕获了它，所以 ${f.task} 继续运行`,
    exit: (f) => `${f.task} 返回：它的协程结束了`,
    cancelled: (f) => `${f.task} 被取消：CancelledError 到达它所在的 await，于是它结束`,
    crashed: (f) => `${f.item} 从 ${f.task} 中逃出，任务因这个异常而结束`,
    shutdown_exc: (f) => `队列已关闭，所以 get() 在 ${f.task} 中引发 QueueShutDown`,
    cancel_consumers: (f) => `${f.task} 已取消每个消费者：每个都在它所在的 await 处收到 CancelledError`,
    shutdown: (f) => `${f.task} 关闭队列：从此在空队列上 get() 会引发 QueueShutDown`,
    main_done: (f) => `${f.task} 返回，于是 asyncio.run() 结束程序`,
  },
};
