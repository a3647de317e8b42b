// Backups (admin settings): back up now, the backup files with their fingerprints, schedules with retention, restore help.
export { BackupsSection } from './components/backups-section';
