// IM channels (admin settings): generic signed connectors and Telegram bots.
export { ImChannelsSection } from './components/im-channels-section';
