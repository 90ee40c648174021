/** The messages module's public face: the sandbox outbox of email and SMS. */
export {
  MessagesService,
  MessageEvents,
  type Message,
  type MessageChannel,
  type MessageQueued,
  type OutgoingMessage,
} from './service.js';
export { messagesAdminRoutes } from './routes.admin.js';
