// Starts the NHS.UK frontend components (header menu, character counts, error summary…) on every page.
import { initAll } from './nhsuk/nhsuk-frontend.min.js';

initAll();
