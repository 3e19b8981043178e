// Goods rules for the marketplace categories Tools, Consumer Electronics, Computer & Office, Electronic Components, Phones, Automobiles and Motorcycle parts, Industrial & Business, Security & Protection, Office & School Supplies: part of the ruleset's authoring
// form (generate-ruleset.mjs calls `marketplaceTech` with its helpers). After editing: npm run generate:rules.
export function marketplaceTech({ rule, t, cat, attr, any, all, not, ex }) {}
