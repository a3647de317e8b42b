// Inbox: the real-time list of conversations across channels and the conversation view where agents answer.
export { InboxRoute } from './routes/inbox';
