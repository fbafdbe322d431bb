/**
 * The address follows the program on screen, so that a reload and a copied address both give what runs: whenever
 * the program, its settings, the language or the speed change, the fragment becomes that program's link (written
 * with history.replaceState, so Back is not flooded; a moving slider writes once it rests). A link opened later in
 * the same tab (hashchange, popstate) replaces the program; one that cannot be opened leaves the page as it was,
 * says what is wrong, and the address goes back to what runs. A program too large for a link is kept in
 * history.state instead, which a reload keeps too. Scenario files come in here too.
 */
import { importScenarioFile } from '../share/files';
import { cleanFragment, decodeLink, encodeLink, presetMatching, withFragment } from '../share/link';
import { findPreset } from '../scenarios/registry';
import { settingsOf } from '../scenarios/settings';
import { validateScenario } from '../scenarios/validate';
import type { Scenario } from '../scenarios/types';
import type { Ctx } from './ctx';
import { DEFAULT_PRESET, type Lang, type LabState } from './labStore';
import { currentScenario } from './scenario';

/** How long the controls rest before the address is rewritten (a slider sends many changes while it moves). */
const WRITE_MS = 250;
/** Where the program came from rides in history.state, which a reload keeps and a link opened elsewhere lacks. */
const STATE_KEY = 'queueLab';

/** What history.state keeps for a reload: where the program came from, and the program if no link could hold it. */
interface Stored {
  source?: unknown;
  program?: { scenario: unknown; lang: unknown; speed: unknown; preset: unknown };
}

/** What the address needs of the other slices. */
export interface AddressDeps {
  setLang(lang: Lang): void;
  setSpeed(speed: number): void;
  reset(): void;
}

/** The address of one lab: its bookkeeping lives here, per lab; start() once the page is up. */
export function addressActions(ctx: Ctx, { setLang, setSpeed, reset }: AddressDeps) {
  const { get, set } = ctx;
  /** The program, language, speed and preset the address holds (as keyOf says them). */
  let written = '';
  /** The fragment last read or written here: a hashchange to it is ours, not a new link. */
  let handled = '';
  /** The fragment of the last program the address held, to go back to when a new link cannot be opened. */
  let lastGood = '';
  let opening = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const keyOf = (): string => {
    const st = get();
    return JSON.stringify([currentScenario(st), st.lang, st.speed, st.presetId]);
  };

  const changed = (a: LabState, b: LabState): boolean =>
    a.presetId !== b.presetId || a.custom !== b.custom || a.settings !== b.settings || a.lang !== b.lang || a.speed !== b.speed;

  /** Opens the link in the address, if any, and from then on keeps the address on the program (call once). */
  async function startAddress(): Promise<void> {
    window.addEventListener('hashchange', onNavigate);
    window.addEventListener('popstate', onNavigate);
    ctx.store.subscribe((st, prev) => {
      if (changed(st, prev)) schedule();
    });
    written = keyOf();
    handled = location.hash;
    const stored = (history.state as Record<string, Stored | undefined> | null)?.[STATE_KEY];
    const source = stored?.source === 'file' ? 'file' : 'link';
    if (location.hash !== '') await openLink(location.hash, true, source);
    else if (stored?.program !== undefined) reopen(stored.program, source);
  }

  /** A program too large for a link, back from history.state after a reload (checked again: it is only data). */
  function reopen(p: NonNullable<Stored['program']>, source: 'link' | 'file'): void {
    const checked = validateScenario(p.scenario);
    if (!checked.ok) return;
    if (p.lang === 'en' || p.lang === 'zh') setLang(p.lang);
    if (typeof p.speed === 'number' && p.speed > 0 && p.speed <= 1_000_000) setSpeed(p.speed);
    run(checked.scenario, typeof p.preset === 'string' ? p.preset : null, source);
    written = keyOf();
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void write(), WRITE_MS);
  }

  /** The address becomes the link to what runs (from t = 0; Copy link adds the moment). */
  async function write(): Promise<void> {
    timer = null;
    if (opening) return schedule();
    const key = keyOf();
    if (key === written) return;
    const st = get();
    const r = await encodeLink({ scenario: currentScenario(get()), view: { lang: st.lang, speed: st.speed, preset: st.presetId, tick: null, t: null } });
    if (keyOf() !== key || opening) return schedule(); // it changed again meanwhile
    written = key;
    // too large for a link: no fragment (it would bring back another program), the program itself in history.state
    const program = r.ok ? undefined : { scenario: currentScenario(get()), lang: st.lang, speed: st.speed, preset: st.presetId };
    const stored: Stored = { source: st.custom !== null ? st.source : 'link', program };
    history.replaceState({ ...(history.state as object | null), [STATE_KEY]: stored }, '', withFragment(location.href, r.ok ? r.fragment : ''));
    handled = lastGood = location.hash;
  }

  /** The address changed under the page: a link pasted or typed in this tab, or Back/Forward. */
  function onNavigate(): void {
    if (location.hash === handled) return;
    if (location.hash === '') {
      // the fragment was removed by hand: the program stays, and the address says it again
      handled = '';
      written = '';
      schedule();
      return;
    }
    void openLink(location.hash, false, 'link');
  }

  /** Opens a link: the same run at the same moment; else a message, and the page keeps what it had. */
  async function openLink(hash: string, startup: boolean, source: 'link' | 'file'): Promise<void> {
    handled = hash;
    opening = true;
    try {
      const r = await decodeLink(hash);
      if (location.hash !== hash) return; // another link came meanwhile: it is handled on its own
      if (!r.ok) {
        set({ share: { kind: 'linkError', detail: r.errors.join('; '), problem: r.problem, kept: !startup } });
        if (!startup) {
          history.replaceState(history.state, '', withFragment(location.href, lastGood));
          handled = location.hash;
        }
        return;
      }
      const v = r.view;
      setLang(v.lang);
      setSpeed(v.speed);
      run(r.scenario, v.preset, source);
      if (v.tick !== null && v.tick > 0) {
        ctx.client?.send({ type: 'seek', target: { kind: 'tick', tick: v.tick }, ...(v.t !== null ? { t: v.t } : {}) });
      } else if (v.t !== null && v.t > 0) {
        ctx.client?.send({ type: 'seek', target: { kind: 'time', t: v.t } });
      }
      if (!startup) set({ share: null });
      written = keyOf();
      // a harmless mangled form (#V1%3D...) is written back as the link itself
      const clean = `#${cleanFragment(hash)}`;
      if (clean !== hash) history.replaceState(history.state, '', withFragment(location.href, clean));
      handled = lastGood = location.hash;
    } finally {
      opening = false;
    }
  }

  /** Runs a scenario from a link or a file from t = 0, paused; the preset it equals (if any) is the one selected. */
  function run(s: Scenario, preset: string | null, source: 'link' | 'file'): void {
    const presetId = presetMatching(s, preset)?.id ?? (preset !== null && findPreset(preset) !== undefined ? preset : DEFAULT_PRESET);
    set({ presetId, custom: s, settings: settingsOf(s), playing: false, source });
    reset();
  }

  async function importScenario(file: Blob): Promise<void> {
    const r = await importScenarioFile(file);
    if (!r.ok) {
      set({ share: { kind: 'importError', detail: r.errors.join('; ') } });
      return;
    }
    run(r.scenario, null, 'file');
    set({ share: { kind: 'imported', detail: r.scenario.name } });
  }

  return { startAddress, importScenario };
}
