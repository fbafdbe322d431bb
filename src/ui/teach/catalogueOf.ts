/** Which pitfall of the catalogue a preset belongs to: the panel shows it, and choosing one opens the panel. */
import { CATALOGUE, type CatalogueEntry, type Variant } from '../../scenarios/catalogue';

/** The entry and variant a preset id belongs to, if it is one of the catalogue's. */
export function catalogueOf(presetId: string): { entry: CatalogueEntry; variant: Variant } | null {
  for (const entry of CATALOGUE) {
    const variant = entry.variants.find((v) => v.id === presetId);
    if (variant !== undefined) return { entry, variant };
  }
  return null;
}
