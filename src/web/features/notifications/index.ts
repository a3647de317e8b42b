// Notifications: the header bell with the unread count.
export { NotificationBell } from './components/notification-bell';
