// The abandoned-cart reminder as a React Email template: the store's name or logo, the cart's
// items with their images, what the comeback game can win, one button that restores the cart,
// and the footer every marketing email needs (why they get it, one-click unsubscribe, the
// store's postal address).
import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";

export type ReminderEmailProps = {
  storeName: string;
  logoUrl: string | null;
  postalAddress: string;
  headline: string;
  intro: string[];
  items: { name: string; quantity: number; lineTotal: string; imageUrl: string | null }[];
  total: string;
  discountPercent: number | null;
  /** What the comeback game can win; null when no game waits for this shopper. */
  prizeLine: string | null;
  restoreUrl: string;
  unsubscribeUrl: string;
};

const text = { fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif", color: "#1c1917" };

export function ReminderEmail(p: ReminderEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{p.intro[0]}</Preview>
      <Body style={{ backgroundColor: "#fafaf9", margin: 0, ...text }}>
        <Container style={{ maxWidth: 560, margin: "0 auto", padding: 24, backgroundColor: "#ffffff" }}>
          {p.logoUrl ? (
            <Img src={p.logoUrl} alt={p.storeName} height={40} style={{ margin: "0 0 16px" }} />
          ) : (
            <Text style={{ fontSize: 18, fontWeight: 700, margin: "0 0 16px" }}>{p.storeName}</Text>
          )}
          <Heading as="h1" style={{ fontSize: 24, margin: "0 0 8px" }}>
            {p.headline}
          </Heading>
          {p.intro.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines are fixed for one render
            <Text key={i} style={{ fontSize: 16 }}>
              {line}
            </Text>
          ))}
          <Section>
            {p.items.map((item) => (
              <Row key={item.name} style={{ borderBottom: "1px solid #e7e5e4" }}>
                <Column style={{ width: 72, padding: "8px 0" }}>
                  {item.imageUrl ? (
                    <Img src={item.imageUrl} alt={item.name} width={64} height={64} style={{ borderRadius: 8 }} />
                  ) : null}
                </Column>
                <Column style={{ padding: "8px 12px" }}>
                  <Text style={{ margin: 0, fontSize: 15 }}>{`${item.quantity} × ${item.name}`}</Text>
                </Column>
                <Column style={{ width: 90, textAlign: "right" }}>
                  <Text style={{ margin: 0, fontSize: 15 }}>{item.lineTotal}</Text>
                </Column>
              </Row>
            ))}
          </Section>
          <Text style={{ fontSize: 16, fontWeight: 600, textAlign: "right" }}>{`Total ${p.total}`}</Text>
          {p.discountPercent ? (
            <Text style={{ fontSize: 16, color: "#047857" }}>
              Come back today and take {p.discountPercent}% off this cart.
            </Text>
          ) : null}
          {p.prizeLine ? <Text style={{ fontSize: 16, color: "#1c1917" }}>{p.prizeLine}</Text> : null}
          <Section style={{ textAlign: "center", margin: "24px 0" }}>
            <Button
              href={p.restoreUrl}
              style={{
                backgroundColor: "#047857",
                color: "#ffffff",
                padding: "12px 20px",
                borderRadius: 8,
                fontSize: 16,
              }}
            >
              {p.prizeLine ? "Return to your cart and play" : "Return to your cart"}
            </Button>
          </Section>
          <Hr />
          <Text style={{ fontSize: 12, color: "#78716c" }}>
            You get this email because you agreed to hear from {p.storeName} at checkout.{" "}
            <Link href={p.unsubscribeUrl} style={{ color: "#78716c" }}>
              Unsubscribe
            </Link>{" "}
            at any time.
          </Text>
          <Text style={{ fontSize: 12, color: "#78716c" }}>{`${p.storeName} · ${p.postalAddress}`}</Text>
        </Container>
      </Body>
    </Html>
  );
}
