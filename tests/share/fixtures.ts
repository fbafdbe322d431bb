/**
 * Links written by v1, pinned: a future change to the link format must still decode these to the same scenario and
 * view (make a v2 instead of changing v1). Never regenerate them.
 */
import type { Scenario } from '../../src/scenarios/types';
import type { ShareView } from '../../src/share/link';

/** seed-2 with seed 7 (stored as a preset id and a seed), in Chinese at speed 5, at tick 123 / t = 0.5. */
export const V1_PRESET_LINK = '#v1=4Dj9-KtWKlCyUipOTU3RNVLSATOUrMx1lMqUrKqVchLz0pWslKoyQDIFYClTHaWCotTi1BJkXSWZydlKVoZGxjpKJUpWBnqmtbUA';
export const V1_PRESET_VIEW: ShareView = { lang: 'zh', speed: 5, preset: 'seed-2', tick: 123, t: 0.5 };

/** A scenario of no preset, stored whole; its name holds markup and Chinese, which must come back as plain text. */
export const V1_FULL_SCENARIO: Scenario = {
  spec: 'queue-lab/1',
  name: '<img src=x onerror="alert(1)"> & 生产者, "quoted"',
  python: '3.13',
  seed: 12345,
  horizon: 90.5,
  queue: { kind: 'PriorityQueue', maxsize: 4 },
  producers: [
    {
      name: 'maker',
      count: 3,
      runs_in: 'task',
      items: { count: 25, value: { type: 'priority', priority: { dist: 'randint', lo: 1, hi: 5 } } },
      interval: { dist: 'expo', mean: 0.75 },
      interval_at: 'after_put',
      put: 'await',
      then: 'join',
    },
  ],
  consumers: [
    {
      name: 'worker',
      count: 2,
      get: { mode: 'await' },
      service: { dist: 'list', values: [0.5, 1.25, 2] },
      service_call: 'asyncio.sleep',
      task_done: 'after',
      raise_on: null,
    },
    {
      name: 'slow',
      count: 1,
      get: { mode: 'await' },
      service: { dist: 'uniform', lo: 1, hi: 3.5 },
      service_call: 'asyncio.sleep',
      task_done: 'after',
      raise_on: { item: [3, 7], exception: 'RuntimeError', guard: 'except' },
    },
  ],
  shutdown: { strategy: 'queue_shutdown', immediate: false, after: 'join' },
  main: { start: 'producers_first', awaits: 'all', with: 'gather' },
};
export const V1_FULL_VIEW: ShareView = { lang: 'en', speed: 0.5, preset: null, tick: null, t: 42.25 };
export const V1_FULL_LINK =
  '#v1=uB5TSqWTTW7UQBCFrzJ6CwRSYWJPrIgWYcce2GYiq7Frxs20u53u9vxkZIkNN2DPkjtwHiQ4BipnJgnsEBv_dbnqq3qvDohQB8SeayjcDDzwc6s_vMhBcLpjKLwy3WoWQ325m3nHIfhwuYC2HNLT_NkCr2dPZj-_fP3x_duvT59ptsDN4BM3C4DQ71PrHRTmWT4HITI3UHkxPy8JrQ_mVk5fnmUl3dUWlrVxDRTeBuODSft303dCp3fR3DLU-Ujog2-GmkOEujqcQDu95gBC7QeXoOaEMLhYGQFIOq5BMIm7qeFjTFESNtreFU77XtL0x8LCf3pUBzQmJigE7RrjEgjWQ-WE1kCV4zgSjEscNto-iuZd74WdtYM6yy7KR2GVlgi9TByqfpCMclXQW23kLbUs5B-9cRivpS0Xh-6vnrc-_NF0QVhxEoLON3yfbZTZh42p-RGclduxf0kqMuRZUVJx_RBf1dpayRP3rjY-i5a5Fzod11XjHZ96ACFoE7kSSd1g7Uj3lNH67QNj_g-MgzNLH7o_xz3Pyv8FPExWgLqa08U1gXc198lMXn0_uGQ6fiNOB2E16NBMUkoIRpEitkNq_HbKE1PQiVf70_pU94cE03XcGJ0YaqltZDqSnFQVV5tjFh3SZL6jsaulCZM803CiNGEtCFuTWiisdGo5QGy3kf-tdiuBlKqxn9Zs2qo-cJRZiyCEBHVeZEU5jr8B';
