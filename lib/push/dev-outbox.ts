// Without VAPID keys no browser can subscribe to web push, so in development the reminder job
// keeps the push each sent reminder would have carried in the dev outbox (/admin/outbox),
// addressed "push:<email>" so the outbox can list pushes apart from mail (lib/playcart.ts).
export const DEV_PUSH_PREFIX = "push:";
