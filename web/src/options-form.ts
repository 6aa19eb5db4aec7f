/**
 * One generic control renderer for a method's options, generated from its OptionSpec list (the
 * JSON of `GET v1/methods`): a number with a finite range gets a slider and a number field, other
 * numbers a number field, booleans a checkbox, enums a select, other strings and number lists a
 * text field. Each shows its default (or the documented rule as placeholder), its range and the
 * description as help text. Only options the user changed are reported, so a run with an
 * untouched form is the method's default run.
 */
import {
  defaultText,
  fieldText,
  hasSlider,
  isChangedText,
  logSlider,
  type OptionSpec,
  type OptionValue,
  parseOptionText,
  SLIDER_STEPS,
  sliderPosition,
  sliderValue,
} from './method-description.js';

interface Control {
  spec: OptionSpec;
  /** Current text of the field ('true'/'false' for a checkbox). */
  text(): string;
  changed(): boolean;
  reset(): void;
  /** A line under the row (the slider). */
  below?: HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function rangeText(s: OptionSpec): string {
  const parts: string[] = [];
  const u = s.unit ? ` ${s.unit}` : '';
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${s.minimum} … ${s.maximum}${u}`);
  else if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}${u}`);
  else if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}${u}`);
  if (s.integer || s.type === 'integer') parts.push('whole');
  return parts.join(', ');
}

function helpText(s: OptionSpec): string {
  const range = rangeText(s);
  // Descriptions made from command-line flags already say their default.
  const dflt = /\bdefault\b/.test(s.description)
    ? ''
    : s.default !== undefined
      ? `default ${fieldText(s.default)}`
      : s.defaultText !== undefined
        ? `default ${s.defaultText}`
        : '';
  const source = s.source && !s.description.includes(s.source) ? s.source : '';
  // A boolean that is on by default is a --no-… flag on the command line: its description says what
  // turning it off does.
  const what = s.type === 'boolean' && s.default === true ? `unchecked: ${s.description}` : s.description;
  return [what, [range, dflt, source].filter((x) => x).join('; ')].filter((x) => x).join(' — ');
}

function numberControl(spec: OptionSpec, id: string, row: HTMLElement, onChange: () => void): Control {
  const d = defaultText(spec);
  const field = el('input', {
    id,
    type: 'number',
    value: d,
    placeholder: spec.defaultText ?? '',
    step: spec.integer || spec.type === 'integer' ? '1' : 'any',
  });
  field.dataset.option = spec.key;
  if (spec.minimum !== undefined) field.min = String(spec.minimum);
  if (spec.maximum !== undefined) field.max = String(spec.maximum);
  let slider: HTMLInputElement | null = null;
  if (hasSlider(spec)) {
    slider = el('input', { type: 'range', min: '0', max: String(SLIDER_STEPS), step: '1' });
    slider.className = 'opt-slider';
    slider.title = logSlider(spec) ? 'log scale' : '';
    const sync = () => {
      const v = Number(field.value);
      slider!.value = String(
        field.value.trim() !== '' && Number.isFinite(v)
          ? sliderPosition(spec, v)
          : sliderPosition(spec, spec.minimum!),
      );
    };
    slider.addEventListener('input', () => {
      field.value = String(sliderValue(spec, Number(slider!.value)));
      onChange();
    });
    field.addEventListener('input', sync);
    sync();
  }
  field.addEventListener('input', onChange);
  row.append(field);
  if (spec.unit) row.append(el('span', { className: 'opt-unit muted small', textContent: spec.unit }));
  return {
    spec,
    below: slider ?? undefined,
    text: () => field.value,
    changed: () => isChangedText(spec, field.value),
    reset: () => {
      field.value = d;
      field.dispatchEvent(new Event('input'));
    },
  };
}

function control(spec: OptionSpec, id: string, row: HTMLElement, onChange: () => void): Control {
  if (spec.type === 'number' || spec.type === 'integer') return numberControl(spec, id, row, onChange);
  if (spec.type === 'boolean') {
    const d = spec.default === true;
    const box = el('input', { id, type: 'checkbox', checked: d });
    box.dataset.option = spec.key;
    box.addEventListener('change', onChange);
    row.append(box);
    return {
      spec,
      text: () => String(box.checked),
      changed: () => box.checked !== d,
      reset: () => {
        box.checked = d;
      },
    };
  }
  if (spec.enum) {
    const d = defaultText(spec);
    const select = el(
      'select',
      { id },
      ...(spec.default === undefined ? [el('option', { value: '', textContent: '(default)' })] : []),
      ...spec.enum.map((v) => el('option', { value: v, textContent: v })),
    );
    select.dataset.option = spec.key;
    select.value = d;
    select.addEventListener('change', onChange);
    row.append(select);
    return {
      spec,
      text: () => select.value,
      changed: () => isChangedText(spec, select.value),
      reset: () => {
        select.value = d;
      },
    };
  }
  const d = defaultText(spec);
  const field = el('input', { id, type: 'text', value: d, placeholder: spec.defaultText ?? '' });
  field.dataset.option = spec.key;
  field.addEventListener('input', onChange);
  row.append(field);
  return {
    spec,
    text: () => field.value,
    changed: () => isChangedText(spec, field.value),
    reset: () => {
      field.value = d;
    },
  };
}

/** The controls of one method's options in a container, with a reset action and an error line. */
export class OptionsForm {
  private controls: Control[] = [];
  private readonly list: HTMLElement;
  private readonly error: HTMLElement;
  private readonly resetButton: HTMLButtonElement;
  private readonly summary: HTMLElement;

  /** @param root element the form fills; `prefix` makes the control ids unique on the page. */
  constructor(
    readonly root: HTMLElement,
    private readonly prefix: string,
  ) {
    this.summary = el('span', { className: 'muted small' });
    this.resetButton = el('button', { type: 'button', textContent: 'Reset to defaults' });
    this.resetButton.className = 'opt-reset';
    this.resetButton.addEventListener('click', () => this.reset());
    this.list = el('div', { className: 'opt-list' });
    this.error = el('p', { className: 'opt-error', hidden: true });
    this.error.setAttribute('role', 'alert');
    root.replaceChildren(
      el('div', { className: 'opt-head' }, this.summary, this.resetButton),
      this.list,
      this.error,
    );
    root.classList.add('options');
  }

  /** Shows the controls of `specs` (replacing the previous method's). */
  show(specs: readonly OptionSpec[]): void {
    this.controls = [];
    this.list.replaceChildren();
    this.clearError();
    this.root.hidden = specs.length === 0;
    for (const spec of specs) {
      const id = `${this.prefix}-${spec.key}`;
      const help = helpText(spec);
      const label = el('label', { htmlFor: id, textContent: spec.key, title: help });
      const row = el('div', { className: 'opt-row', title: help }, label);
      row.dataset.option = spec.key;
      const c = control(spec, id, row, () => this.changedSome());
      this.controls.push(c);
      const note = el('div', { className: 'opt-help muted small', textContent: help, title: help });
      this.list.append(row, ...(c.below ? [c.below] : []), note);
    }
    this.changedSome();
  }

  /** Typed values of the options the user changed (what a local run receives). */
  values(): Record<string, OptionValue> {
    const out: Record<string, OptionValue> = {};
    for (const c of this.controls) if (c.changed()) out[c.spec.key] = parseOptionText(c.spec, c.text());
    return out;
  }

  /** The changed options as multipart text fields (what the service receives). */
  fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.values())) out[k] = fieldText(v);
    return out;
  }

  reset(): void {
    for (const c of this.controls) c.reset();
    this.changedSome();
  }

  showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }

  clearError(): void {
    this.error.textContent = '';
    this.error.hidden = true;
  }

  private changedSome(): void {
    const n = this.controls.filter((c) => c.changed()).length;
    this.summary.textContent = `${this.controls.length} options${n ? `, ${n} changed` : ', defaults'}`;
    this.resetButton.disabled = n === 0;
    this.root.classList.toggle('changed', n > 0);
    this.clearError();
  }
}
