// The visibility rules that need no layout: styles and attributes on the control or any
// ancestor, and the clip-path / clip geometry. Layout rules (size, off-screen, covered, scroll
// boxes) are tested in the browser tier on the hostile pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { page } from './env.mjs';
import { clipPathHides, clipRectHides, hiddenByStyle } from '../../extension/content/visibility.js';

const CASES = [
  ['plain', '<input id="x">', null],
  ['type=hidden', '<input id="x" type="hidden">', 'type-hidden'],
  ['display: none on an ancestor', '<div style="display:none"><div><input id="x"></div></div>', 'display'],
  ['visibility: hidden', '<input id="x" style="visibility:hidden">', 'visibility'],
  ['visibility: collapse', '<input id="x" style="visibility:collapse">', 'visibility'],
  ['opacity: 0 on an ancestor', '<div style="opacity:0"><input id="x"></div>', 'opacity'],
  ['opacity: 0.5 is visible', '<div style="opacity:0.5"><input id="x"></div>', null],
  ['hidden attribute', '<div hidden><input id="x"></div>', 'hidden-attribute'],
  ['aria-hidden', '<div aria-hidden="true"><input id="x"></div>', 'aria-hidden'],
  ['aria-hidden=false is visible', '<div aria-hidden="false"><input id="x"></div>', null],
  ['inert', '<div inert><input id="x"></div>', 'inert'],
  ['content-visibility: hidden on an ancestor', '<div style="content-visibility:hidden"><input id="x"></div>', 'content-visibility'],
  ['collapsed details', '<details><summary>More</summary><input id="x"></details>', 'collapsed-details'],
  ['open details', '<details open><summary>More</summary><input id="x"></details>', null],
  ['inside the summary of collapsed details', '<details><summary><input id="x"></summary></details>', null],
  ['hidden through a stylesheet class', '<style>.gone{display:none}</style><div class="gone"><input id="x"></div>', 'display'],
];

for (const [what, html, reason] of CASES) {
  test(`style rule: ${what}`, () => {
    page(html);
    assert.equal(hiddenByStyle(document.getElementById('x')), reason);
  });
}

test('clip-path geometry: what leaves nothing, and what leaves the box', () => {
  for (const [value, hides] of [
    ['none', false], ['inset(50%)', true], ['inset(0 0 100% 0)', true], ['inset(10px)', false], ['inset(0 round 4px)', false],
    ['circle(0)', true], ['circle(0px at 50% 50%)', true], ['circle(40%)', false], ['ellipse(0 0)', true],
    ['polygon(0 0, 0 0, 0 0)', true], ['polygon(0 0, 100% 0, 100% 100%)', false], ['url(#mask)', false],
  ]) assert.equal(clipPathHides(value, 200, 30), hides, value);
});

test('clip: rect() hides only an absolutely positioned box it shrinks to nothing', () => {
  for (const [value, position, hides] of [
    ['rect(0px, 0px, 0px, 0px)', 'absolute', true], ['rect(0 0 0 0)', 'fixed', true], ['rect(1px, 1px, 1px, 1px)', 'absolute', true],
    ['rect(0px, 200px, 30px, 0px)', 'absolute', false], ['rect(0px, 0px, 0px, 0px)', 'static', false], ['auto', 'absolute', false],
    ['rect(auto, auto, auto, auto)', 'absolute', false],
  ]) assert.equal(clipRectHides(value, position), hides, `${value} ${position}`);
});
