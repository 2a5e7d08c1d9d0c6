// Playcart's service worker: shows a cart reminder pushed by the store and opens its link.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: "Your cart is waiting", body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || "Your cart is waiting", {
      body: data.body || "",
      data: { url: data.url || "/cart" },
      tag: "playcart-cart",
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data?.url || "/cart";
  event.waitUntil(self.clients.openWindow(url));
});
