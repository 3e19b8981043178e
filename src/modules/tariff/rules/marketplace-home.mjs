// Goods rules for the marketplace categories Home & Garden, Furniture, Home Improvement, Home Appliances, Lights & Lighting: part of the ruleset's authoring
// form (generate-ruleset.mjs calls `marketplaceHome` with its helpers). After editing: npm run generate:rules.
export function marketplaceHome({ rule, t, cat, attr, any, all, not, ex }) {}
