// Goods rules for the marketplace categories Women's, Men's and children's clothing, Underwear, Weddings & Events, Novelty & Special Use, Shoes, Toys & Hobbies, Sports & Entertainment: part of the ruleset's authoring
// form (generate-ruleset.mjs calls `marketplaceApparel` with its helpers). After editing: npm run generate:rules.
export function marketplaceApparel({ rule, t, cat, attr, any, all, not, ex }) {}
