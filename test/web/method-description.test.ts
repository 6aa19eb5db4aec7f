/**
 * The studio's option helpers (web/src/method-description.ts) with known answers: the slider
 * scales (linear, and logarithmic over three decades or more), what counts as a changed field, and
 * the typed values sent to a method.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fieldText,
  hasSlider,
  isChangedText,
  logSlider,
  type OptionSpec,
  parseOptionText,
  SLIDER_STEPS,
  sliderPosition,
  sliderValue,
} from '../../web/src/method-description.js';

const tau: OptionSpec = {
  key: 'tau',
  type: 'number',
  description: '',
  default: 0.015,
  minimum: 1e-6,
  maximum: 1e6,
};
const contrast: OptionSpec = {
  key: 'contrast',
  type: 'number',
  description: '',
  default: 1,
  minimum: 0,
  maximum: 10,
};
const bins: OptionSpec = {
  key: 'bins',
  type: 'number',
  integer: true,
  description: '',
  default: 256,
  minimum: 2,
  maximum: 65536,
};
const lambda: OptionSpec = { key: 'lambda', type: 'number-list', description: '', defaultText: '0,0.2,…' };

test('sliders: linear over a short range, logarithmic over three decades or more', () => {
  assert.equal(hasSlider({ key: 'x', type: 'number', description: '', minimum: 0 }), false);
  assert.equal(logSlider(contrast), false);
  assert.equal(logSlider(tau), true);
  // Linear: the middle of 0…10 is 5.
  assert.equal(sliderValue(contrast, SLIDER_STEPS / 2), 5);
  assert.equal(sliderPosition(contrast, 2.5), SLIDER_STEPS / 4);
  // Logarithmic: the middle of 1e-6…1e6 is 1, a quarter is 1e-3.
  assert.equal(sliderValue(tau, SLIDER_STEPS / 2), 1);
  assert.equal(sliderValue(tau, SLIDER_STEPS / 4), 0.001);
  assert.equal(sliderPosition(tau, 1), SLIDER_STEPS / 2);
  // Ends, clamping and whole numbers.
  assert.equal(sliderValue(bins, 0), 2);
  assert.equal(sliderValue(bins, SLIDER_STEPS), 65536);
  assert.equal(sliderPosition(contrast, 99), SLIDER_STEPS);
  assert.ok(Number.isInteger(sliderValue(bins, 333)));
  // A value maps to a position that maps back to within one slider step.
  for (const v of [0.015, 3, 777]) {
    const back = sliderValue(tau, sliderPosition(tau, v));
    assert.ok(Math.abs(Math.log(back / v)) <= Math.log(1e12) / SLIDER_STEPS, `${v} → ${back}`);
  }
});

test('only fields that differ from the default count as changed', () => {
  assert.equal(isChangedText(bins, '256'), false);
  assert.equal(isChangedText(bins, '256.0'), false);
  assert.equal(isChangedText(bins, ' '), false);
  assert.equal(isChangedText(bins, '4'), true);
  assert.equal(isChangedText(lambda, ''), false);
  assert.equal(isChangedText(lambda, '0,1'), true);
  const list: OptionSpec = { key: 'l', type: 'number-list', description: '', default: [0, 0.5] };
  assert.equal(isChangedText(list, '0, 0.5'), false);
  assert.equal(isChangedText(list, '0 0.5 1'), true);
});

test('typed values: numbers, lists, booleans; text that is no number stays text for the method to name', () => {
  assert.equal(parseOptionText(bins, ' 64 '), 64);
  assert.equal(parseOptionText(bins, 'lots'), 'lots');
  assert.deepEqual(parseOptionText(lambda, '0, 0.5;1  2'), [0, 0.5, 1, 2]);
  assert.equal(parseOptionText({ key: 'b', type: 'boolean', description: '' }, 'true'), true);
  assert.equal(parseOptionText({ key: 's', type: 'string', description: '' }, ' a b '), ' a b ');
  assert.equal(fieldText([0, 0.5]), '0,0.5');
  assert.equal(fieldText(false), 'false');
});
