export { countUnreadNotifications } from "./count-unread-notifications";
export { listNotifications } from "./list-notifications";
export { markAllNotificationsRead } from "./mark-all-notifications-read";
export { markNotificationRead } from "./mark-notification-read";
