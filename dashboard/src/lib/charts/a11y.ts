/**
 * Make a Plot figure quiet and valid for assistive technology: the plot <svg> becomes one image named after the
 * chart (its values are in the data table next to it), legend swatches are hidden (their words carry the
 * meaning), and Plot's aria-label on inner <g> elements ("bar", "x-axis tick", …; not allowed on <g> without a
 * role) moves to `data-mark`, which the tests also use.
 */
function moveMarkLabels(root: Element): void {
  const gs = root.matches('g[aria-label]') ? [root] : [];
  gs.push(...root.querySelectorAll('g[aria-label]'));
  for (const g of gs) {
    g.setAttribute('data-mark', g.getAttribute('aria-label')!);
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
}

/**
 * Plot redraws a tip mark's <g> on every pointer move (with its aria-label again); keep moving those labels.
 * Returns the function that stops watching.
 */
export function watchMarkLabels(container: Element): () => void {
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.closest('svg')) moveMarkLabels(n);
  });
  observer.observe(container, { childList: true, subtree: true });
  return () => observer.disconnect();
}

export function labelFigure(node: Element, label: string, description?: string): Element {
  const svgs = node.tagName.toLowerCase() === 'svg' ? [node] : [...node.querySelectorAll('svg')];
  for (const svg of svgs) {
    moveMarkLabels(svg);
    svg.removeAttribute('aria-describedby');
    const isPlot = svg.querySelector('[data-mark]') !== null;
    const isSwatch = !isPlot && (svg.parentElement?.textContent ?? '').trim().length > 0;
    if (isSwatch) {
      // a colour swatch of a legend: the words next to it say what it means
      svg.setAttribute('aria-hidden', 'true');
      continue;
    }
    // marks that link to a unit (Plot's href) are a mouse shortcut: the data table beside the chart has the same links
    // for keyboards and screen readers, so they stay out of the tab order (a heat map would add a thousand stops).
    // An image's content is presentational and may hold no link, so such a chart is a labelled group instead.
    const links = svg.querySelectorAll('a');
    for (const a of links) {
      a.setAttribute('tabindex', '-1');
      a.setAttribute('aria-hidden', 'true');
    }
    svg.setAttribute('role', isPlot && links.length > 0 ? 'group' : 'img');
    svg.setAttribute('aria-label', isPlot ? label : `${label}: legend`);
    if (isPlot && description) svg.setAttribute('aria-description', description);
  }
  return node;
}
