/** Sharing: Copy link (the run at this moment), the scenario as a file, a chart as a PNG, and what each did. */
import { exportScenario as scenarioText, fileName, MIME } from '../share/files';
import { encodeLink, withFragment } from '../share/link';
import type { Ctx } from './ctx';
import { currentScenario } from './scenario';

/** Hands a Blob to the browser as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function shareActions(ctx: Ctx) {
  const { get, set } = ctx;

  function save(blob: Blob, name: string): void {
    download(blob, name);
    set({ share: { kind: 'saved', detail: name } });
  }

  return {
    /** The link to this run at this moment, into location.hash and the clipboard. */
    async copyLink(): Promise<void> {
      // the engine's own moment (asked after every command before, a Pause included), not the page's thinned copy
      const here = (await ctx.client?.where()) ?? null;
      const lab = get();
      const at = here !== null && here.run === lab.run ? here : lab.timeline;
      const r = await encodeLink({
        scenario: currentScenario(lab),
        view: { lang: lab.lang, speed: lab.speed, preset: lab.presetId, tick: at.tick, t: at.t },
      });
      if (!r.ok) {
        set({ share: { kind: 'copyFailed', detail: r.errors.join('; ') } });
        return;
      }
      history.replaceState(null, '', withFragment(location.href, r.fragment));
      try {
        await navigator.clipboard.writeText(location.href);
      } catch {
        // the address bar holds the link all the same
      }
      set({ share: { kind: 'copied', detail: '' } });
    },

    exportScenario(): void {
      const s = currentScenario(get());
      save(new Blob([scenarioText(s)], { type: MIME.scenario }), fileName(s, 'json'));
    },

    /** A chart as a PNG: its canvas, named after the scenario. */
    exportChartPng(canvas: HTMLCanvasElement, chart: string): void {
      const stem = fileName(currentScenario(get()), 'json').replace(/\.json$/, '');
      canvas.toBlob((blob) => {
        if (blob !== null) save(blob, `${stem}.${chart}.png`);
      }, 'image/png');
    },

    dismissShare(): void {
      set({ share: null });
    },
  };
}
