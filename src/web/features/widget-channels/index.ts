// Chat-widget channels (admin settings): the sites that embed the widget, their tag and identity instructions.
export { WidgetChannelsSection } from './components/widget-channels-section';
