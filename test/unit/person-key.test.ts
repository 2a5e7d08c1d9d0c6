// personKey: the one rule by which Playcart tells people apart (core/identity.ts).
import { identityKeys, mailAddress, personKey } from "playcart/internal/core/identity";
import { holdoutIdentity } from "playcart/internal/games/holdout";
import { describe, expect, it } from "vitest";

describe("personKey", () => {
  it("makes the three Gmail spellings of one address one person", () => {
    const keys = ["j.ohn+1@gmail.com", "john@gmail.com", "JOHN@googlemail.com"].map(personKey);
    expect(keys).toEqual(["john@gmail.com", "john@gmail.com", "john@gmail.com"]);
  });

  it("lower-cases the whole address, the domain too", () => {
    expect(personKey("Jane.Doe@Example.COM")).toBe("jane.doe@example.com");
    expect(personKey("jdoe@GMAIL.COM")).toBe("jdoe@gmail.com");
    expect(personKey("J.Doe@GoogleMail.Com")).toBe("jdoe@gmail.com");
  });

  it("drops +tags everywhere, but dots only at Gmail", () => {
    expect(personKey("jane+news@example.com")).toBe("jane@example.com");
    expect(personKey("jane+a+b@example.com")).toBe("jane@example.com");
    expect(personKey("jane.doe@example.com")).toBe("jane.doe@example.com");
    expect(personKey("jane.doe+x@outlook.com")).toBe("jane.doe@outlook.com");
    expect(personKey("j.a.n.e+x@gmail.com")).toBe("jane@gmail.com");
  });

  it("trims surrounding whitespace", () => {
    expect(personKey("  John@Gmail.com\t\n")).toBe("john@gmail.com");
  });

  it("leaves malformed input trimmed and lower-cased, so two different ones never merge", () => {
    expect(personKey(" Not-An-Email ")).toBe("not-an-email");
    expect(personKey("@gmail.com")).toBe("@gmail.com");
    expect(personKey("john@")).toBe("john@");
    expect(personKey("a@b@gmail.com")).toBe("a@b@gmail.com");
    expect(personKey("")).toBe("");
    // A local part that is only a tag, or only dots, stays as it is.
    expect(personKey("+tag@example.com")).toBe("+tag@example.com");
    expect(personKey("+a@example.com")).not.toBe(personKey("+b@example.com"));
    expect(personKey("..@gmail.com")).toBe("..@gmail.com");
  });

  it("is idempotent", () => {
    for (const e of ["J.Doe+x@GoogleMail.com", "+tag@example.com", "x", "a.b+c@d.e", " ..@googlemail.com "])
      expect(personKey(personKey(e))).toBe(personKey(e));
  });

  it("is what limits and the holdout key on; mail still goes to the address as typed", () => {
    expect(identityKeys({ email: "J.Ohn+1@googlemail.com" })).toEqual(["email:john@gmail.com"]);
    expect(holdoutIdentity({ email: "J.Ohn+1@googlemail.com" })).toBe("email:john@gmail.com");
    expect(mailAddress(" J.Ohn+1@GoogleMail.com ")).toBe("j.ohn+1@googlemail.com");
  });
});
