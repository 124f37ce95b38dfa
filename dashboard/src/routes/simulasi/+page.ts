// The simulator runs in the browser on the state of one month (personal data: not rendered on the server).
export const ssr = false;
