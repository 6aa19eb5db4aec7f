/**
 * The JSON description of a method, as `GET v1/methods` serves it and the compute worker lists its
 * in-browser methods: the studio's method lists and option controls are generated from this shape
 * alone (never from per-method code), so a method added to the catalogue appears with its options.
 * No DOM here: the worker and Node tests import it.
 */

// The shapes themselves are the catalogue's own (type-only imports: nothing of the library is
// bundled by them).
import type { MethodDescription, OptionSpec, OptionValue } from '../../src/methods/catalogue/types.js';

export type { MethodDescription, OptionSpec, OptionValue };

/** The text a field shows for an option's default ('' when the default is a rule, not a value). */
export function defaultText(spec: OptionSpec): string {
  const d = spec.default;
  if (d === undefined || typeof d === 'boolean') return '';
  return Array.isArray(d) ? d.join(',') : String(d);
}

/** Whether an option's control shows a slider: a number with a finite range. */
export function hasSlider(spec: OptionSpec): boolean {
  return (
    (spec.type === 'number' || spec.type === 'integer') &&
    spec.minimum !== undefined &&
    spec.maximum !== undefined &&
    Number.isFinite(spec.minimum) &&
    Number.isFinite(spec.maximum) &&
    spec.maximum > spec.minimum
  );
}

/** Slider positions run over 0…SLIDER_STEPS. */
export const SLIDER_STEPS = 1000;

/**
 * Whether a slider moves on a log scale: a positive range over three decades or more (τ from 1e-6
 * to 1e6, samples from 1 to 100 000), where a linear slider would leave the useful values in its
 * first pixel.
 */
export function logSlider(spec: OptionSpec): boolean {
  return hasSlider(spec) && spec.minimum! > 0 && spec.maximum! / spec.minimum! >= 1000;
}

/** The option value at slider position `pos` (0…SLIDER_STEPS), rounded for integer options. */
export function sliderValue(spec: OptionSpec, pos: number): number {
  const lo = spec.minimum!;
  const hi = spec.maximum!;
  const t = Math.min(1, Math.max(0, pos / SLIDER_STEPS));
  let v = logSlider(spec) ? lo * (hi / lo) ** t : lo + (hi - lo) * t;
  if (spec.type === 'integer' || spec.integer) v = Math.round(v);
  else v = Number(v.toPrecision(4));
  return Math.min(hi, Math.max(lo, v));
}

/** The slider position of value `v` (clamped to the range). */
export function sliderPosition(spec: OptionSpec, v: number): number {
  const lo = spec.minimum!;
  const hi = spec.maximum!;
  const c = Math.min(hi, Math.max(lo, v));
  const t = logSlider(spec) ? Math.log(c / lo) / Math.log(hi / lo) : (c - lo) / (hi - lo);
  return Math.round(t * SLIDER_STEPS);
}

/**
 * The typed value of what a field holds: numbers as numbers, number lists as arrays, booleans as
 * booleans. Text that is no number stays text, so the method's own validation names it.
 *
 * @example
 * ```ts
 * parseOptionText({ key: 'lambda', type: 'number-list', description: '' }, '0, 0.5 1'); // [0, 0.5, 1]
 * ```
 */
export function parseOptionText(spec: OptionSpec, text: string): OptionValue {
  const t = text.trim();
  const num = (s: string): number | string => (s !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
  switch (spec.type) {
    case 'number':
    case 'integer':
      return num(t);
    case 'boolean':
      return t === 'true' || t === '1' || t === 'on';
    case 'number-list':
      return t
        .split(/[\s,;]+/)
        .filter((s) => s !== '')
        .map(num) as number[];
    default:
      return text;
  }
}

/**
 * Whether a field's text differs from the option's default: an empty field, or one that holds the
 * default (as a value: "256" and "256.0" are the same number), is not a change.
 */
export function isChangedText(spec: OptionSpec, text: string): boolean {
  if (text.trim() === '') return false;
  if (spec.default === undefined) return true;
  const v = parseOptionText(spec, text);
  const d = spec.default;
  if (Array.isArray(d)) return !Array.isArray(v) || v.length !== d.length || v.some((x, i) => x !== d[i]);
  return v !== d;
}

/** The text of a value in a multipart form field (lists as "0,0.2,0.4", booleans as true/false). */
export function fieldText(v: OptionValue): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}
