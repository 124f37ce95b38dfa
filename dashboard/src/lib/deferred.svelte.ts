/**
 * Rows a page's load function asked for in the browser and did not await: the large ones (a province's 900 units,
 * the heat map) stay out of the server-rendered HTML (issue 16: ≤ 100 KB a page) and arrive beside the rest.
 *
 * `deferred(() => data.x, make)` is null until the promise settles, then `make(value)`, computed once, outside any
 * reactive tracking: a figure built there (a chart's draw function, with the texts and month of its answer) is drawn
 * once when its rows arrive, not first over the previous rows. A newer promise keeps the last result on screen until
 * its own arrives (no flash of "loading" on a filter change: each chart's subtitle names the month of the rows it
 * draws), unless `keep: false`; no promise (nothing to load) clears it.
 */
export function deferred<T, R>(
  promise: () => Promise<T> | null | undefined,
  make: (value: T) => R,
  /** keep: false — a newer promise clears the last result at once (a list whose every row changes, e.g. a region's units) */
  { keep = true }: { keep?: boolean } = {},
): { readonly current: R | null } {
  let current = $state.raw<R | null>(null);
  $effect(() => {
    const p = promise();
    if (!p || !keep) current = null;
    if (!p) return;
    let live = true;
    p.then((v) => {
      if (live) current = make(v);
    });
    return () => {
      live = false;
    };
  });
  return {
    get current() {
      return current;
    },
  };
}
