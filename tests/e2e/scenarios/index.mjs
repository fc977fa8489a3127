// The scenarios every browser driver runs (tests/e2e/browsers.test.mjs): each takes a fresh
// browser handle from tests/e2e/platform/<browser>.mjs and drives it as the admin would.
import { legacyFlow, atlaskitFlow } from './flow.mjs';
import { mismatchCaught } from './mismatch.mjs';
import { hostileRefused } from './hostile.mjs';
import { privacyDump } from './privacy.mjs';
import { keyGenerated } from './keygen.mjs';
import { platformFacts } from './platform.mjs';
import { verifyWithJira } from './verify.mjs';
import { verifyThroughGateway } from './gateway.mjs';
import { basicAuthFilled } from './basic.mjs';

export const SCENARIOS = [
  ['legacy Jira UI: empty connector to every check passing, through the panel', legacyFlow],
  ['new (Atlaskit) Jira UI: empty connector to every check passing, through the panel', atlaskitFlow],
  ['Basic Auth: the panel fills link, API URL, type and username; the token is checked in place, never kept', basicAuthFilled],
  ['a mismatch made by hand turns the right check to fail, and back', mismatchCaught],
  ['hostile pages: decoys and a lookalike host are never filled', hostileRefused],
  ['privacy: no private key and no API token in any storage area', privacyDump],
  ['the panel generates a 2048-bit key pair with its fingerprint', keyGenerated],
  ['what differs: background, panel host, storage.session, icons', platformFacts],
  ['Verify with Jira against a real HTTPS fake Jira: session cookie (Lax, Strict), renamed site, typed token', verifyWithJira],
  ['Verify with Jira through the API gateway: Basic Auth, a scoped token, api.atlassian.com granted at the click', verifyThroughGateway],
];
