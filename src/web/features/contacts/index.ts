// What the contacts feature offers to pages of other features.
export { CreateContactModal } from './components/create-contact-modal';
