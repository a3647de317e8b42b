// Integrations (admin settings): API keys with per-module scopes, webhooks with their delivery log.
export { IntegrationsSection } from './components/integrations-section';
