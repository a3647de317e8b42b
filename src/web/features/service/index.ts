// What the service (tickets) feature offers to other pages: Settings → Macros and the new-ticket form.
export { MacrosSection } from './components/macros-section';
export { NewTicketModal } from './components/new-ticket-modal';
