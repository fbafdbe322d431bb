/** The page words the worker's sentences in the page's language: the sentences it knows are the worker's own. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/scenarios/limits';
import { en } from '../../src/ui/i18n/en';
import { zh } from '../../src/ui/i18n/zh';
import { ENGINE_SENTENCES, liveNote, pauseNote } from '../../src/ui/teach/notes';

const source = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

describe('notes from the worker', () => {
  it('are the sentences the engine and the runner write', () => {
    expect(source('src/engine/program/live.ts')).toContain(`'${ENGINE_SENTENCES.interval}'`);
    expect(source('src/engine/program/live.ts')).toContain(`'${ENGINE_SENTENCES.service}'`);
    const runner = source('src/worker/runner.ts');
    expect(runner).toContain('const MAX_BUFFERED = LIMITS.maxsize;');
    const max = LIMITS.maxsize;
    expect(runner).toContain('`paused: the unbounded queue holds over ${MAX_BUFFERED} items`');
    expect(pauseNote(`paused: the unbounded queue holds over ${max} items`, zh)).toBe('无界队列里已有超过 200,000 个元素。');
  });

  it('are worded in the language; Python code stays as it is', () => {
    expect(liveNote(ENGINE_SENTENCES.service, zh)).toBe(zh.teach.notes.service);
    expect(liveNote(ENGINE_SENTENCES.interval, en)).toBe(en.teach.notes.interval);
    expect(liveNote('consumer-3.cancel()', zh)).toBe('consumer-3.cancel()');
    expect(pauseNote('something else', zh)).toBe('something else');
  });
});
