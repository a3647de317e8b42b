// What the e-mail feature offers to other pages: the composer button for records, the safe message body for the
// inbox and tickets, and the admin settings section.
export { EmailComposerButton } from './components/email-composer-button';
export { EmailComposer } from './components/email-composer';
export { MessageBody, type MessageBodyProps } from './components/message-body';
export { EmailSettingsSection } from './components/email-settings-section';
export type { EmailRecord } from './api/email';
