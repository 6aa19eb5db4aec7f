/**
 * The two halves of ../shared/data/val that the automatic methods are tuned and reported on
 * (docs/auto.md, docs/cheng.md): the TUNING split, the first {@link TUNING_PHOTOS} sorted photo
 * names, where λ, γ, gains and defaults are chosen; the REPORT split, every other photo.
 */
import { readdirSync } from 'node:fs';

/** Photos of val/ (sorted names) used for tuning; never in a reported figure. */
export const TUNING_PHOTOS = 50;

export type ValSplit = 'all' | 'tuning' | 'report';

/** Sorted photo names of a val folder, each marked with whether it is in the tuning split. */
export function valPhotos(valDir: string, tuning = TUNING_PHOTOS): Array<{ name: string; tuning: boolean }> {
  return readdirSync(valDir)
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort()
    .map((name, i) => ({ name, tuning: i < tuning }));
}

/** The names of `split` among a val folder's photos. */
export function valSplit(valDir: string, split: string): string[] {
  if (split !== 'all' && split !== 'tuning' && split !== 'report')
    throw new Error(`split: all, tuning or report, not ${split}`);
  return valPhotos(valDir)
    .filter(({ tuning }) => split === 'all' || (split === 'tuning') === tuning)
    .map(({ name }) => name);
}
