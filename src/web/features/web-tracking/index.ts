// Web tracking and forms (admin settings): websites with their snippet and refused-event counts, and embeddable forms.
export { WebSitesSection } from './components/web-sites-section';
export { WebFormsSection } from './components/web-forms-section';
// The forms' names for pickers elsewhere (journey triggers).
export { useWebFormDirectory, type WebFormName } from './api/web-forms';
