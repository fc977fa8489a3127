// The one rule for reading a text as an auth type, the JS twin of AuthType::names/of_text in
// src/vocabulary/mod.rs: the wordings come from the vocabulary, so the page's option texts
// ("OAuth 1.0a", "API Token", "Personal Access Token") are recognised the same way on both sides.
import { AUTH_TYPES } from './vocabulary.js';

const squash = (t) => String(t).replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/** True when `text` names the auth type `type` (an AUTH_TYPES entry). */
export function namesAuthType(type, text) {
  const s = squash(text);
  return type.wordings.some((w) => {
    const q = squash(w);
    return q.length <= 3 ? s === q : s.includes(q);
  });
}

/** The AUTH_TYPES entry a text names (the first in vocabulary order), or null. */
export function authTypeOfText(text) {
  return AUTH_TYPES.find((a) => namesAuthType(a, text)) ?? null;
}

/** The AUTH_TYPES entry a planned value stands for (its name or its label), or null. */
export function authTypeOfValue(value) {
  return AUTH_TYPES.find((a) => a.name === value || a.label === value) ?? null;
}
