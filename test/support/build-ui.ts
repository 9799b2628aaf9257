import { buildUi } from '../../scripts/build-ui.ts';

/** Every test run serves the UI built from the current sources (`npx vitest run ...` skips pretest). */
export default async function setup() {
  await buildUi();
}
