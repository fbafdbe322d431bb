/**
 * The scenario format `queue-lab/1` as one valibot schema: the TypeScript types (types.ts), the validation with its
 * messages (validate.ts) and the JSON Schema in docs/ (jsonSchema.ts) all come from it. docs/scenario.md explains
 * the fields; rules.ts adds the rules that join several fields.
 */
import * as v from 'valibot';
import { LIMITS, PROGRAM_NAMES } from './limits';
import { above0, bool, groups, kinds, numbers, obj, oneOf, option, pair, real, text, textLike, unique, whole, withNames, type Issue } from './schemaParts';
import { describe } from './words';

export const SCENARIO_SPEC = 'queue-lab/1';

const T = LIMITS.time;

const randint = pair(option({ dist: v.literal('randint'), lo: whole(0, T), hi: whole(0, T) }), whole(0, T), (lo, hi) => (lo > hi ? `lo (${lo}) must not be above hi (${hi})` : null));
// uniform(a, a) is the float a, which JS cannot tell from the int a: use const instead
const uniform = pair(option({ dist: v.literal('uniform'), lo: real(0, T), hi: real(0, T) }), real(0, T), (lo, hi) => (lo >= hi ? `lo (${lo}) must be below hi (${hi}); for a fixed value use const` : null));

/** The distributions of numbers; every draw uses the one shared `random.Random(seed)`. */
const DIST_OPTIONS = [
  option({ dist: v.literal('const'), value: real(0, T) }),
  randint, // random.randint(lo, hi), inclusive
  uniform, // random.uniform(lo, hi)
  option({ dist: v.literal('expo'), mean: above0(T, 'must be above 0') }), // random.expovariate(1 / mean)
  option({ dist: v.literal('choice'), values: numbers(real(0, T), LIMITS.listValues) }), // random.choice([...])
  option({ dist: v.literal('list'), values: numbers(real(0, T), LIMITS.listValues) }), // values[k % len], one counter per place it is used
] as const;
const ITEM_DIST = option({ dist: v.literal('item') }); // the item's own value (service time only)

const notADist = (kind: string): string => `not a field of a ${kind} distribution`;
export const DistSchema = kinds('dist', [...DIST_OPTIONS, ITEM_DIST], notADist);
/** A draw of a number: any distribution but `item`. Typed as any one, as before: a live edit carries one for either role. */
export const DrawSchema = kinds('dist', DIST_OPTIONS, notADist) as v.GenericSchema<unknown, v.InferOutput<typeof DistSchema>>;

/** A queue item as Python sees it: int/float, str, None, or a tuple (array). */
export type Item = number | string | null | Item[];

const NOT_AN_ITEM = (i: Issue): string => `must be a number, a string, null or a short list, got ${describe(i.input)}`;

/** An item nested `depth` lists deep: at most two lists of at most 8 items. */
/* @__NO_SIDE_EFFECTS__ */
function itemAt(depth: number): v.GenericSchema<Item> {
  const list = depth < 2 ? v.pipe(v.array(itemAt(depth + 1)), v.maxLength(8, NOT_AN_ITEM)) : null;
  const any = v.union([v.null(), text(LIMITS.formatLength), v.pipe(v.number(), v.finite(NOT_AN_ITEM)), ...(list === null ? [] : [list])], NOT_AN_ITEM);
  const never = v.never(NOT_AN_ITEM);
  // a list is told apart before its items are read: a long or deep one is one problem, not one per item
  return v.lazy((x) => (!Array.isArray(x) ? any : list !== null && x.length <= 8 ? list : never));
}
export const ItemSchema = itemAt(0);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/; // an identifier not starting with _ (the program's own names do)
const used = (name: string): string => `${JSON.stringify(name)} is a name the program itself uses`;
const NAME_TEXT = text(40);
const groupNameText = (x: unknown): x is string => v.is(NAME_TEXT, x);
/** A Python identifier, unique among the groups, and not a name the program itself uses. */
export const GroupName = v.pipe(
  v.config(
    v.pipe(
      textLike(40, NAME, (s) => (IDENTIFIER.test(s) ? used(s) : `must be a Python identifier (letters, digits, _), got ${JSON.stringify(s)}`)),
      v.notValues([...PROGRAM_NAMES], (i) => used(i.input as string)),
    ),
    { abortPipeEarly: true },
  ),
  unique(groupNameText),
);

/** What a producer puts: its own index i (0-based), a formatted string, or a draw. */
const ItemValueSchema = kinds(
  'type',
  [
    option({ type: v.literal('index') }), // i
    // f-string with {i} (item index) and {n} (producer number)
    option({ type: v.literal('format'), format: textLike(LIMITS.formatLength, /^(?:[^{}\u0000-\u001f\u007f]|\{[in]\})*$/, () => 'may hold only the placeholders {i} and {n}; write no other braces') }), // eslint-disable-line no-control-regex
    option({ type: v.literal('dist'), dist: DrawSchema }),
    option({ type: v.literal('priority'), priority: DrawSchema }), // a tuple (priority, i)
  ],
  (kind) => `not a field of a ${kind} value`,
);

const ProducerGroupSchema = obj({
  name: GroupName, // tasks are `name` (count 1) or `name-0`, `name-1`, ...
  count: whole(1, LIMITS.producersPerGroup),
  runs_in: oneOf(['task', 'thread']), // thread: threading.Thread + time.sleep + queue.Queue.put
  items: obj({ count: v.nullable(whole(0, LIMITS.items)), value: ItemValueSchema }), // count null: `while True`
  interval: v.nullable(DrawSchema), // sleep between puts; null: no sleep at all
  interval_at: oneOf(['before_put', 'after_put']),
  put: oneOf(['await', 'nowait']),
  then: oneOf(['none', 'join']), // 'join': await q.join() at the end (the second article)
});

const ConsumerGroupSchema = obj({
  name: GroupName,
  count: whole(1, LIMITS.consumersPerGroup),
  get: kinds(
    'mode',
    [option({ mode: v.literal('await') }), option({ mode: v.literal('poll'), interval: above0(T, 'must be above 0: a poll loop with no sleep never lets time pass') })],
    () => 'only a poll has an interval',
    false,
  ),
  service: DistSchema,
  service_call: oneOf(['asyncio.sleep', 'time.sleep']), // time.sleep blocks the whole loop
  task_done: oneOf(['after', 'never', 'twice']),
  /** The consumer raises `exception` on this item; `guard` says how the code handles it. */
  raise_on: v.nullable(obj({ item: ItemSchema, exception: oneOf(['ValueError', 'RuntimeError']), guard: oneOf(['none', 'finally', 'except']) })),
});

const ShutdownSchema = kinds(
  'strategy',
  [
    option({ strategy: v.literal('none') }),
    // count null: one per consumer
    option({ strategy: v.literal('sentinel'), by: oneOf(['producer', 'main']), count: v.nullable(whole(0, LIMITS.consumersPerGroup * LIMITS.groups)) }, 'is missing'),
    option({ strategy: v.literal('cancel_after_join') }),
    option({ strategy: v.literal('queue_shutdown'), immediate: bool(), after: oneOf(['producers_done', 'join']) }, 'is missing'),
  ],
  (kind) => `not a field of the ${kind} strategy`,
);

const QueueKindSchema = oneOf(['Queue', 'LifoQueue', 'PriorityQueue', 'queue.Queue']);

/** A scenario's fields, each checked on its own (rules.ts adds the rules that join several). */
export const ScenarioFields = withNames(
  obj(
    {
      spec: v.literal(SCENARIO_SPEC, (i) => `must be ${JSON.stringify(SCENARIO_SPEC)}, got ${describe(i.input)}`),
      name: text(LIMITS.nameLength),
      python: oneOf(['3.11', '3.12', '3.13']),
      seed: whole(0, LIMITS.seed), // random.seed(seed)
      horizon: v.nullable(above0(LIMITS.horizon, 'must be above 0 (or null)')), // stop at this virtual time (s); null: run to the end
      queue: obj({ kind: QueueKindSchema, maxsize: whole(0, LIMITS.maxsize) }), // maxsize 0: unbounded
      producers: groups(ProducerGroupSchema, LIMITS.groups),
      consumers: groups(ConsumerGroupSchema, LIMITS.groups),
      shutdown: ShutdownSchema,
      main: obj({
        start: oneOf(['producers_first', 'consumers_first']),
        awaits: oneOf(['all', 'consumers', 'producers']),
        with: oneOf(['wait', 'gather', 'await']),
        // false: the producer tasks are created without keeping the Task objects (only the program's text changes)
        keep_refs: v.exactOptional(bool()),
      }),
    },
    'is missing',
  ),
);

export type Scenario = v.InferOutput<typeof ScenarioFields>;
export type Dist = v.InferOutput<typeof DistSchema>;
export type ItemValue = v.InferOutput<typeof ItemValueSchema>;
export type ProducerGroup = v.InferOutput<typeof ProducerGroupSchema>;
export type ConsumerGroup = v.InferOutput<typeof ConsumerGroupSchema>;
export type Shutdown = v.InferOutput<typeof ShutdownSchema>;
export type QueueKind = v.InferOutput<typeof QueueKindSchema>;
export type DistKind = Dist['dist'];
