// Browser test of sharing a trained model (see share.mjs), against the server
// of E2E_URL: ./build.sh test runs it against the native server.
import { test } from 'node:test';
import { shareRoundTrip } from './share.mjs';

const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';

test('train, share, open the link in a fresh browser: the same model', (t) => shareRoundTrip(t, url));
