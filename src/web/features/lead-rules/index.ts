// Lead rules (admin settings): scoring rules with a recompute, and ordered assignment rules with the re-assignment time.
export { ScoringSection } from './components/scoring-section';
export { AssignmentSection } from './components/assignment-section';
