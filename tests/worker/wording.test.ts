/**
 * Everything the worker tells the page that a person reads arrives as data and is worded by the page: every kind
 * has an English and a Chinese sentence. The samples are typed by kind, so a kind added to a union without a
 * sample here fails `tsc`, as it fails in the switch that words it.
 */
import { describe, expect, it } from 'vitest';
import type { LiveDone } from '../../src/engine/simulation';
import type { LabError, Notice } from '../../src/store/labStore';
import { errorWords, seekText } from '../../src/ui/faults/wording';
import { en } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';
import { noticeText } from '../../src/ui/teach/notes';
import type { SeekReport } from '../../src/worker/protocol';

type ByKind<U extends { kind: string }> = { [K in U['kind']]: Extract<U, { kind: K }> };
type Told = Exclude<LiveDone, { kind: 'none' }>;

const live: ByKind<Told> = {
  dist: { kind: 'dist', role: 'producer' },
  created: { kind: 'created', coroutine: 'consumer', count: 2 },
  cancelled: { kind: 'cancelled', tasks: ['consumer-1', 'consumer-2'] },
};

const notices: ByKind<Notice> = {
  restart: { kind: 'restart', setting: 'bufferSize' },
  live: { kind: 'live', done: live.dist },
  paused: { kind: 'paused', reason: 'unboundedQueue', limit: 200_000 },
};

const target = { kind: 'time', t: 2.5 } as const;
const seeks: ByKind<SeekReport> = {
  progress: { kind: 'progress', target, done: 0.42 },
  landed: { kind: 'landed', target },
  pastEnd: { kind: 'pastEnd', target, endT: 1.25 },
  refused: { kind: 'refused', target, limit: 1_000_000, needed: 2_500_000 },
  cancelled: { kind: 'cancelled', target },
};

const errors: ByKind<LabError> = {
  engineError: { kind: 'engineError', name: 'TypeError', message: 'x is undefined', stack: 'TypeError: x is undefined\n    at f' },
  workerDied: { kind: 'workerDied', reason: 'Uncaught Error: boom' },
  invalidScenario: { kind: 'invalidScenario', errors: ['queue.maxsize: must be an integer', 'seed: must be a number'] },
};

const errorText = (e: LabError, tx: typeof en) => {
  const { words, detail } = errorWords(e, tx);
  return words(detail);
};

const HAN = /\p{Script=Han}/u;

/** The English sentences the page showed when the worker sent them as text: the same words, now from data. */
const expected = {
  en: {
    notices: {
      restart: 'Restarted at t = 0 with the new buffer size: a running Python program cannot change that.',
      live: 'Changed while it runs: a new production interval from the next draw on',
      paused: 'Paused: the unbounded queue holds over 200,000 items.',
    },
    live: {
      dist: 'a new production interval from the next draw on',
      created: 'asyncio.create_task(consumer(...)) x2',
      cancelled: 'consumer-1, consumer-2.cancel()',
    },
    seeks: {
      progress: 'Going to t = 2.5 s: 42% done.',
      landed: null,
      pastEnd: 'The run ends at t = 1.25 s, before t = 2.5 s: it is shown at its end.',
      refused:
        't = 2.5 s is out of reach: getting there would re-run about 2,500,000 engine steps, and a seek re-runs at most 1,000,000. The run stays where it was.',
      cancelled: 'Going to t = 2.5 s was cancelled: the run stays where it was.',
    },
    errors: {
      engineError: 'The simulation stopped: TypeError: x is undefined',
      workerDied: 'The simulation stopped: the simulation worker died: Uncaught Error: boom',
      invalidScenario: 'The simulation stopped: queue.maxsize: must be an integer; seed: must be a number',
    },
  },
  zh: {
    notices: {
      restart: '已用新的「缓冲区大小」从 t = 0 重新开始：运行中的 Python 程序无法改变这一项。',
      live: '已在运行中修改：从下一次抽样起使用新的生产间隔',
      paused: '已暂停：无界队列里已有超过 200,000 个元素。',
    },
    live: {
      dist: '从下一次抽样起使用新的生产间隔',
      created: 'asyncio.create_task(consumer(...)) x2',
      cancelled: 'consumer-1, consumer-2.cancel()',
    },
    seeks: {
      progress: '正在前往 t = 2.5 秒：已完成 42%。',
      landed: null,
      pastEnd: '运行在 t = 1.25 秒结束，早于 t = 2.5 秒：显示的是结束时的状态。',
      refused: '无法到达 t = 2.5 秒：到达那里约需重新运行 2,500,000 个引擎步骤，而一次跳转最多重新运行 1,000,000 个。运行保持原处。',
      cancelled: '已取消前往 t = 2.5 秒：运行保持原处。',
    },
    errors: {
      engineError: '模拟已停止：TypeError: x is undefined',
      workerDied: '模拟已停止：模拟工作线程已退出：Uncaught Error: boom',
      invalidScenario: '模拟已停止：queue.maxsize: must be an integer; seed: must be a number',
    },
  },
} as const;

describe.each([
  ['en', en],
  ['zh', zh],
] as const)('the page words every kind in %s', (lang, tx) => {
  const want = expected[lang];

  it('notes under the controls: a restart, a live change, a pause', () => {
    for (const n of Object.values(notices)) expect(noticeText(n, tx)).toBe(want.notices[n.kind]);
  });

  it('every kind of live change (the tasks created or cancelled as Python code, in both languages)', () => {
    for (const d of Object.values(live)) {
      const prefix = tx.live('');
      expect(noticeText({ kind: 'live', done: d }, tx)).toBe(prefix + want.live[d.kind]);
    }
    expect(noticeText({ kind: 'live', done: { kind: 'dist', role: 'consumer' } }, tx)).toBe(tx.live(tx.teach.notes.service));
  });

  it('every seek report', () => {
    for (const s of Object.values(seeks)) expect(seekText(s, tx.worker)).toBe(want.seeks[s.kind]);
  });

  it('every failure of the lab, the error\'s own words kept as they are', () => {
    for (const e of Object.values(errors)) expect(errorText(e, tx)).toBe(want.errors[e.kind]);
  });

  it('in its own language: Chinese sentences hold Chinese, English ones none', () => {
    const all = [
      ...Object.values(notices).map((n) => noticeText(n, tx)),
      ...Object.values(seeks).flatMap((s) => seekText(s, tx.worker) ?? []),
      ...Object.values(errors).map((e) => errorText(e, tx)),
    ];
    for (const s of all) expect(HAN.test(s), s).toBe(lang === 'zh');
  });
});
describe('the words of the error panel', () => {
  it('name the technical details and their Copy in both languages', () => {
    expect([en.worker.technicalDetails, en.worker.copyDetails]).toEqual(['Technical details', 'Copy']);
    expect([zh.worker.technicalDetails, zh.worker.copyDetails]).toEqual(['技术细节', '复制']);
  });
});
