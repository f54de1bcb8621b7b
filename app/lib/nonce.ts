// The CSP nonce of the document being rendered, from entry.server to <Scripts> in root.tsx.
// In the browser it stays empty: the nonce only matters in the server-rendered HTML.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
