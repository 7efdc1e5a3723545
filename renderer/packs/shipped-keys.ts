/**
 * The court IT public keys this build of the app trusts out of the box (DESIGN §5: "the app trusts
 * the court IT public keys it was configured with"). A court that builds its own installer puts
 * the content of its `KEY.pub` (from `npm run templates -- keygen`) here, so every laptop trusts
 * its packs from the first start; keys can also be added later in Settings → Bộ mẫu.
 *
 * Empty in the public build: there is no national signing key yet, and shipping a key whose
 * private half sits in this repository would let anyone sign a pack every app accepts.
 *
 * @example
 *   export const SHIPPED_PACK_KEYS = [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }];
 */
import type { Ed25519Jwk } from '../../shared/templates/crypto.js';

export const SHIPPED_PACK_KEYS: readonly Ed25519Jwk[] = [];
