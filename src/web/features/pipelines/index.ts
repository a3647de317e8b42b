// Pipeline administration (Settings → Pipelines): pipelines and their ordered stages.
export { PipelinesSection } from './components/pipelines-section';
