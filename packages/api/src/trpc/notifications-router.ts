import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "../services/notifications";
import { createTRPCRouter, mutationOf, queryOf } from "./init";

/** The dashboard's bell: the actor's own notifications, in the organization they act in. */
export const notificationsRouter = createTRPCRouter({
  list: queryOf(listNotifications),
  unreadCount: queryOf(countUnreadNotifications),
  markRead: mutationOf(markNotificationRead),
  markAllRead: mutationOf(markAllNotificationsRead),
});
