// The catalog form's fields, as typed, into the core's values: amounts are typed in the
// store's currency ("4.95") and kept in minor units (495). Which field is an amount depends
// on the reward type: an amount off's value is one, a percentage is not.
import { z } from "zod";
import { formCheckbox, formNumber, optionalFormNumber, optionalFormText } from "./form-values.ts";
import { toMinor } from "./format.ts";

const amountHint = (currency: string) => `Enter an amount in ${currency.toUpperCase()}, such as 5 or 4.95`;

export function catalogItemForm(currency: string) {
  return z
    .object({
      id: optionalFormText(),
      slug: z.string({ message: "Give the reward a key" }),
      name: z.string({ message: "Give the reward a name" }),
      description: z.string().default(""),
      pointsCost: formNumber("Enter a number of points"),
      rewardType: z.string({ message: "Choose a reward type" }),
      rewardValue: z.string({ message: "Enter a value" }).trim().min(1, "Enter a value"),
      productRef: optionalFormText(),
      maxDiscount: optionalFormText(),
      validDays: formNumber("Enter a number of days"),
      position: optionalFormNumber(),
      active: formCheckbox(),
    })
    .transform(({ rewardValue, maxDiscount, ...rest }, ctx) => {
      const amount = (text: string, field: string) => {
        const minor = toMinor(text, currency);
        if (minor === null || Number.isNaN(minor))
          ctx.addIssue({ code: "custom", path: [field], message: amountHint(currency) });
        else if (minor < 0) ctx.addIssue({ code: "custom", path: [field], message: "An amount cannot be negative" });
        return minor ?? 0;
      };
      let value: number;
      if (rest.rewardType === "amount_off") value = amount(rewardValue, "rewardValue");
      else {
        value = Number(rewardValue);
        if (!Number.isFinite(value)) ctx.addIssue({ code: "custom", path: ["rewardValue"], message: "Enter a number" });
      }
      return {
        ...rest,
        rewardValue: value,
        maxDiscountMinor: maxDiscount === undefined ? undefined : amount(maxDiscount, "maxDiscount"),
      };
    });
}
