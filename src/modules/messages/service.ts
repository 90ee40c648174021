import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { defineEvent } from '../../platform/outbox/events.js';
import type { Kernel } from '../../platform/kernel.js';
import type { Locale } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { listCursor, timeAndId, toPage } from '../../platform/http/pagination.js';
import { messages } from './schema.js';

/** The list's cursor: its sort key, signed (platform/http/pagination.ts). */
const messageCursor = listCursor('messages', timeAndId);


export type MessageChannel = 'email' | 'sms';

export interface OutgoingMessage {
  channel: MessageChannel;
  /** An email address or a mobile number. */
  to: string;
  subject: string;
  body: string;
  locale: Locale;
}

export interface Message extends OutgoingMessage {
  id: string;
  createdAt: Date;
}

export interface MessageQueued {
  messageId: string;
  channel: MessageChannel;
}
export const MessageEvents = { queued: defineEvent<MessageQueued>('messages.queued') };

/** The sandbox outbox of email and SMS: other modules `send()`, staff `page()` and tests `list()`. */
export class MessagesService {
  constructor(private readonly k: Kernel) {}

  /** Queues a message in the caller's transaction; nothing leaves if that transaction rolls back. */
  async send(msg: OutgoingMessage): Promise<Message> {
    const row = { id: newId(), ...msg, createdAt: this.k.clock.now() };
    await this.k.db.q.insert(messages).values(row);
    await this.k.outbox.emit(MessageEvents.queued, { messageId: row.id, channel: row.channel });
    return row;
  }

  /** Newest first. */
  async list(f: { to?: string; channel?: MessageChannel; limit?: number } = {}): Promise<Message[]> {
    const where: SQL[] = [];
    if (f.to) where.push(eq(messages.to, f.to));
    if (f.channel) where.push(eq(messages.channel, f.channel));
    return this.k.db.q
      .select()
      .from(messages)
      .where(and(...where))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(Math.min(Math.max(f.limit ?? 50, 1), 500));
  }

  /** Newest first, keyset-paginated, for the console's outbox. */
  async page(f: { to?: string; channel?: MessageChannel; limit: number; cursor?: string }) {
    const where: SQL[] = [];
    if (f.to) where.push(eq(messages.to, f.to));
    if (f.channel) where.push(eq(messages.channel, f.channel));
    const after = messageCursor.decode(this.k.secrets.session, f.cursor);
    if (after) {
      const [at, id] = after;
      where.push(or(lt(messages.createdAt, at), and(eq(messages.createdAt, at), lt(messages.id, id)))!);
    }
    const rows = await this.k.db.q
      .select()
      .from(messages)
      .where(and(...where))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => messageCursor.encode(this.k.secrets.session, [r.createdAt.toISOString(), r.id]), (r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }
}
