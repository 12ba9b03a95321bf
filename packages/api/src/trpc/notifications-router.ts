import { listNotificationsInput, notificationIdInput, Operation } from "@interventions/domain";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "../services/notifications";
import { createTRPCRouter, procedureFor } from "./init";

/** The dashboard's bell: the actor's own notifications, in the organization they act in. */
export const notificationsRouter = createTRPCRouter({
  list: procedureFor(Operation.read)
    .input(listNotificationsInput)
    .query(({ ctx, input }) => listNotifications({ ctx: ctx.service, input })),
  unreadCount: procedureFor(Operation.read).query(({ ctx }) => countUnreadNotifications({ ctx: ctx.service })),
  markRead: procedureFor(Operation.read)
    .input(notificationIdInput)
    .mutation(({ ctx, input }) => markNotificationRead({ ctx: ctx.service, input })),
  markAllRead: procedureFor(Operation.read).mutation(({ ctx }) => markAllNotificationsRead({ ctx: ctx.service })),
});
