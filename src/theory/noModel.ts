/**
 * Why queueing theory has no prediction for some settings, as data: the figures table words it in the page's
 * language; `noModelText` is the English that the CLI's `--stats` report prints as `reason`.
 */
import type { NoModel } from './types';

export function noModelText(w: NoModel): string {
  switch (w.kind) {
    case 'blockingService':
      return `${w.group} serves with time.sleep, which freezes the whole event loop while it serves: no queueing model covers that`;
    case 'raises':
      return `${w.group} raises on some items, so not every item is served`;
    case 'itemServiceMixed':
      return 'the service time is the item itself, and the items are not drawn from one distribution';
    case 'priorityItemService':
      return 'a PriorityQueue serves the shortest items first when the service time is the item: the order changes the waits';
    case 'unequalConsumers':
      return 'consumer groups serve with different distributions: unequal consumers are not modelled';
    case 'noConsumers':
      return 'no consumers';
    case 'zeroService':
      return 'the service takes no time';
    case 'putNowaitBounded':
      return `${w.group} uses put_nowait on a bounded buffer: a full buffer raises QueueFull instead of blocking`;
    case 'noProducers':
      return 'no producers';
    case 'boundedNotExponential':
      return 'a bounded buffer with times that are not exponential has no closed form here: simulation only';
    case 'mixedSleep':
      return 'some producers never sleep and others do: which producer is blocked matters, so the chain is not one-dimensional';
    case 'unequalRates':
      return 'producer groups put at different rates: with a bounded buffer the chain depends on which producers are blocked';
    case 'failed':
      return `the prediction failed: ${w.message}`;
  }
}
