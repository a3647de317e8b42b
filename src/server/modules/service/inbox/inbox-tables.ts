// Tables of the inbox and chat widget part: the widget's visitors (anonymous or identified by the site).
export interface WidgetVisitorsTable {
  /** The visitor key carried by the conversation's visitorId: 'anon:<hash>' or 'user:<hash>' (never the raw secret). */
  id: string;
  channelId: string;
  /** The site's own user id, for a visitor identified by a signed identity token. */
  externalUserId: string | null;
  name: string | null;
  email: string | null;
  /** The page language the widget reported ('en', 'zh-CN'). */
  language: string | null;
  /** The contact whose e-mail the visitor gave (pre-chat form or identity); their conversations get it. */
  contactId: string | null;
  createdAt: string;
  lastSeenAt: string;
}

export interface InboxTables {
  widget_visitors: WidgetVisitorsTable;
}
