/**
 * Why queueing theory has no prediction for the settings (src/theory/noModel.ts has the reasons as data), in each
 * page language. Each table has one entry per reason: a missing one is a compile error.
 */
import type { NoModel } from '../../theory/types';

export type NoModelWords = { [K in NoModel['kind']]: (w: Extract<NoModel, { kind: K }>) => string };

export const noModelEn: NoModelWords = {
  blockingService: (w) => `${w.group} serves with time.sleep, which freezes the whole event loop while it serves: no queueing model covers that.`,
  raises: (w) => `${w.group} raises on some items, so not every item is served.`,
  itemServiceMixed: () => 'The service time is the item itself, and the items are not drawn from one distribution.',
  priorityItemService: () => 'A PriorityQueue serves the shortest items first when the service time is the item: the order changes the waits.',
  unequalConsumers: () => 'Consumer groups serve with different distributions: unequal consumers are not modelled.',
  noConsumers: () => 'There are no consumers.',
  zeroService: () => 'The service takes no time.',
  putNowaitBounded: (w) => `${w.group} uses put_nowait on a bounded buffer: a full buffer raises QueueFull instead of blocking.`,
  noProducers: () => 'There are no producers.',
  boundedNotExponential: () =>
    'A bounded buffer with times that are not exponential has no closed form here: the measurement is the answer.',
  mixedSleep: () => 'Some producers never sleep and others do: which producer is blocked matters, so the chain is not one-dimensional.',
  unequalRates: () => 'Producer groups put at different rates: with a bounded buffer the chain depends on which producers are blocked.',
  failed: (w) => `The prediction failed (${w.message}); the measurement still holds.`,
};

export const noModelZh: NoModelWords = {
  blockingService: (w) => `${w.group} 用 time.sleep 处理元素，处理期间整个事件循环都被冻结：没有排队模型涵盖这种情形。`,
  raises: (w) => `${w.group} 遇到某些元素会抛出异常，并非每个元素都被处理。`,
  itemServiceMixed: () => '服务时间就是元素本身，而这些元素并非来自同一个分布。',
  priorityItemService: () => '服务时间就是元素本身时，PriorityQueue 会先处理最短的元素：顺序改变了等待时间。',
  unequalConsumers: () => '各消费者组的服务时间分布不同：模型不涵盖不相同的消费者。',
  noConsumers: () => '没有消费者。',
  zeroService: () => '服务不花时间。',
  putNowaitBounded: (w) => `${w.group} 在有界缓冲区上用 put_nowait：缓冲区满时会抛出 QueueFull，而不是阻塞等待。`,
  noProducers: () => '没有生产者。',
  boundedNotExponential: () => '有界缓冲区配非指数分布的时间，这里没有解析公式：测量结果就是答案。',
  mixedSleep: () => '有的生产者从不休眠，有的会休眠：哪个生产者被阻塞会影响结果，这条链不再是一维的。',
  unequalRates: () => '各生产者组放入的速率不同：在有界缓冲区下，这条链取决于哪些生产者被阻塞。',
  failed: (w) => `预测计算失败（${w.message}）；测量结果依然有效。`,
};

/** The words for one reason. */
export function noModelWords(words: NoModelWords, w: NoModel): string {
  return (words[w.kind] as (x: NoModel) => string)(w);
}
