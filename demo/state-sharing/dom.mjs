// Small helpers for the demo page's elements.
import { errText } from './format.mjs';

/** The page's element with this id. */
export const $ = (id) => document.getElementById(id);

/** Runs fn() for a control and shows what it returns, or its error, in msgEl. */
export function guarded(msgEl, fn) {
  msgEl.className = 'msg';
  try { msgEl.textContent = fn() || ''; }
  catch (e) { msgEl.className = 'msg err'; msgEl.textContent = errText(e); }
}
