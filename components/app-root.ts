/** The element each page renders into; every index.html has one, so a missing one is a build mistake and fails loudly. */
export function appRoot(): HTMLElement {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element to render into');
  return root;
}
