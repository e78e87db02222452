/** Set by the server in front of the app (lib/http/edge.ts) to the path and query asked for; a client's own value is overwritten. */
export const REQUEST_PATH_HEADER = "x-request-path";
