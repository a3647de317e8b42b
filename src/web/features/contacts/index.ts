// What the contacts feature offers to pages of other features.
export { CreateContactModal } from './components/create-contact-modal';
export { OwnerFilter } from './components/owner-filter';
export { ListCount } from './components/list-count';
