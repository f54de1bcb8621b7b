// How often the typing page sends a batch. A file of its own, so the page's JavaScript does not
// carry the schemas that check the batches on the server.
export const STREAM_INTERVAL_MS = 4000;
