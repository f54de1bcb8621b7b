// HTML the server renders into a page but leaves out of that page's hydration data (decision 055):
// a document request carries a long lesson once, not twice. The server's entry provides the kept
// HTML to the render through this context; in the browser it is absent.
import { createContext } from "react";

export const HtmlOnceContext = createContext<ReadonlyMap<string, string> | null>(null);
