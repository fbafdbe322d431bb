/**
 * The pitfall catalogue panel: pick an entry, read what to watch, why it happens and the fix, and switch between the
 * broken and the fixed program with one click. A variant is a preset (its id is the registry's), so loading one
 * changes everything that follows the loaded scenario: the scene, the code, the figures. Fetched when first opened.
 */
import { CATALOGUE, type CatalogueEntry, type Expect } from '../../scenarios/catalogue';
import { EXPLANATIONS } from '../../scenarios/catalogue/explanations';
import type { Lang } from '../../store/labStore';
import { useLabActions, useLabStore } from '../../store/context';
import { useText, type Dict } from '../i18n';
import { catalogueOf } from './catalogueOf';

function expected(e: Expect, tx: Dict['teach']): string {
  switch (e.status) {
    case 'completed':
      return tx.expectCompleted;
    case 'horizon':
      return tx.expectHorizon;
    case 'error':
      return tx.expectError(e.exception);
    case 'hang':
      return tx.expectHang(e.waits.map((w) => tx.waitsOn(w.task, w.waiting_on)).join(tx.listJoin));
  }
}

function VariantButtons({ entry, current, lang, tx }: { entry: CatalogueEntry; current: string; lang: Lang; tx: Dict['teach'] }) {
  const { choosePreset } = useLabActions();
  return (
    <div className="variants" role="group" aria-label={tx.variants}>
      {entry.variants.map((v) => (
        <button
          key={v.id}
          type="button"
          className={`variant ${v.role}`}
          aria-pressed={v.id === current}
          data-variant={v.id}
          onClick={() => choosePreset(v.id)}
        >
          <span className="role">{tx.role[v.role]}</span> <code>{v.label[lang]}</code>
        </button>
      ))}
    </div>
  );
}

export function Catalogue() {
  const { choosePreset } = useLabActions();
  const all = useText();
  const tx = all.teach;
  const lang = useLabStore((s) => s.lang);
  const presetId = useLabStore((s) => s.presetId);
  const open = useLabStore((s) => s.catalogueOpen);
  const { setCatalogueOpen } = useLabActions();
  const found = catalogueOf(presetId);
  return (
    <section id="catalogue" className="catalogue" aria-labelledby="catalogue-title" hidden={!open} data-testid="catalogue">
      <div className="catalogue-head">
        <h2 id="catalogue-title">{tx.catalogueTitle}</h2>
        <label>
          {tx.pitfall}{' '}
          <select
            value={found?.entry.id ?? ''}
            onChange={(e) => {
              const entry = CATALOGUE.find((c) => c.id === e.currentTarget.value);
              if (entry !== undefined) choosePreset(entry.variants[0]!.id);
            }}
          >
            {found === null && <option value="">{tx.choosePitfall}</option>}
            {CATALOGUE.map((c, i) => (
              <option key={c.id} value={c.id}>
                {`${i + 1}. ${c.title[lang]}`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="close" onClick={() => setCatalogueOpen(false)}>
          {tx.close}
        </button>
      </div>
      {found === null ? (
        <p className="intro">{tx.catalogueIntro}</p>
      ) : (
        <div className="entry">
          <h3>{found.entry.title[lang]}</h3>
          <VariantButtons entry={found.entry} current={presetId} lang={lang} tx={tx} />
          <dl>
            <dt>{tx.watch}</dt>
            <dd>{(found.variant.watch ?? found.entry.watch)[lang]}</dd>
            <dt>{tx.why}</dt>
            <dd>{EXPLANATIONS[found.entry.id]?.why[lang]}</dd>
            <dt>{tx.fix}</dt>
            <dd>{EXPLANATIONS[found.entry.id]?.fix[lang]}</dd>
            <dt>{tx.expected}</dt>
            <dd data-testid="expected">{expected(found.variant.expect, tx)}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
