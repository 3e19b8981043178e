// Goods rules for the marketplace categories Jewelry & Accessories, Watches, Apparel Accessories, Hair Extensions & Wigs, Beauty & Health, Luggage & Bags: part of the ruleset's authoring
// form (generate-ruleset.mjs calls `marketplaceAccessories` with its helpers). After editing: npm run generate:rules.
export function marketplaceAccessories({ rule, t, cat, attr, any, all, not, ex }) {}
