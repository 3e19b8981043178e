// Goods rules for the marketplace categories Jewelry & Accessories, Watches, Apparel Accessories, Hair Extensions & Wigs, Beauty & Health, Luggage & Bags: part of the ruleset's authoring
// form (generate-ruleset.mjs calls `marketplaceAccessories` with its helpers). After editing: npm run generate:rules.
export function marketplaceAccessories({ rule, t, cat, attr, any, all, not, ex }) {
  // ── Watches (chapter 91) ──
  // A complete watch, as sellers name it; watch parts, straps, boxes, tools and smart watches are not.
  const WATCH = any(
    t('watch', 'watches', 'wristwatch', 'wristwatches', 'wrist watch'),
    cat("Men's Watches", "Women's Watches", "Children's Watches", 'Quartz Watches', 'Mechanical Watches'),
  );
  const NOT_WHOLE_WATCH = any(
    t(
      'smart watch',
      'smartwatch',
      'fitness tracker',
      'smart band',
      'replacement',
      'watch band',
      'watch bands',
      'watchband',
      'watch strap',
      'watch straps',
      'strap for',
      'band for',
      'watch box',
      'watch case for',
      'watch winder',
      'repair',
      'tool',
      'tools',
      'for watch',
      'for apple watch',
      'screen protector',
      'movement for',
      'watch parts',
      'dial for',
      'stand',
      'holder',
      'clock',
      'toy',
      'sticker',
    ),
    cat('Watch Accessories', 'Watch Parts', 'Repair Tools', 'Watchbands', 'Watch Boxes', 'Smart Watches'),
  );
  const POCKET = t(
    'pocket watch',
    'pocket watches',
    'fob watch',
    'fob watches',
    'nurse watch',
    'nurse watches',
    'pocket & fob',
  );
  rule(
    'watches-quartz-analog-wrist',
    'Quartz (battery) wrist watches with hands are electrically operated watches with mechanical display only, not the opto-electronic 9102.12 nor watch parts',
    'Subheading 9102.11 (wrist watches, electrically operated, with mechanical display only); heading 9111/9114 are parts',
    all(
      WATCH,
      any(t('quartz'), attr('movement', 'quartz')),
      not(NOT_WHOLE_WATCH),
      not(POCKET),
      not(t('digital', 'led', 'dual display', 'analog digital', 'movement only')),
      not(attr('display', 'digital', 'dual')),
    ),
    [
      { prefixes: ['910211'], boost: 1.2 },
      { prefixes: ['910212', '910219', '910229'], boost: -0.4 },
      { prefixes: ['9111', '9113', '9114', '9108'], boost: -0.7 },
    ],
    [
      ex('Women Watch Leather Strap Quartz Casual Ladies Wristwatch Simple Dial', true),
      ex('Luxury Men Quartz Watch Stainless Steel Waterproof', true, { attributes: { Movement: 'Quartz' } }),
      ex('Quartz Watch Movement Replacement VX12', false),
      ex('Digital LED Quartz Watch Men Sports', false),
      ex('Silicone Strap For Quartz Watch 20mm', false, {
        category: ['Watches', 'Watch Accessories', 'Watchbands'],
      }),
    ],
  );
  // 9102.11: "with strap, band or bracelet of textile material or of base metal" (.10/.25) vs other (.30/.45);
  // the cheap quartz watches sold online have no jewels and a case that is not gold- or silver-plated.
  rule(
    'watches-quartz-strap-leather-plastics',
    'A quartz analog watch on a leather, PU or silicone strap: the "other" strap lines of 9102.11 (not textile or base metal), case not plated',
    'Subheading 9102.11: 9102.11.45 (no jewels, strap not of textile or base metal, case not gold- or silver-plated)',
    all(
      WATCH,
      any(t('quartz'), attr('movement', 'quartz')),
      any(
        attr('band material', 'leather', 'pu', 'silicone', 'rubber', 'plastic', 'resin'),
        t('leather strap', 'leather band', 'silicone strap', 'silicone band', 'rubber strap', 'pu strap'),
      ),
      not(NOT_WHOLE_WATCH),
      not(POCKET),
    ),
    [
      { prefixes: ['91021145'], boost: 0.6, within: true },
      {
        prefixes: ['91021110', '91021125', '91021130', '91021150', '91021165', '91021170', '91021195'],
        boost: -0.4,
        within: true,
      },
    ],
    [
      ex('Women Watch Leather Strap Quartz', true, { attributes: { 'Band Material Type': 'Leather' } }),
      ex('Quartz Watch Men Stainless Steel Band', false, {
        attributes: { 'Band Material Type': 'Stainless Steel' },
      }),
    ],
  );
  rule(
    'watches-quartz-strap-base-metal-textile',
    'A quartz analog watch on a steel, alloy or nylon band: the textile-or-base-metal strap lines of 9102.11, no jewels, case not plated',
    'Subheading 9102.11: 9102.11.25 (no jewels, strap of textile or base metal, case not gold- or silver-plated)',
    all(
      WATCH,
      any(t('quartz'), attr('movement', 'quartz')),
      any(
        attr(
          'band material',
          'stainless steel',
          'alloy',
          'steel',
          'metal',
          'nylon',
          'canvas',
          'fabric',
          'mesh',
        ),
        t(
          'stainless steel band',
          'steel strap',
          'mesh strap',
          'mesh band',
          'nylon strap',
          'steel band',
          'milanese',
        ),
      ),
      not(attr('band material', 'leather', 'pu', 'silicone', 'rubber', 'plastic', 'resin')),
      not(NOT_WHOLE_WATCH),
      not(POCKET),
    ),
    [
      { prefixes: ['91021125'], boost: 0.6, within: true },
      {
        prefixes: ['91021110', '91021130', '91021145', '91021150', '91021165', '91021170', '91021195'],
        boost: -0.4,
        within: true,
      },
    ],
    [
      ex('Quartz Watch Men Business', true, { attributes: { 'Band Material Type': 'Stainless Steel' } }),
      ex('Women Watch Leather Strap Quartz', false, { attributes: { 'Band Material Type': 'Leather' } }),
    ],
  );
  rule(
    'watches-digital-display',
    'Digital (LED or LCD) wrist watches, not smart watches: electrically operated watches with opto-electronic display only',
    'Subheading 9102.12 (9102.12.80: the watch; .20/.40 are straps entered with the watches); smart watches are 8517.62',
    all(
      WATCH,
      any(
        t(
          'digital watch',
          'digital watches',
          'led watch',
          'electronic watch',
          'digital wristwatch',
          'lcd watch',
        ),
        attr('display', 'digital'),
        attr('movement', 'digital'),
      ),
      not(NOT_WHOLE_WATCH),
      not(
        t(
          'dual display',
          'analog digital',
          'analog-digital',
          'double display',
          'quartz analog',
          'bluetooth',
          'heart rate',
          'calls',
        ),
      ),
      not(attr('display', 'dual', 'analog')),
    ),
    [
      { prefixes: ['910212'], boost: 1.1 },
      { prefixes: ['9102128000'], boost: 0.5, within: true },
      { prefixes: ['9102122000', '9102124000'], boost: -0.5, within: true },
      { prefixes: ['910211', '9111', '9114'], boost: -0.5 },
    ],
    [
      ex('Digital Sports Watch LED Waterproof Men Alarm', true, { attributes: { Display: 'Digital' } }),
      ex('Smart Watch Digital Display Heart Rate', false),
      ex('Dual Display Digital Watch Men Analog Quartz', false),
    ],
  );
  rule(
    'watches-dual-display',
    'Wrist watches with both hands and a digital (LCD) display are electrically operated watches with other display',
    'Subheading 9102.19 (electrically operated wrist watches, other than mechanical-only or opto-electronic-only display)',
    all(
      WATCH,
      any(
        t('dual display', 'analog digital', 'analog-digital', 'double display', 'dual time display'),
        attr('display', 'dual'),
      ),
      not(NOT_WHOLE_WATCH),
    ),
    [
      { prefixes: ['910219'], boost: 1.1 },
      { prefixes: ['910211', '910212'], boost: -0.4 },
    ],
    [
      ex('Men Sports Watch Dual Display Analog Digital LED Waterproof', true),
      ex('Digital LED Watch Kids', false),
    ],
  );
  rule(
    'watches-automatic-self-winding',
    'Automatic (self-winding) mechanical wrist watches',
    'Subheading 9102.21 (other wrist watches, with automatic winding); 9102.29 hand-wound',
    all(
      WATCH,
      any(
        t(
          'automatic watch',
          'automatic mechanical',
          'self-winding',
          'self winding',
          'automatic wristwatch',
          'automatic men watch',
        ),
        attr('movement', 'automatic'),
      ),
      not(NOT_WHOLE_WATCH),
      not(POCKET),
      not(t('quartz', 'movement only', 'nh35 movement', 'nh36 movement')),
    ),
    [
      { prefixes: ['910221'], boost: 1.2 },
      { prefixes: ['910229', '910211', '910212'], boost: -0.5 },
      { prefixes: ['9108', '9111', '9114'], boost: -0.6 },
    ],
    [
      ex('Automatic Mechanical Watch Men Skeleton Luxury Wristwatch', true),
      ex('NH35 Automatic Movement Replacement', false, {
        category: ['Watches', 'Watch Parts & Repair Tools', 'Movement'],
      }),
      ex('Quartz Watch Men Stainless Steel', false),
    ],
  );
  rule(
    'watches-hand-wound-mechanical',
    'Hand-wound mechanical wrist watches (mechanical, not automatic)',
    'Subheading 9102.29 (other wrist watches, not electrically operated, without automatic winding)',
    all(
      WATCH,
      any(
        t('hand wind', 'hand-wind', 'hand winding', 'manual wind', 'manual winding', 'hand wound'),
        attr('movement', 'hand wind', 'manual'),
      ),
      not(t('automatic', 'self-winding', 'quartz')),
      not(NOT_WHOLE_WATCH),
      not(POCKET),
    ),
    [
      { prefixes: ['910229'], boost: 1.1 },
      { prefixes: ['910221', '910211'], boost: -0.4 },
    ],
    [
      ex('Mechanical Hand Wind Watch Men Vintage Wristwatch', true),
      ex('Automatic Self-Winding Watch', false),
    ],
  );
  rule(
    'pocket-fob-watches-quartz',
    'Pocket watches, fob and nurse watches with a battery (quartz) movement: "other" watches, electrically operated, not wrist watches',
    'Subheading 9102.91 (other watches, electrically operated); 9102.91.40 mechanical display, no jewels',
    all(
      POCKET,
      any(t('quartz', 'battery'), attr('movement', 'quartz')),
      not(
        t(
          'mechanical',
          'hand wind',
          'automatic',
          'chain only',
          'holder',
          'stand',
          'box',
          'case only',
          'movement only',
        ),
      ),
      not(cat('Watch Parts', 'Repair Tools', 'Watch Accessories')),
    ),
    [
      { prefixes: ['910291'], boost: 1.4 },
      { prefixes: ['91029140'], boost: 0.5, within: true },
      { prefixes: ['91029120', '91029180'], boost: -0.4, within: true },
      { prefixes: ['910211', '910212', '9111', '9114'], boost: -0.6 },
    ],
    [
      ex('Vintage Bronze Quartz Pocket Watch Necklace Chain', true),
      ex('Nurse Fob Watch Clip On Silicone', true, { attributes: { Movement: 'Quartz' } }),
      ex('Steampunk Mechanical Pocket Watch Hand Wind', false),
    ],
  );
  rule(
    'pocket-fob-watches-mechanical',
    'Mechanical (hand-wound or automatic) pocket and fob watches: "other" watches, not electrically operated',
    'Subheading 9102.99 (other watches, other than electrically operated)',
    all(
      POCKET,
      any(
        t('mechanical', 'hand wind', 'hand-wind', 'automatic', 'self-winding'),
        attr('movement', 'mechanical', 'hand wind', 'automatic'),
      ),
      not(t('quartz', 'battery', 'holder', 'stand', 'box', 'movement only')),
      not(cat('Watch Parts', 'Repair Tools', 'Watch Accessories')),
    ),
    [
      { prefixes: ['910299'], boost: 1.4 },
      { prefixes: ['910221', '910229', '9111', '9114'], boost: -0.6 },
    ],
    [
      ex('Steampunk Mechanical Pocket Watch Hand Wind Skeleton', true),
      ex('Quartz Pocket Watch Necklace', false),
    ],
  );
  rule(
    'watch-movements-quartz',
    'Complete quartz watch movements (with or without battery, hands) sold as replacements are watch movements, not other watch parts',
    'Subheading 9108.11 (watch movements, complete and assembled, electrically operated, with mechanical display)',
    all(
      t('movement', 'movements'),
      any(t('quartz'), t('vx12', 'vx32', 'vx42', 'pc21', 'gm10', '2035', '2115', 'y121')),
      any(t('watch', 'watches'), cat('Watch Parts')),
      any(
        t('replacement', 'repair', 'for watch', 'movement only', 'spare', 'with battery', 'watch movement'),
        cat('Watch Parts', 'Movement'),
      ),
      not(
        t(
          'wristwatch',
          'men watch',
          'women watch',
          'luxury watch',
          'clock',
          'wall clock',
          'holder',
          'opener',
        ),
      ),
    ),
    [
      { prefixes: ['910811'], boost: 1.4 },
      { prefixes: ['9114', '9111', '9102'], boost: -0.7 },
    ],
    [
      ex('Quartz Watch Movement Replacement VX12 With Battery', true),
      ex('Quartz Wall Clock Movement Mechanism', false),
      ex('Luxury Men Quartz Watch Japan Movement', false),
    ],
  );
  rule(
    'watch-movements-automatic',
    'Complete automatic (self-winding) watch movements sold as replacements (NH35, NH36, 8215, ST16)',
    'Subheading 9108.20 (watch movements with automatic winding)',
    all(
      any(
        t('movement', 'movements'),
        t('nh35', 'nh36', 'nh34', 'nh38', 'nh05', 'miyota 8215', 'miyota 8205', 'st1612', 'dg2813'),
      ),
      any(
        t('automatic', 'self-winding', 'mechanical'),
        t('nh35', 'nh36', 'nh34', 'nh38', 'miyota 8215', 'dg2813'),
      ),
      any(
        t('replacement', 'movement only', 'for watch', 'watch movement', 'spare', 'mod'),
        cat('Watch Parts', 'Movement'),
      ),
      not(
        t(
          'wristwatch',
          'men watch',
          'women watch',
          'luxury watch',
          'clock',
          'dial',
          'case',
          'hands',
          'crown',
          'holder',
        ),
      ),
    ),
    [
      { prefixes: ['910820'], boost: 1.4 },
      { prefixes: ['9114', '9111', '9102'], boost: -0.7 },
    ],
    [
      ex('NH35 Automatic Movement Replacement Japan Mechanical', true),
      ex('Watch Case For NH35 Movement 40mm Sapphire', false),
    ],
  );
  rule(
    'watch-glasses-crystals',
    'Watch glasses ("watch crystal", sapphire or mineral) sold alone are other watch parts, not watch cases',
    'Subheading 9114.90 (other clock or watch parts), 9114.90.40 for watches; heading 9111 is cases and their parts',
    all(
      t(
        'watch crystal',
        'watch glass',
        'crystal glass for watch',
        'sapphire crystal',
        'mineral crystal',
        'watch glasses',
        'sapphire glass',
      ),
      any(
        t('replacement', 'flat', 'domed', 'dome', 'mm', 'repair', 'for watch'),
        cat('Watch Parts', 'Watch Glass'),
      ),
      not(
        t(
          'wristwatch',
          'men watch',
          'women watch',
          'luxury',
          'case',
          'screen protector',
          'tempered',
          'smart',
          'apple watch',
        ),
      ),
    ),
    [
      { prefixes: ['9114904000'], boost: 1.3 },
      { prefixes: ['9111', '9102', '7020'], boost: -0.6 },
    ],
    [
      ex('Sapphire Watch Crystal Replacement Flat Glass 30mm', true),
      ex('Luxury Men Watch Sapphire Crystal Automatic', false),
      ex('Tempered Glass Screen Protector For Apple Watch', false),
    ],
  );
  rule(
    'watch-batteries-silver-oxide',
    'Silver-oxide button cells (SR626SW, SR920SW… the usual watch batteries) are primary cells of silver oxide, not watch parts',
    'Subheading 8506.40 (primary cells of silver oxide), 8506.40.10.10 button cells; heading 9114 excludes batteries (chapter 91 note 1)',
    all(
      any(
        t(
          'silver oxide',
          'sr626sw',
          'sr626',
          'sr621sw',
          'sr920sw',
          'sr920',
          'sr927sw',
          'sr927',
          'sr916sw',
          'sr66',
          'sr41',
          'sr44',
          'sr45',
        ),
        all(t('watch battery', 'watch batteries'), t('sr', '377', '364', '371', '395', '397', '379')),
      ),
      not(
        t(
          'lithium',
          'cr2032',
          'cr2025',
          'cr2016',
          'alkaline',
          'lr44',
          'ag13',
          'ag4',
          'rechargeable',
          'tester',
          'opener',
          'screwdriver',
        ),
      ),
    ),
    [
      { prefixes: ['850640'], boost: 1.4 },
      { prefixes: ['8506401010'], boost: 0.4, within: true },
      { prefixes: ['850610', '850650', '850680', '9114'], boost: -0.6 },
    ],
    [
      ex('10pcs SR626SW 377 Watch Battery Button Cell Silver Oxide', true),
      ex('CR2032 Lithium Button Battery 3V 5pcs', false),
      ex('LR44 AG13 Alkaline Button Cell', false),
    ],
  );
  rule(
    'watch-tool-kits-not-single-tools',
    'A watch repair tool kit or set (several tools put up together) is not a single hand tool of 8205.59',
    'Heading 8206 (tools of two or more of headings 8202 to 8205, put up in sets for retail sale) against 8205.59',
    all(
      t('watch', 'watches', 'watchmaker'),
      t('tool kit', 'tools kit', 'tool set', 'tools set', 'repair kit', 'repair set', 'kit', 'set'),
      any(t('pcs', 'pieces', 'piece', 'kit', 'tool kit'), cat('Repair Tools & Kits')),
      t('tool', 'tools', 'opener', 'remover', 'screwdriver'),
      not(t('movement', 'dial', 'crystal', 'battery', 'batteries', 'strap', 'band', 'watch box')),
    ),
    [
      { prefixes: ['8206000000'], boost: 0.6 },
      { prefixes: ['820559', '9111', '9113', '9114'], boost: -0.8 },
    ],
    [
      ex('Watch Repair Tool Kit 147pcs Case Opener Link Pin Remover Spring Bar Tool', true),
      ex('Watch Case Back Opener Wrench Tool', false),
    ],
  );

  // ── Imitation and precious-metal jewellery (chapter 71) ──
  const JEWEL_WORDS = t(
    'ring',
    'rings',
    'earring',
    'earrings',
    'necklace',
    'necklaces',
    'bracelet',
    'bracelets',
    'bangle',
    'pendant',
    'brooch',
    'anklet',
    'choker',
    'jewelry',
    'jewellery',
    'tiara',
    'crown',
    'hairpin',
    'ear studs',
    'stud earrings',
  );
  const NOT_JEWEL = t(
    'keychain',
    'key chain',
    'key ring',
    'keyring',
    'box',
    'boxes',
    'display',
    'stand',
    'organizer',
    'pouch',
    'tool',
    'pliers',
    'phone',
    'mold',
    'mould',
    'sticker',
    'curtain',
    'lamp',
    'chandelier',
  );
  rule(
    'imitation-jewellery-base-metal-by-metal',
    'Imitation jewellery whose stated metal is a base metal (zinc alloy, stainless or titanium steel, copper, brass) is of base metal (7117.11/7117.19), not "other" imitation jewellery (7117.90)',
    'Subheadings 7117.11 and 7117.19 (of base metal, whether or not plated with precious metal) against 7117.90',
    all(
      any(
        attr(
          'metals type',
          'zinc alloy',
          'alloy',
          'stainless steel',
          'titanium steel',
          'titanium',
          'copper',
          'brass',
          'iron',
          'tin alloy',
          'metal',
          'aluminum',
        ),
        attr(
          'material',
          'zinc alloy',
          'alloy',
          'stainless steel',
          'titanium steel',
          'copper',
          'brass',
          'metal',
        ),
      ),
      any(JEWEL_WORDS, cat('Fashion Jewelry', 'Jewelry Findings', 'Charms')),
      not(attr('metals type', 'silver', 'gold', 'platinum')),
      not(
        t(
          '925',
          's925',
          'sterling silver',
          'solid gold',
          'leather',
          'wooden',
          'wood',
          'acrylic',
          'resin',
          'seed beads',
          'beaded',
          'rope',
        ),
      ),
      not(
        attr(
          'material',
          'leather',
          'wood',
          'acrylic',
          'resin',
          'glass',
          'plastic',
          'rope',
          'shell',
          'natural stone',
        ),
      ),
      not(NOT_JEWEL),
    ),
    [
      { prefixes: ['711711', '711719'], boost: 0.6 },
      { prefixes: ['711790'], boost: -0.5 },
    ],
    [
      ex('Trendy Big Hoop Earrings For Women Gold Plated', true, {
        attributes: { 'Metals Type': 'Zinc Alloy' },
      }),
      ex('Bohemian Acrylic Bead Bracelet', false, { attributes: { Material: 'Acrylic' } }),
      ex('Zinc Alloy Keychain Car Logo', false, { attributes: { Material: 'Zinc Alloy' } }),
    ],
  );
  rule(
    'cufflinks-base-metal',
    'Cuff links and shirt studs of base metal are the first subheading of imitation jewellery of base metal',
    'Subheading 7117.11 (cuff links and studs, of base metal)',
    all(
      t('cufflinks', 'cufflink', 'cuff links', 'cuff link', 'shirt studs'),
      not(t('925', 'sterling', 'solid gold', 'silver 925', 'box only', 'display')),
      not(attr('metals type', 'silver', 'gold', 'platinum')),
    ),
    [
      { prefixes: ['711711'], boost: 1.2 },
      { prefixes: ['711719', '711790', '7113'], boost: -0.5 },
    ],
    [
      ex('Mens Shirt Cufflinks Silver Tone Stainless Steel', true),
      ex('925 Sterling Silver Cufflinks Men', false),
    ],
  );
  rule(
    'gold-necklaces-neck-chains',
    'Necklaces and neck chains of gold (a finished necklace, not chain by the meter) have their own lines in 7113.19',
    'Subheading 7113.19: 7113.19.29 (necklaces and neck chains, of gold, other than rope or mixed link) against 7113.19.50.91',
    all(
      any(
        t('14k', '18k', '10k', '24k', 'solid gold', 'real gold', 'au750', 'au585'),
        attr('metals type', 'gold'),
      ),
      t('necklace', 'necklaces', 'neck chain', 'chain necklace', 'choker'),
      not(
        t(
          'plated',
          'gold filled',
          'gold color',
          'platinum',
          'pendant only',
          'by the meter',
          'meter',
          'meters',
          'feet',
          'spool',
        ),
      ),
    ),
    [
      { prefixes: ['7113192900'], boost: 0.6, within: true },
      { prefixes: ['7113195091', '7113191000'], boost: -0.4, within: true },
    ],
    [
      ex('Real 18K Gold Necklace AU750 Solid Gold O Chain Women', true),
      ex('18K Gold Plated Necklace', false),
    ],
  );

  // ── Jewellery packaging (not jewellery) ──
  rule(
    'paper-jewellery-gift-boxes',
    'Jewellery and gift boxes of paper, kraft or cardboard are folding cartons or boxes of paperboard, not textile articles nor 4202 cases',
    'Heading 4819 (cartons, boxes and cases of paper or paperboard), 4819.20 non-corrugated',
    all(
      any(
        t('kraft', 'kraft paper', 'paper box', 'paper boxes', 'cardboard', 'paperboard', 'paper gift box'),
        attr('material', 'paper', 'kraft', 'cardboard'),
      ),
      t('box', 'boxes', 'gift box', 'packaging'),
      any(t('jewelry', 'jewellery', 'necklace', 'ring', 'earring', 'gift'), cat('Jewelry Packaging')),
      not(
        t(
          'wooden',
          'wood',
          'velvet',
          'leather',
          'pu',
          'acrylic',
          'plastic',
          'metal',
          'tin',
          'corrugated',
          'shipping',
          'bag',
          'bags',
          'pouch',
          'card',
        ),
      ),
    ),
    [
      { prefixes: ['481920'], boost: 1.2 },
      { prefixes: ['4202', '6307', '4823'], boost: -0.6 },
    ],
    [
      ex('24pcs Kraft Paper Jewelry Gift Boxes With Sponge', true),
      ex('Velvet Jewelry Box Ring Case', false),
      ex('Kraft Paper Gift Bags With Handles', false),
    ],
  );

  // ── Apparel accessories ──
  rule(
    'belts-plastics-pu',
    'Waist belts of PU ("PU leather", faux or vegan leather) or PVC are clothing accessories of plastics, not of leather',
    'Subheading 3926.20 (articles of apparel and clothing accessories of plastics), 3926.20.90.50; heading 4203 needs leather or composition leather (chapter 41 note 3)',
    all(
      t('belt', 'belts', 'waistband', 'waist belt'),
      any(
        attr('belts material', 'pu', 'pvc', 'plastic', 'faux leather', 'synthetic leather', 'vegan leather'),
        attr('material', 'pu', 'pvc', 'plastic', 'faux leather', 'synthetic leather', 'vegan leather'),
        t('pu leather', 'pu belt', 'faux leather', 'vegan leather', 'pvc belt', 'synthetic leather'),
      ),
      not(t('genuine leather', 'cowhide', 'real leather', 'cow leather', 'split leather', 'full grain')),
      not(attr('belts material', 'genuine leather', 'cowskin', 'leather', 'canvas', 'nylon')),
      not(
        t(
          'belt bag',
          'waist bag',
          'fanny',
          'pack',
          'watch',
          'timing belt',
          'conveyor',
          'seat belt',
          'safety belt',
          'tool belt',
          'sander',
          'drive belt',
          'massage',
          'slimming',
          'trainer',
          'corset',
          'dog',
          'guitar',
          'strap for bag',
        ),
      ),
    ),
    [
      { prefixes: ['392620'], boost: 1.3 },
      { prefixes: ['3926209050'], boost: 0.5, within: true },
      { prefixes: ['4203', '6217', '3926906090'], boost: -0.9 },
      { prefixes: ['6103', '6104', '6203', '6204', '6404', '6402'], boost: -0.6 },
    ],
    [
      ex('Women PU Leather Belt Thin Waist Belt Gold Buckle', true, {
        attributes: { 'Belts Material': 'PU' },
      }),
      ex('Men Genuine Leather Belt Automatic Buckle', false, {
        attributes: { 'Belts Material': 'Genuine Leather' },
      }),
      ex('PU Leather Belt Bag Women Waist Pack', false),
    ],
  );
  const HAT = t(
    'hat',
    'hats',
    'cap',
    'caps',
    'beanie',
    'beanies',
    'fedora',
    'beret',
    'bucket hat',
    'headwear',
  );
  rule(
    'hats-felt-cotton-not-straw',
    '"Panama", fedora and bucket hats of felt, wool, cotton or polyester are textile headgear (6505), not the plaited hats of 6504: "Panama" names the style',
    'Heading 6505 (hats made up from felt or other textile fabric) against 6504 (plaited or assembled from strips)',
    all(
      HAT,
      any(
        attr(
          'material',
          'wool',
          'cotton',
          'felt',
          'polyester',
          'acrylic',
          'woolen',
          'cashmere',
          'nylon',
          'linen',
        ),
        t('felt', 'wool felt', 'woolen', 'cotton', 'polyester', 'corduroy', 'denim', 'canvas'),
      ),
      not(t('straw', 'raffia', 'paper straw', 'rattan', 'seagrass', 'wheat straw', 'woven straw')),
      not(attr('material', 'straw', 'raffia', 'paper')),
      not(t('felt sheet', 'felt fabric', 'keychain', 'miniature', 'doll', 'pin', 'hanger', 'rack')),
    ),
    [
      { prefixes: ['6505'], boost: 0.6 },
      { prefixes: ['6504'], boost: -1.2 },
    ],
    [
      ex('Wool Felt Fedora Hat Men Women Jazz Panama Hat', true),
      ex('Bucket Hat Cotton Fisherman Hat Summer Panama', true),
      ex('Raffia Panama Hat Summer Men', false),
    ],
  );
  rule(
    'knitted-beanies-balaclavas',
    'Knitted beanies, skullies, winter hats and balaclavas are knitted headgear (6505), not garments, scarves or articles of plastics',
    'Heading 6505 (hats and other headgear, knitted or crocheted); CBP treats balaclavas as headgear of 6505',
    all(
      t(
        'beanie',
        'beanies',
        'skullies',
        'skullcap',
        'knitted hat',
        'knit hat',
        'winter hat',
        'balaclava',
        'pom pom hat',
        'bonnet hat',
        'ski mask',
      ),
      not(
        t(
          'baby beanie pattern',
          'keychain',
          'doll',
          'toy',
          'costume mask',
          'helmet',
          'hat rack',
          'hanger',
          'scarf set',
          'gloves set',
          'yarn',
        ),
      ),
    ),
    [
      { prefixes: ['6505'], boost: 1.1 },
      { prefixes: ['3926', '6112', '6117', '6114', '9505'], boost: -0.6 },
    ],
    [
      ex('Knitted Beanie Winter Hat Women Men Warm Skullies', true),
      ex('Balaclava Knitted Ski Mask Full Face Winter', true),
      ex('Hat Scarf Gloves Set Winter Knitted 3pcs', false),
    ],
  );
  const SCARF = t(
    'scarf',
    'scarves',
    'shawl',
    'shawls',
    'hijab',
    'hijabs',
    'muffler',
    'pashmina',
    'stole',
    'wrap scarf',
    'neckerchief',
    'headscarf',
  );
  const NOT_SCARF = t(
    'ring',
    'clip',
    'pin',
    'buckle',
    'hanger',
    'dress',
    'abaya',
    'cap',
    'underscarf',
    'ninja',
    'bandana mask',
  );
  const KNIT = t('knitted', 'knit', 'crochet', 'crocheted', 'jersey', 'knitting');
  rule(
    'scarves-woven',
    'Scarves, shawls and hijabs of silk, satin, chiffon, cotton or woven polyester (not knitted) are of heading 6214, not 6117.10',
    'Heading 6214 (shawls, scarves, mufflers, veils, not knitted) against 6117.10 (knitted or crocheted)',
    all(
      SCARF,
      any(
        t(
          'silk',
          'satin',
          'chiffon',
          'voile',
          'cotton linen',
          'linen',
          'twill',
          'plaid',
          'printed',
          'square scarf',
          'pashmina',
          'viscose',
          'modal',
        ),
        attr('material', 'silk', 'satin', 'chiffon', 'cotton', 'linen', 'viscose', 'polyester', 'rayon'),
      ),
      not(KNIT),
      not(NOT_SCARF),
    ),
    [
      { prefixes: ['6214'], boost: 0.8 },
      { prefixes: ['611710'], boost: -0.7 },
    ],
    [
      ex('100% Mulberry Silk Scarf Women Square Neckerchief', true),
      ex('Chiffon Hijab Scarf Muslim Women', true),
      ex('Knitted Infinity Scarf Women Winter', false),
    ],
  );
  rule(
    'scarves-knitted',
    'Knitted or crocheted scarves, snoods and neck warmers are of 6117.10',
    'Subheading 6117.10 (shawls, scarves, mufflers and the like, knitted or crocheted)',
    all(
      any(SCARF, t('neck warmer', 'snood', 'infinity scarf')),
      KNIT,
      not(NOT_SCARF),
      not(t('hat', 'beanie', 'set', 'gloves')),
    ),
    [
      { prefixes: ['611710'], boost: 0.8 },
      { prefixes: ['6214'], boost: -0.6 },
    ],
    [ex('Knitted Infinity Scarf Women Winter Warm Loop', true), ex('Chiffon Hijab Scarf', false)],
  );
  rule(
    'scarves-silk-70-percent',
    'A scarf of (100%, mulberry) silk contains 70 percent or more of silk',
    'Subheading 6214.10: 6214.10.10 (containing 70 percent or more by weight of silk or silk waste)',
    all(
      SCARF,
      t('100% silk', 'mulberry silk', 'pure silk', '100 silk', 'real silk', 'natural silk'),
      not(t('satin', 'silky', 'imitation silk', 'feel')),
    ),
    [
      { prefixes: ['6214101000'], boost: 0.6, within: true },
      { prefixes: ['6214102000'], boost: -0.4, within: true },
    ],
    [ex('100% Mulberry Silk Scarf Women Square', true), ex('Satin Silk Feel Scarf Polyester', false)],
  );
  rule(
    'spectacle-sunglasses-cases',
    'Cases, boxes and pouches for glasses or sunglasses are spectacle cases of heading 4202 (a kind carried in the pocket or handbag), not the glasses',
    'Heading 4202 ("spectacle cases"), subheadings 4202.31-4202.39 by outer surface; heading 9004 covers the glasses',
    all(
      t(
        'glasses case',
        'glasses cases',
        'eyeglasses case',
        'eyeglass case',
        'sunglasses case',
        'sunglass case',
        'spectacle case',
        'spectacles case',
        'eyewear case',
        'glasses box',
        'glasses pouch',
        'sunglasses pouch',
        'glasses bag',
        'sunglasses bag',
        'glasses holder case',
      ),
      not(
        t(
          'with case',
          'and case',
          'case included',
          'free case',
          'with box',
          'polarized',
          'uv400',
          'lens',
          'lenses',
        ),
      ),
    ),
    [
      { prefixes: ['4202'], boost: 1.0 },
      { prefixes: ['42023'], boost: 0.5 },
      { prefixes: ['9004', '9003'], boost: -1.6 },
    ],
    [
      ex('Hard Shell Glasses Case PU Leather Eyeglasses Box', true),
      ex('Polarized Sunglasses Men With Case UV400', false),
    ],
  );
  rule(
    'spectacle-frames',
    'Optical frames sold as frames (for prescription lenses) are frames and mountings for spectacles, not spectacles',
    'Heading 9003 (frames and mountings for spectacles): 9003.11 of plastics, 9003.19 of other materials',
    all(
      t(
        'optical frame',
        'optical frames',
        'eyeglasses frame',
        'eyeglass frame',
        'spectacle frame',
        'spectacle frames',
        'glasses frame',
        'glasses frames',
        'frame only',
        'frames only',
        'rimless frame',
        'prescription frame',
      ),
      not(
        t(
          'sunglasses',
          'polarized',
          'blue light',
          'anti blue',
          'blue ray',
          'computer',
          'radiation',
          'reading glasses',
          'presbyopic',
          'with lens',
          'lenses',
          'clear lens',
          'case',
          'chain',
          'strap',
          'photo frame',
          'picture frame',
          'goggles',
          'vr',
          'hinge',
          'screw',
          'nose pad',
        ),
      ),
    ),
    [
      { prefixes: ['9003'], boost: 1.2 },
      { prefixes: ['9004', '8306', '9001'], boost: -0.6 },
    ],
    [
      ex('TR90 Optical Eyeglasses Frame Women Myopia Prescription Glasses Frame', true),
      ex('Metal Eyeglasses Frame Men Titanium Alloy Rectangle Optical', true),
      ex('Anti Blue Light Glasses Frame Women Computer Eyeglasses', false),
    ],
  );
  rule(
    'spectacle-frames-metal',
    'Optical frames of metal or titanium are frames "of other materials"',
    'Subheading 9003.19 (frames and mountings of other materials than plastics)',
    all(
      any(t('frame', 'frames'), cat('Eyewear Frames')),
      t('glasses', 'eyeglasses', 'optical', 'spectacle', 'eyewear'),
      any(
        t('metal', 'titanium', 'alloy', 'stainless steel', 'aluminum'),
        attr('frame material', 'metal', 'titanium', 'alloy', 'stainless'),
      ),
      not(t('tr90', 'acetate', 'plastic', 'sunglasses', 'case')),
    ),
    [
      { prefixes: ['900319'], boost: 0.6 },
      { prefixes: ['900311'], boost: -0.4 },
    ],
    [ex('Metal Eyeglasses Frame Men Titanium Alloy Optical', true), ex('TR90 Optical Frame Women', false)],
  );
  const HAIR_SLIDE = t(
    'claw clip',
    'claw clips',
    'hair claw',
    'hair claws',
    'shark clip',
    'banana clip',
    'hair clip',
    'hair clips',
    'barrette',
    'barrettes',
    'hairpin',
    'hairpins',
    'snap clip',
    'snap clips',
    'duckbill clip',
    'hair slide',
    'side clip',
    'bangs clip',
  );
  const NOT_HAIR_SLIDE = t(
    'bobby pin',
    'bobby pins',
    'hair pins black',
    'u shaped',
    'u-shaped',
    'sectioning',
    'hair extension',
    'clip in',
    'wig',
    'curler',
    'roller',
    'keychain',
  );
  rule(
    'hair-slides-claws-plastics',
    'Hair claws, clips and barrettes of acrylic, resin or other plastics are hair-slides of plastics',
    'Subheading 9615.11 (combs, hair-slides and the like, of hard rubber or plastics); 9615.90 covers hairpins and curling devices',
    all(
      HAIR_SLIDE,
      any(
        t('acrylic', 'resin', 'plastic', 'cellulose acetate', 'acetate', 'tortoise shell'),
        attr('material', 'acrylic', 'resin', 'plastic', 'abs', 'acetate', 'pc'),
      ),
      not(attr('material', 'metal', 'alloy', 'iron', 'wood', 'fabric')),
      not(NOT_HAIR_SLIDE),
    ),
    [
      { prefixes: ['961511'], boost: 1.0 },
      { prefixes: ['961590', '961519'], boost: -0.6 },
    ],
    [
      ex('Large Hair Claw Clip Acrylic Matte Shark Clip Women', true),
      ex('200pcs Bobby Pins Black Hair Pins', false),
    ],
  );
  rule(
    'combs-by-material',
    'Hair combs are combs of 9615.1x by material (plastics 9615.11, wood, horn or metal 9615.19), not brushes',
    'Subheadings 9615.11 and 9615.19 (combs); 9603 covers brushes',
    all(
      t('comb', 'combs'),
      not(
        t(
          'honeycomb',
          'comb binding',
          'brush',
          'curler',
          'flea',
          'lice comb electric',
          'electric',
          'heated',
          'straightener',
          'keychain',
          'comb teeth cutter',
        ),
      ),
    ),
    [{ prefixes: ['961511', '961519'], boost: 0.7 }],
    [ex('Natural Wooden Hair Comb Wide Tooth Sandalwood', true), ex('Honeycomb Paper Lantern', false)],
  );
  rule(
    'combs-wood-horn-metal',
    'Combs of wood, sandalwood, horn, bamboo or metal are combs of "other" materials',
    'Subheading 9615.19 (combs, hair-slides and the like, other than of hard rubber or plastics)',
    all(
      t('comb', 'combs'),
      any(
        t(
          'wooden',
          'wood',
          'sandalwood',
          'bamboo',
          'horn',
          'ox horn',
          'peach wood',
          'metal',
          'stainless steel',
          'aluminum',
        ),
        attr('material', 'wood', 'bamboo', 'horn', 'metal', 'steel'),
      ),
      not(t('honeycomb', 'brush', 'plastic', 'electric', 'heated')),
    ),
    [
      { prefixes: ['961519'], boost: 0.6 },
      { prefixes: ['961511'], boost: -0.6 },
    ],
    [ex('Natural Wooden Hair Comb Wide Tooth', true), ex('Plastic Hair Comb Set 10pcs', false)],
  );
  rule(
    'hair-ties-scrunchies-textile',
    'Scrunchies, hair ties and elastic hair bands of textile are "headbands, ponytail holders and similar articles" (6117.80.85 knitted, 6217.10.85 woven), not neckties',
    'Statistical lines 6117.80.85 and 6217.10.85; heading 6215 is neckties',
    all(
      t(
        'scrunchie',
        'scrunchies',
        'hair tie',
        'hair ties',
        'ponytail holder',
        'ponytail holders',
        'elastic hair band',
        'elastic hair bands',
        'hair rope',
        'hair elastics',
      ),
      not(
        t(
          'spiral',
          'telephone',
          'coil',
          'claw',
          'clip',
          'plastic',
          'necktie',
          'bow tie',
          'tie clip',
          'keychain',
          'wig',
          'extension',
        ),
      ),
    ),
    [
      { prefixes: ['6117808500', '6217108500'], boost: 1.0 },
      { prefixes: ['6215', '61178087', '4016', '9615'], boost: -0.8 },
    ],
    [
      ex('Satin Silk Scrunchies 10pcs Hair Ties Women', true),
      ex('Men Silk Tie Necktie', false),
      ex('Spiral Hair Ties Telephone Cord Plastic', false),
    ],
  );
  rule(
    'hair-ties-scrunchies-woven',
    'Scrunchies and headbands of satin, chiffon, silk or woven cotton are of woven fabric (6217.10.85), not knitted (6117.80.85)',
    'Statistical lines 6217.10.85 against 6117.80.85',
    all(
      t(
        'scrunchie',
        'scrunchies',
        'hair tie',
        'hair ties',
        'headband',
        'headbands',
        'hairband',
        'hair band',
        'hair bands',
      ),
      t('satin', 'chiffon', 'silk', 'organza', 'linen', 'cotton fabric', 'plaid', 'tulle'),
      not(
        t(
          'knit',
          'knitted',
          'seamless',
          'velvet',
          'spandex',
          'sport',
          'yoga',
          'sweatband',
          'plastic',
          'metal',
          'alloy',
          'pearl',
          'rhinestone',
          'crystal',
        ),
      ),
    ),
    [
      { prefixes: ['6217108500'], boost: 0.6 },
      { prefixes: ['6117808500'], boost: -0.4 },
    ],
    [ex('Satin Scrunchies Women Hair Ties', true), ex('Seamless Elastic Hair Ties Nylon', false)],
  );

  // ── Wigs, hair pieces, eyelashes (heading 6704) ──
  rule(
    'synthetic-hairpieces-not-complete-wigs',
    'Ponytails, braiding and crochet hair, clip-in extensions, bangs, buns and toppers of synthetic fibre are hair pieces "other" than complete wigs',
    'Subheading 6704.19 (of synthetic textile materials, other than complete wigs) against 6704.11 (complete wigs)',
    all(
      any(
        t(
          'ponytail',
          'braiding hair',
          'braid hair',
          'crochet hair',
          'crochet braids',
          'hair extension',
          'hair extensions',
          'clip in',
          'bangs',
          'fringe',
          'hair bun',
          'chignon',
          'hairpiece',
          'hair piece',
          'topper',
          'jumbo braid',
          'kanekalon',
          'faux locs',
          'dreadlocks',
          'twist hair',
          'hair weft',
        ),
        cat(
          'Braiding Hair',
          'Synthetic Ponytails',
          'Synthetic Hair Extensions',
          'Synthetic Bangs',
          'Synthetic Chignons',
          'Crochet Hair',
        ),
      ),
      any(
        t('synthetic', 'kanekalon', 'heat resistant', 'fiber', 'fibre', 'toyokalon', 'high temperature'),
        attr('material', 'synthetic', 'fiber', 'fibre', 'kanekalon', 'high temperature'),
        cat('Synthetic Hair', 'Braiding Hair'),
      ),
      not(
        t(
          'human hair',
          'remy',
          'virgin hair',
          'full wig',
          'lace front',
          'lace wig',
          'cosplay wig',
          // A wig with bangs is a complete wig.
          'wig with bangs',
          'wigs with bangs',
          'bangs wig',
          'wig cap',
          'glue',
          'tool',
          'needle',
          'rings',
        ),
      ),
      not(attr('material', 'human hair')),
    ),
    [
      { prefixes: ['670419'], boost: 1.1 },
      { prefixes: ['670411'], boost: -0.9 },
    ],
    [
      ex('Synthetic Drawstring Ponytail Extension Long Curly', true),
      ex('Pre Stretched Braiding Hair Kanekalon 26 inch', true),
      ex('Synthetic Wig Long Straight Cosplay Wig', false),
      ex('Long Straight Synthetic Wig with Bangs Heat Resistant Fiber', false),
    ],
  );
  rule(
    'false-eyelashes-synthetic-by-material',
    'False eyelashes the seller states are of synthetic fibre (PBT, "synthetic hair", faux mink) are of synthetic textile materials whatever the "mink" style name',
    'Subheading 6704.19 (of synthetic textile materials) against 6704.90 (of other materials: real mink or other animal hair)',
    all(
      t('eyelashes', 'eyelash', 'lashes'),
      any(
        attr('material', 'synthetic', 'pbt', 'fiber', 'fibre', 'faux mink', 'silk'),
        t('synthetic', 'pbt', 'faux mink', 'vegan'),
      ),
      not(
        t(
          'curler',
          'glue',
          'tweezers',
          'serum',
          'mascara',
          'applicator',
          'brush',
          'comb',
          'remover',
          'extension kit',
          'lifting kit',
          'lash lift',
          'case only',
        ),
      ),
    ),
    [
      { prefixes: ['670419'], boost: 0.9 },
      { prefixes: ['670490', '670411'], boost: -0.6 },
    ],
    [
      ex('3D Mink False Eyelashes 10 Pairs Natural Fluffy', true, {
        attributes: { Material: 'Synthetic Hair' },
      }),
      ex('Eyelash Curler Stainless Steel', false, { attributes: { Material: 'Synthetic' } }),
    ],
  );

  // ── Beauty & Health ──
  rule(
    'face-powders-blush',
    'Setting, loose, pressed and compact face powders, blush and bronzer are make-up powders (rouges: 3304.91.00.10), not baking or other powders',
    'Subheading 3304.91 (powders, whether or not compressed): .10 rouges, .50 other',
    all(
      t(
        'setting powder',
        'loose powder',
        'pressed powder',
        'face powder',
        'compact powder',
        'powder foundation',
        'blush',
        'blusher',
        'rouge',
        'bronzer',
        'contour powder',
        'highlighter powder',
        'finishing powder',
        'banana powder',
      ),
      not(
        t(
          'brush',
          'puff',
          'sponge',
          'empty',
          'case only',
          'container',
          'jar',
          'liquid blush',
          'cream blush',
          'stick',
          'baking powder',
          'protein',
          'milk',
          'pigment powder',
          'nail',
          'acrylic powder',
          'dip powder',
        ),
      ),
    ),
    [
      { prefixes: ['330491'], boost: 1.1 },
      { prefixes: ['2102', '3206', '3304995000', '3304200000'], boost: -0.6 },
    ],
    [
      ex('Loose Setting Powder Oil Control Translucent Face Powder', true),
      ex('Blush Palette 6 Colors Matte Cheek Rouge', true),
      ex('Powder Puff Makeup Sponge', false),
      ex('Acrylic Powder Nail Art', false),
    ],
  );
  rule(
    'face-powders-rouge-line',
    'Blush, blusher and rouge are the "rouges" line of 3304.91',
    'Statistical line 3304.91.00.10 (rouges)',
    all(
      t('blush', 'blusher', 'rouge'),
      not(t('liquid', 'cream', 'stick', 'brush', 'lip', 'wine', 'rouge coco')),
    ),
    [
      { prefixes: ['3304910010'], boost: 0.5, within: true },
      { prefixes: ['3304910050'], boost: -0.4, within: true },
    ],
    [ex('Blush Palette Matte Cheek Rouge', true), ex('Loose Setting Powder Translucent', false)],
  );
  rule(
    'eyelash-curlers',
    'Eyelash curlers of metal (not heated) are other articles of cutlery of 8214, not brushes or hairdressing apparatus',
    'Subheading 8214.90 (other articles of cutlery, other, including parts) (own reading; CBP has ruled metal eyelash curlers here); heated curlers are 8516.32',
    all(
      t('eyelash curler', 'eyelash curlers', 'lash curler', 'lash curlers', 'eye lash curler'),
      not(t('heated', 'electric', 'usb', 'rechargeable', 'plastic', 'refill pads only', 'pads only')),
    ),
    [
      { prefixes: ['8214909000'], boost: 1.3 },
      { prefixes: ['9603', '8516', '9615', '8203'], boost: -0.7 },
    ],
    [
      ex('Eyelash Curler Stainless Steel Lash Curler With Refill Pads', true),
      ex('Heated Eyelash Curler USB Rechargeable', false),
    ],
  );
  rule(
    'press-on-nails-not-glue',
    'Press-on nail kits sold "with glue" are false nails (articles of plastics), not the glue',
    'Subheading 3926.90.99 against heading 3506 (the glue is an accessory: GRI 3(b))',
    all(
      t(
        'press on nails',
        'press-on nails',
        'false nails',
        'fake nails',
        'artificial nails',
        'nail tips',
        'glue on nails',
      ),
      not(t('nail glue only', 'glue only', 'lamp', 'drill', 'file', 'clipper', 'remover')),
    ),
    [{ prefixes: ['3506'], boost: -0.9 }],
    [
      ex('Press On Nails Short Almond False Nails 24pcs With Glue', true),
      ex('Nail Glue For Press On Tips 10g', false),
    ],
  );
  rule(
    'epilators-hair-removal-appliances',
    'Epilators and electric hair removers (with their own motor) are hair-removing appliances, not hair clippers',
    'Subheading 8510.30 (hair-removing appliances with self-contained electric motor)',
    all(
      t(
        'epilator',
        'epilators',
        'electric hair remover',
        'hair removal device',
        'hair remover electric',
        'tweezer epilator',
        'facial hair remover',
      ),
      not(
        t(
          'ipl',
          'laser',
          'wax',
          'cream',
          'spray',
          'threading',
          'manual',
          'razor blade',
          'clipper',
          'trimmer for men',
          'beard',
        ),
      ),
    ),
    [
      { prefixes: ['851030'], boost: 1.2 },
      { prefixes: ['851020', '851010'], boost: -0.6 },
    ],
    [
      ex('Epilator Women Electric Hair Remover Facial Body Legs', true),
      ex('Hair Clipper Men Cordless Trimmer', false),
      ex('IPL Laser Hair Removal Device', false),
    ],
  );
  rule(
    'razors-with-handle-manual',
    "Manual shaving razors (multi-blade cartridge razors with handle, disposable razors, women's razors) are razors, even sold with spare heads",
    'Subheading 8212.10 (razors) against 8212.20 (safety razor blades)',
    all(
      t(
        'manual razor',
        'shaving razor',
        'disposable razor',
        'disposable razors',
        'razor for men',
        'razor men',
        'men razor',
        'women razor',
        'razor women',
        'blade razor',
        'razor handle',
        'body razor',
      ),
      not(
        t(
          'electric',
          'rechargeable',
          'shaver',
          'usb',
          'blades only',
          'refill only',
          'cartridges only',
          'replacement blades only',
          'strop',
          'stand',
          'holder',
          'case',
          'cream',
        ),
      ),
    ),
    [
      { prefixes: ['821210'], boost: 1.0 },
      { prefixes: ['821220', '8510'], boost: -0.6 },
    ],
    [
      ex('Manual Razor Men 5 Blade Shaving Razor With Replacement Heads', true),
      ex('Electric Shaver Men Rotary Razor', false),
    ],
  );
  rule(
    'vibrators-personal-massagers',
    'Vibrators, wand and G-spot massagers and other vibrating adult toys are massage apparatus (battery-powered handheld: 9019.10.20.20)',
    'Subheading 9019.10 (massage apparatus); CBP classifies vibrators as massage apparatus of 9019.10.20',
    any(
      t(
        'vibrator',
        'vibrators',
        'g spot',
        'g-spot',
        'clitoris',
        'clitoral',
        'clit',
        'wand massager',
        'bullet vibrator',
        'vibrating egg',
        'love egg',
        'prostate massager',
        'rabbit vibrator',
        'sucking vibrator',
      ),
      all(
        cat('Sex Products', 'Adult Toys', 'Sex Toys'),
        t('vibrating', 'vibration', 'massager', 'stimulator'),
      ),
    ),
    [
      { prefixes: ['901910'], boost: 1.3 },
      { prefixes: ['9019102020'], boost: 0.4, within: true },
      { prefixes: ['8479', '8509', '8543', '9503', '3926'], boost: -0.8 },
    ],
    [
      ex('Rechargeable Vibrator For Women G Spot Clitoris Stimulator', true),
      ex('Phone Vibration Motor Replacement', false),
    ],
  );
  rule(
    'massagers-handheld-battery',
    'Handheld battery-powered massagers (massage guns, face and neck massagers held in the hand) are the "handheld" battery line of 9019.10.20',
    'Statistical line 9019.10.20.20 (massage apparatus, electrically operated, battery powered, handheld)',
    all(
      t(
        'massage gun',
        'fascia gun',
        'percussion massager',
        'handheld massager',
        'hand held massager',
        'massage stick',
        'mini massager',
        'face massager',
        'vibrator',
        'wand massager',
      ),
      any(
        t('rechargeable', 'battery', 'cordless', 'usb', 'portable', 'mini', 'wireless'),
        attr('power source', 'battery', 'rechargeable', 'usb'),
      ),
      not(
        t(
          'chair',
          'cushion',
          'pillow',
          'seat',
          'foot massager',
          'mat',
          'ac adapter',
          'plug in',
          'head only',
          'heads only',
          'replacement head',
        ),
      ),
    ),
    [
      { prefixes: ['9019102020'], boost: 0.6, within: true },
      { prefixes: ['9019102030', '9019102035', '9019102045'], boost: -0.4, within: true },
    ],
    [
      ex('Massage Gun Deep Tissue Muscle Massager Fascia Gun Portable', true),
      ex('Shiatsu Massage Chair Cushion', false),
    ],
  );
  rule(
    'perfume-atomizers-refillable',
    'Refillable perfume atomizers and travel scent spray bottles are scent sprayers, not empty plastic or glass containers',
    'Subheading 9616.10 (scent sprayers and similar toilet sprayers, and mounts and heads therefor)',
    all(
      t(
        'perfume atomizer',
        'atomizer',
        'atomiser',
        'refillable perfume',
        'perfume spray bottle',
        'perfume bottle',
        'scent sprayer',
        'perfume dispenser',
        'perfume sprayer',
      ),
      t('spray', 'atomizer', 'atomiser', 'sprayer', 'refillable', 'pump'),
      not(
        t(
          'eau de',
          'edp',
          'edt',
          'long lasting fragrance',
          'car',
          'diffuser',
          'humidifier',
          'nebulizer',
          'plant',
          'garden',
          'cleaning',
          'hair salon',
          'water spray gun',
          'nasal',
        ),
      ),
    ),
    [
      { prefixes: ['961610'], boost: 1.3 },
      { prefixes: ['3923', '7010', '3303', '8424'], boost: -0.7 },
    ],
    [
      ex('5ml Refillable Perfume Atomizer Travel Spray Bottle Mini', true),
      ex('Women Perfume Eau De Parfum 50ml Spray', false),
    ],
  );
  rule(
    'facial-steamers',
    'Facial steamers and face saunas (electric water heating) are electrothermic appliances, not skin-care preparations',
    'Subheading 8516.79 (other electrothermic appliances of a kind used for domestic purposes)',
    all(
      t(
        'facial steamer',
        'face steamer',
        'face sauna',
        'facial sauna',
        'nano ionic',
        'steamer for face',
        'face steaming',
        'facial steaming',
      ),
      not(t('garment', 'clothes', 'towel', 'mask sheet', 'serum', 'cream')),
    ),
    [
      { prefixes: ['851679'], boost: 1.3 },
      { prefixes: ['3304', '8509', '8424'], boost: -0.8 },
    ],
    [
      ex('Nano Ionic Facial Steamer Face Sauna Humidifier', true),
      ex('Hot Towel Steamer Cabinet Salon', false),
    ],
  );

  // ── Luggage, bags, wallets (heading 4202) ──
  const SUITCASE = t(
    'suitcase',
    'suitcases',
    'carry on luggage',
    'carry-on luggage',
    'trolley case',
    'rolling luggage',
    'spinner luggage',
    'luggage set',
    'travel luggage',
    'hardside luggage',
    'luggage suitcase',
    'cabin luggage',
    'trolley luggage',
  );
  const NOT_SUITCASE = t(
    'cover',
    'protector',
    'tag',
    'tags',
    'strap',
    'belt',
    'scale',
    // Not "lock" alone: suitcases are sold "with TSA lock".
    'luggage lock',
    'luggage locks',
    'padlock',
    'organizer',
    'packing cube',
    'packing cubes',
    'replacement wheels',
    'wheel replacement',
    'caster',
    'casters',
    'handle replacement',
    'toy',
    'keychain',
    'sticker',
    'cart',
    'dolly',
    'rack',
    'stand',
    'hook',
  );
  rule(
    'suitcases-hard-shell-plastics',
    'Hard-shell suitcases and carry-ons of ABS, PC or PP are suitcases with outer surface of plastics, structured and rigid on all sides',
    'Subheading 4202.12.21 (trunks, suitcases, vanity cases with outer surface of plastics), 4202.12.21.20 structured, rigid on all sides',
    all(
      SUITCASE,
      any(
        t(
          'abs',
          'pc',
          'polycarbonate',
          'hard shell',
          'hardshell',
          'hardside',
          'hard side',
          'abs+pc',
          'pp',
          'aluminum frame',
        ),
        attr('main material', 'abs', 'pc', 'polycarbonate', 'pp'),
        attr('material', 'abs', 'pc', 'polycarbonate', 'pp'),
      ),
      not(NOT_SUITCASE),
      not(t('oxford', 'nylon', 'canvas', 'leather', 'aluminum alloy suitcase', 'aluminium suitcase')),
    ),
    [
      { prefixes: ['42021221'], boost: 1.3 },
      { prefixes: ['4202122120'], boost: 0.5, within: true },
      { prefixes: ['420292', '420211', '420219', '420229'], boost: -0.6 },
    ],
    [
      ex('20 inch Carry On Suitcase ABS Hard Shell Spinner Wheels Luggage', true),
      ex('Luggage Cover Protector Elastic Suitcase 20 inch', false),
      ex('Soft Oxford Luggage Suitcase 24 inch', false),
    ],
  );
  rule(
    'suitcases-soft-textile',
    'Soft suitcases and trolley luggage of Oxford, nylon or polyester cloth are suitcases with outer surface of textile (man-made fibres)',
    'Subheading 4202.12.81 (trunks, suitcases… with outer surface of textile materials, of man-made fibers), 4202.12.81.70 other than attache cases and briefcases',
    all(
      SUITCASE,
      any(
        t('oxford', 'nylon', 'polyester', 'canvas', 'fabric', 'soft luggage', 'soft suitcase'),
        attr('main material', 'oxford', 'nylon', 'polyester'),
        attr('material', 'oxford', 'nylon', 'polyester'),
      ),
      not(NOT_SUITCASE),
      not(t('abs', 'pc', 'polycarbonate', 'hard shell', 'hardshell', 'hardside', 'leather')),
    ),
    [
      { prefixes: ['42021281'], boost: 1.3 },
      { prefixes: ['4202128170'], boost: 0.5, within: true },
      { prefixes: ['420292', '420211', '420219', '42021221'], boost: -0.6 },
    ],
    [
      ex('Soft Oxford Luggage Suitcase 24 inch Expandable Trolley', true),
      ex('ABS Hard Shell Suitcase 20 inch', false),
    ],
  );
  rule(
    'pu-leather-bags-cases-plastics-sheeting',
    'Bags, cases, boxes and wallets of PU ("PU leather", faux or vegan leather) have an outer surface of sheeting of plastics: the x2 subheadings of 4202, not the leather ones',
    'Heading 4202 subheadings 4202.12, .22, .32 and .92 (outer surface of sheeting of plastics) against .11, .21, .31 and .91 (leather or composition leather); chapter 41 note 3 (composition leather is leather fibre based)',
    all(
      any(
        t(
          'bag',
          'bags',
          'handbag',
          'backpack',
          'wallet',
          'purse',
          'case',
          'box',
          'organizer',
          'pouch',
          'briefcase',
          'holder',
          'tote',
          'clutch',
          'satchel',
        ),
        cat('Luggage & Bags', 'Watch Boxes', 'Jewelry Boxes', 'Eyewear Accessories'),
      ),
      any(
        attr(
          'main material',
          'pu',
          'pvc',
          'faux leather',
          'synthetic leather',
          'vegan leather',
          'pu leather',
        ),
        attr('material', 'pu', 'pvc', 'faux leather', 'synthetic leather', 'vegan leather', 'pu leather'),
        t('pu leather', 'faux leather', 'vegan leather', 'synthetic leather'),
      ),
      not(
        t(
          'genuine leather',
          'cowhide',
          'real leather',
          'cow leather',
          'split leather',
          'full grain',
          'sheepskin',
          'phone case',
          'iphone',
          'samsung',
          'galaxy',
          'ipad',
          'tablet',
          'kindle',
        ),
      ),
      not(attr('main material', 'genuine leather', 'cowhide', 'leather', 'split leather')),
      not(attr('material', 'genuine leather', 'cowhide', 'split leather')),
    ),
    [
      { prefixes: ['420212', '420222', '420232', '420292'], boost: 0.5 },
      { prefixes: ['420211', '420221', '420231', '420291'], boost: -0.8 },
      {
        prefixes: ['4202122', '4202221500', '4202322000', '4202924500', '4202929700'],
        boost: 0.4,
        within: true,
      },
    ],
    [
      ex('Watch Box 12 Slots PU Leather Watch Organizer Display Case', true, {
        attributes: { Material: 'PU Leather' },
      }),
      ex('Genuine Leather Crossbody Bag Women Cowhide', false, {
        attributes: { 'Main Material': 'Genuine Leather' },
      }),
      ex('PU Leather Wallet Case For iPhone 15', false),
    ],
  );
  rule(
    'wallets-purses-pu',
    'Wallets, coin purses, card holders and passport covers of PU ("PU leather") are pocket articles with outer surface of plastics sheeting, not of leather',
    'Subheading 4202.32 (articles of a kind carried in the pocket or handbag, outer surface of sheeting of plastics), 4202.32.20; 4202.31 needs leather or composition leather',
    all(
      any(
        t(
          'wallet',
          'wallets',
          'coin purse',
          'card holder',
          'card case',
          'passport holder',
          'passport cover',
          'money clip',
          'key pouch',
          'id holder',
        ),
        cat('Wallets', 'Coin Purses', 'Card & ID Holders', 'Passport Covers'),
      ),
      any(
        attr('main material', 'pu', 'pvc', 'faux leather', 'synthetic leather'),
        attr('material', 'pu', 'pvc', 'faux leather', 'synthetic leather'),
        t('pu leather', 'faux leather', 'vegan leather', 'synthetic leather'),
      ),
      not(
        t(
          'genuine leather',
          'cowhide',
          'real leather',
          'cow leather',
          'phone case',
          'iphone',
          'samsung',
          'case for',
          'handbag',
          'shoulder bag',
          'crossbody',
          'tote',
        ),
      ),
      not(attr('main material', 'genuine leather', 'cowhide', 'leather')),
    ),
    [
      { prefixes: ['420232'], boost: 1.0 },
      { prefixes: ['4202322000'], boost: 0.4, within: true },
      { prefixes: ['420231', '392690'], boost: -0.8 },
    ],
    [
      ex('Women Long Wallet PU Leather Clutch Zipper Large Capacity Phone Purse', true, {
        attributes: { 'Main Material': 'PU' },
      }),
      ex('Men Wallet Genuine Leather Short Bifold', false, {
        attributes: { 'Main Material': 'Genuine Leather' },
      }),
    ],
  );
  rule(
    'bag-frames-clasps',
    'Purse frames, kiss-lock clasps and bag clasps of base metal (for making or repairing bags) are clasps and frames with clasps, not bags',
    'Heading 8308 (clasps, frames with clasps, buckles… for handbags), 8308.90',
    all(
      t(
        'purse frame',
        'bag frame',
        'handbag frame',
        'kiss clasp',
        'kiss lock',
        'purse clasp',
        'bag clasp',
        'clasp frame',
        'coin purse frame',
        'turn lock',
        'twist lock',
        'bag lock',
      ),
      not(
        t(
          'wallet',
          'women',
          'crossbody',
          'shoulder bag',
          'pu leather',
          'leather',
          'suitcase lock',
          'tsa',
          'padlock',
          'code lock',
        ),
      ),
    ),
    [
      { prefixes: ['830890'], boost: 1.3 },
      { prefixes: ['4202', '8301'], boost: -1.0 },
    ],
    [
      ex('Metal Purse Frame Kiss Clasp Bag Handle DIY Handbag Making', true),
      ex('Women Kiss Lock Coin Purse PU Leather', false),
      ex('TSA Luggage Lock Combination', false),
    ],
  );
  // ── Long tail (second batch) ──
  rule(
    'tie-clips-not-clasps',
    'Tie clips and tie bars named with the word "clasp" are still tie clips (imitation jewellery), not clasps or buckles of 8308',
    'Chapter 71 note 11 (tie-pins and similar small objects of personal adornment); heading 8308 covers clasps for clothing, footwear, handbags',
    all(
      t('tie clip', 'tie clips', 'tie bar', 'tie bars', 'tie clasp', 'tie pin', 'tie tack', 'necktie clip'),
      not(t('925', 'sterling', 'solid gold')),
    ),
    [{ prefixes: ['8308', '8305'], boost: -0.9 }],
    [
      ex('Stainless Steel Tie Clip Men Silver Tie Bar Clasp', true),
      ex('Metal Belt Buckle Clasp 40mm', false),
    ],
  );
  rule(
    'glass-rhinestones-nail-craft',
    'Loose flat-back rhinestones and crystal gems (of glass) for nail art or crafts, not mounted: glass imitation stones',
    'Subheading 7018.10 (glass beads, imitation precious or semiprecious stones and similar glass smallwares), 7018.10.20 imitation precious or semiprecious stones',
    all(
      t('rhinestones', 'rhinestone', 'flatback', 'flat back', 'nail gems', 'crystal gems', 'hotfix'),
      any(
        t('nail art', 'nails', 'nail', 'flatback', 'flat back', 'hotfix', 'diy craft', 'loose'),
        cat('Nail Art', 'Rhinestones & Decorations'),
      ),
      any(t('glass', 'crystal', 'crystal ab', 'ab'), attr('material', 'glass', 'crystal')),
      not(
        t(
          'necklace',
          'earrings',
          'bracelet',
          'ring',
          'brooch',
          'dress',
          'shoes',
          'phone case',
          'glue',
          'picker',
          'pen',
          'lamp',
          'resin',
          'acrylic',
          'press on',
          'false nails',
          'nail tips',
        ),
      ),
    ),
    [
      { prefixes: ['7018102000'], boost: 1.3 },
      { prefixes: ['7013', '7117', '3304', '7018105000'], boost: -0.6 },
    ],
    [
      ex('Rhinestones For Nails Crystal AB Flatback Glass Nail Art Gems 1440pcs', true),
      ex('Crystal Rhinestone Necklace Women', false),
      ex('Press On Nails With Rhinestones Glass', false),
    ],
  );
  rule(
    'spectacle-parts-nose-pads',
    'Nose pads, temple tips, hinges and screws for glasses are parts of spectacle frames',
    'Subheading 9003.90 (parts of frames and mountings for spectacles)',
    all(
      t(
        'nose pads',
        'nose pad',
        'temple tips',
        'temple tip',
        'eyeglass screws',
        'glasses screws',
        'glasses hinge',
        'eyeglass hinge',
        'ear hooks for glasses',
        'glasses temple',
      ),
      t('glasses', 'eyeglasses', 'eyeglass', 'spectacle', 'spectacles', 'sunglasses', 'eyewear'),
      not(t('kit with screwdriver', 'repair kit', 'nose pads for mask', 'mask')),
    ),
    [
      { prefixes: ['900390'], boost: 1.3 },
      { prefixes: ['9004', '7318'], boost: -0.5 },
    ],
    [
      ex('Silicone Eyeglasses Nose Pads Anti Slip Replacement 10 Pairs', true),
      ex('Polarized Sunglasses Men', false),
    ],
  );
  rule(
    'leather-keychains',
    'Key chains and key holders of (genuine) leather are other articles of leather, not gloves or bags',
    'Heading 4205 (other articles of leather or of composition leather), 4205.00.80',
    all(
      t('keychain', 'keychains', 'key chain', 'key ring', 'keyring', 'key holder', 'key fob', 'key cover'),
      any(
        t(
          'genuine leather',
          'cowhide',
          'real leather',
          'handmade leather',
          'leather keychain',
          'leather key',
        ),
        attr('material', 'genuine leather', 'cowhide', 'leather'),
      ),
      not(
        t(
          'pu',
          'pu leather',
          'faux leather',
          'wallet',
          'purse',
          'bag',
          'case for',
          'car key case',
          'smart key',
        ),
      ),
      not(attr('material', 'pu', 'pvc', 'faux leather', 'synthetic leather')),
    ),
    [
      { prefixes: ['4205008000'], boost: 1.3 },
      { prefixes: ['4203', '4202', '7117'], boost: -0.7 },
    ],
    [
      ex('Leather Keychain Handmade Cowhide Key Holder Car Key Ring', true),
      ex('PU Leather Keychain Wallet Card', false),
    ],
  );
  rule(
    'eye-brow-makeup-pencils',
    'Eyebrow pencils, eyeliner pencils, brow gels and pomades are eye make-up preparations, even with a spoolie brush on the other end',
    'Subheading 3304.20 (eye make-up preparations); heading 9609 pencils and 9603 brushes do not cover cosmetic pencils (chapter 33 note 3; GRI 3(b))',
    all(
      t(
        'eyebrow pencil',
        'eyebrow pencils',
        'eyeliner pencil',
        'eye pencil',
        'brow pencil',
        'eyebrow pen',
        'brow gel',
        'eyebrow gel',
        'eyebrow powder',
        'eyebrow pomade',
        'eyebrow cream',
        'kohl',
        'eyebrow tint',
      ),
      not(
        t(
          'sharpener',
          'stencil',
          'razor',
          'trimmer',
          'tweezers',
          'brushes set',
          'brush set',
          'tattoo',
          'microblading pen',
          'empty',
        ),
      ),
    ),
    [
      { prefixes: ['330420'], boost: 1.3 },
      { prefixes: ['9603', '9609', '9608'], boost: -0.8 },
    ],
    [ex('Waterproof Eyebrow Pencil Double Ended With Brush', true), ex('Eyebrow Razor Trimmer 10pcs', false)],
  );
  rule(
    'face-makeup-concealer-foundation',
    'Concealers, foundations, BB and CC creams, primers and setting sprays are make-up preparations of 3304.99',
    'Subheading 3304.99 (other beauty or make-up preparations), 3304.99.50',
    all(
      t(
        'concealer',
        'foundation',
        'bb cream',
        'cc cream',
        'face primer',
        'makeup primer',
        'setting spray',
        'color corrector',
        'contour stick',
        'tinted moisturizer',
        'cushion foundation',
      ),
      any(
        t(
          'makeup',
          'make up',
          'concealer',
          'coverage',
          'skin',
          'face',
          'liquid',
          'cream',
          'matte',
          'oil control',
          'spf',
        ),
        cat('Makeup', 'Face'),
      ),
      not(
        t(
          'brush',
          'sponge',
          'puff',
          'powder',
          'empty',
          'bottle',
          'case only',
          'pump only',
          'stand',
          'building',
          'house',
          'garden',
          'pile',
        ),
      ),
    ),
    [
      { prefixes: ['330499'], boost: 1.1 },
      { prefixes: ['3304995000'], boost: 0.4, within: true },
      { prefixes: ['3304991000'], boost: -0.4, within: true },
      { prefixes: ['8413', '3926', '6307'], boost: -0.6 },
    ],
    [
      ex('Full Coverage Concealer Liquid Dark Circles Acne Cover', true),
      ex('Foundation Brush Flat Top Kabuki', false),
    ],
  );
  rule(
    'skin-care-not-petroleum-jelly',
    'Creams, serums, masks, lotions and cleansers for the skin are other beauty preparations (3304.99.50), not the petroleum jelly line',
    'Subheading 3304.99: 3304.99.10 (petroleum jelly put up for retail sale) against 3304.99.50 (other)',
    all(
      any(
        t(
          'serum',
          'essence',
          'face cream',
          'eye cream',
          'moisturizer',
          'moisturizing',
          'face mask',
          'sheet mask',
          'facial mask',
          'lotion',
          'sunscreen',
          'cleansing balm',
          'makeup remover',
          'toner',
          'concealer',
          'foundation',
          'bb cream',
        ),
        cat('Skin Care', 'Makeup'),
      ),
      not(t('petroleum jelly', 'vaseline', 'petrolatum')),
    ),
    [
      { prefixes: ['3304995000'], boost: 0.5, within: true },
      { prefixes: ['3304991000'], boost: -0.5, within: true },
    ],
    [
      ex('10pcs Hyaluronic Acid Sheet Face Mask Moisturizing', true),
      ex('Vaseline Petroleum Jelly 250ml', false),
    ],
  );
  rule(
    'toothpaste-dentifrices',
    'Toothpaste and tooth powders are dentifrices, not other oral-hygiene preparations',
    'Subheading 3306.10 (dentifrices) against 3306.90',
    all(
      t('toothpaste', 'tooth paste', 'dentifrice', 'tooth powder', 'teeth whitening powder', 'toothpowder'),
      not(
        t(
          'squeezer',
          'dispenser',
          'holder',
          'rack',
          'tube squeezer',
          'toothbrush holder',
          'strips',
          'pen',
          'gel pen',
          'light',
          'led',
        ),
      ),
    ),
    [
      { prefixes: ['330610'], boost: 1.0 },
      { prefixes: ['330690'], boost: -0.6 },
    ],
    [
      ex('Whitening Toothpaste Probiotic Fresh Breath 100g', true),
      ex('Toothpaste Dispenser Wall Mounted Automatic', false),
    ],
  );
  rule(
    'body-mists-colognes',
    'Body mists, fragrance mists, colognes and eaux de toilette are toilet waters (perfumes), not deodorants',
    'Heading 3303 (perfumes and toilet waters), 3303.00.30 containing alcohol; 3307.20 covers personal deodorants and antiperspirants',
    all(
      t(
        'body mist',
        'fragrance mist',
        'perfume mist',
        'body spray fragrance',
        'eau de toilette',
        'eau de cologne',
        'cologne',
        'edt',
      ),
      not(
        t(
          'deodorant spray',
          'deodorant stick',
          'antiperspirant',
          'car',
          'room',
          'linen spray',
          'diffuser',
          'atomizer',
          'empty',
          'bottle only',
          'hair mist',
        ),
      ),
    ),
    [
      { prefixes: ['3303'], boost: 1.1 },
      { prefixes: ['3303003000'], boost: 0.3, within: true },
      { prefixes: ['330720', '330749'], boost: -0.7 },
    ],
    [ex('Body Mist Spray Women Fragrance 236ml', true), ex('Deodorant Body Spray Men Antiperspirant', false)],
  );
  rule(
    'tattoo-inks-pigments',
    'Tattoo inks and permanent make-up (microblading) pigments are "other" inks of 3215.90, not printing inks',
    'Subheading 3215.90 (other inks), 3215.90.50; 3215.11/3215.19 are printing inks',
    all(
      t(
        'tattoo ink',
        'tattoo inks',
        'tattoo pigment',
        'tattoo pigments',
        'microblading pigment',
        'pmu pigment',
        'permanent makeup pigment',
        'micropigment',
      ),
      not(
        t(
          'machine',
          'needle',
          'needles',
          'cartridge',
          'cup',
          'cups',
          'holder',
          'sticker',
          'temporary',
          'pen',
        ),
      ),
    ),
    [
      { prefixes: ['321590'], boost: 1.2 },
      { prefixes: ['3215905000'], boost: 0.4, within: true },
      { prefixes: ['3215901000'], boost: -0.4, within: true },
      { prefixes: ['321511', '321519'], boost: -0.8 },
    ],
    [ex('Professional Tattoo Ink 30ml Black Pigment', true), ex('Tattoo Ink Cups Plastic 1000pcs', false)],
  );
  rule(
    'suitcases-aluminium',
    'Aluminium (metal) suitcases and carry-ons are suitcases of "other" outer surface',
    'Subheading 4202.19 (trunks, suitcases… other than of leather, plastics or textile outer surface)',
    all(
      SUITCASE,
      any(
        t('aluminum', 'aluminium', 'full metal', 'magnesium alloy'),
        attr('main material', 'aluminum', 'aluminium', 'metal'),
        attr('material', 'aluminum', 'aluminium'),
      ),
      not(NOT_SUITCASE),
      not(
        t(
          'aluminum frame',
          'aluminium frame',
          'abs',
          'pc',
          'polycarbonate',
          'oxford',
          'nylon',
          'handle aluminum',
          'trolley handle',
        ),
      ),
    ),
    [
      { prefixes: ['420219'], boost: 1.4 },
      { prefixes: ['420211', '420212', '7616', '420292'], boost: -0.7 },
    ],
    [
      ex('Aluminum Suitcase Carry On Full Metal Hard Luggage', true),
      ex('ABS Suitcase With Aluminum Frame 24 inch', false),
    ],
  );
  rule(
    'plaited-rattan-wicker-bags',
    'Handbags and beach bags plaited of rattan, wicker, seagrass, willow, palm leaf or bamboo are basketwork of heading 4602 (4202 does not cover them: its handbags are of leather, plastics sheeting, textile, vulcanised fibre or paperboard)',
    'Heading 4602 (basketwork, wickerwork made directly to shape from plaiting materials): 4602.12 of rattan, 4602.11 bamboo, 4602.19 other; heading 4202 text',
    all(
      t('bag', 'bags', 'handbag', 'tote', 'purse', 'clutch', 'basket bag'),
      any(
        t(
          'rattan',
          'wicker',
          'seagrass',
          'sea grass',
          'willow',
          'palm leaf',
          'water hyacinth',
          'bamboo bag',
          'bamboo handbag',
        ),
        attr('main material', 'rattan', 'wicker', 'seagrass', 'willow', 'bamboo'),
        attr('material', 'rattan', 'wicker', 'seagrass', 'willow'),
      ),
      not(
        t(
          'handle only',
          'bag handle',
          'bamboo handle',
          'rattan handle',
          'canvas',
          'cotton',
          'jute',
          'pu',
          'leather',
          'storage basket',
          'laundry',
          'planter',
          'furniture',
          'chair',
        ),
      ),
    ),
    [
      { prefixes: ['4602'], boost: 1.3 },
      { prefixes: ['4202'], boost: -0.8 },
    ],
    [
      ex('Straw Beach Bag Woven Rattan Handbag Summer Women', true),
      ex('Women Tote Bag Bamboo Handle PU Leather', false),
    ],
  );
  rule(
    'sling-chest-waist-bags',
    'Sling, chest and waist bags (fanny packs, belt bags, bum bags) are travel, sports and similar bags of 4202.91/4202.92, not handbags',
    'Subheading 4202.92 (travel, sports and similar bags); CBP treats waist packs and sling bags as "similar" to travel and sports bags (own reading for slings)',
    all(
      t(
        'chest bag',
        'sling bag',
        'chest pack',
        'waist bag',
        'waist pack',
        'fanny pack',
        'belt bag',
        'bum bag',
        'hip bag',
        'running belt',
      ),
      not(t('leather', 'cowhide', 'pu', 'shell', 'case for', 'organizer insert', 'dog', 'pet')),
    ),
    [
      { prefixes: ['420292'], boost: 0.8 },
      { prefixes: ['4202923131'], boost: 0.4, within: true },
      { prefixes: ['420222', '420221'], boost: -0.6 },
    ],
    [
      ex('Men Sling Chest Bag Crossbody Shoulder Bag Nylon Waterproof', true),
      ex('Genuine Leather Chest Bag Men', false),
    ],
  );
  // ── Long tail (third batch) ──
  rule(
    'padlocks-luggage-combination',
    'TSA, luggage and combination padlocks (a lock with a shackle) are padlocks, not other locks',
    'Subheading 8301.10 (padlocks) against 8301.40 (other locks)',
    all(
      t(
        'padlock',
        'padlocks',
        'tsa lock',
        'tsa locks',
        'luggage lock',
        'luggage locks',
        'suitcase lock',
        'combination padlock',
      ),
      not(
        t(
          'door',
          'cabinet',
          'drawer',
          'window',
          'bike',
          'bicycle',
          'motorcycle',
          'cable lock',
          'u lock',
          'disc lock',
          'smart lock',
          'fingerprint door',
          'hasp',
          'suitcase with',
          'keychain',
        ),
      ),
    ),
    [
      { prefixes: ['830110'], boost: 1.1 },
      { prefixes: ['830140'], boost: -0.6 },
    ],
    [
      ex('TSA Luggage Lock 3 Digit Combination Padlock Suitcase Travel', true),
      ex('Cabinet Lock Drawer Cam Lock Keyed', false),
    ],
  );
  rule(
    'luggage-scales-handheld',
    'Handheld luggage scales (hanging hook, 40-50 kg capacity) are weighing machines of a capacity over 30 kg, not personal or household scales',
    'Subheading 8423.82 (weighing machinery of a maximum capacity over 30 kg but not over 5,000 kg), 8423.82.00.10 digital electronic (own reading: a luggage scale is neither a personal nor a household scale)',
    all(
      t(
        'luggage scale',
        'luggage scales',
        'suitcase scale',
        'hanging luggage scale',
        'portable luggage scale',
      ),
      not(t('kitchen', 'bathroom', 'body', 'baby', 'jewelry scale', 'pocket scale', 'gram')),
    ),
    [
      { prefixes: ['842382'], boost: 1.3 },
      { prefixes: ['8423820010'], boost: 0.4, within: true },
      { prefixes: ['842310', '842381'], boost: -0.7 },
    ],
    [
      ex('Digital Luggage Scale 50kg Portable Hanging Travel Suitcase Weighing', true),
      ex('Digital Kitchen Scale 5kg Food', false),
    ],
  );
  rule(
    'heated-hair-styling-brushes',
    'Electric straightening brushes and heated combs are electrothermic hairdressing apparatus, not brushes',
    'Subheading 8516.32 (other electrothermic hairdressing apparatus), 8516.32.00.40; heading 9603 covers unheated brushes',
    all(
      t(
        'straightening brush',
        'straightener brush',
        'straightener comb',
        'heated comb',
        'hot comb',
        'straightening comb',
        'heated brush',
        'heated hair brush',
        'beard straightener',
        'electric comb straightener',
      ),
      not(
        t(
          'hair dryer',
          'blow dryer',
          'hot air',
          'dryer brush',
          'brush head',
          'replacement',
          'cover',
          'mat',
          'pouch',
        ),
      ),
    ),
    [
      { prefixes: ['851632'], boost: 1.3 },
      { prefixes: ['8516320040'], boost: 0.4, within: true },
      { prefixes: ['9603', '9615', '851631'], boost: -0.8 },
    ],
    [
      ex('Electric Hair Straightening Brush Ceramic Heated Comb', true),
      ex('One Step Hot Air Brush Hair Dryer Brush', false),
    ],
  );
  const BRIEFCASE = t(
    'briefcase',
    'briefcases',
    'laptop bag',
    'laptop bags',
    'computer bag',
    'attache case',
    'document bag',
    'notebook bag',
    'laptop briefcase',
    'laptop shoulder bag',
  );
  const NOT_BRIEFCASE = t(
    'backpack',
    'rucksack',
    'sleeve',
    'hard case',
    'shell case',
    'tablet case',
    'cover',
    'stand',
    'desk',
    'tray',
    'cooling',
    'organizer insert',
  );
  rule(
    'briefcases-laptop-bags-textile',
    'Briefcases, laptop and computer bags (not backpacks or sleeves) of nylon, Oxford or polyester cloth are attache cases, briefcases and similar containers with outer surface of textile',
    'Subheading 4202.12.81 (outer surface of man-made fibres), 4202.12.81.30 attache cases, briefcases and similar containers; CBP treats computer bags as containers similar to briefcases',
    all(
      BRIEFCASE,
      any(
        t('nylon', 'oxford', 'polyester', 'canvas', 'fabric'),
        attr('main material', 'nylon', 'oxford', 'polyester', 'canvas'),
        attr('material', 'nylon', 'oxford', 'polyester'),
      ),
      not(t('leather', 'pu', 'cowhide', 'aluminum', 'abs')),
      not(NOT_BRIEFCASE),
    ),
    [
      { prefixes: ['420212'], boost: 1.1 },
      { prefixes: ['4202128130', '4202128920', '4202128940'], boost: 0.4, within: true },
      { prefixes: ['4202128170', '4202128960', '4202128980'], boost: -0.4, within: true },
      { prefixes: ['420222', '420292'], boost: -0.6 },
    ],
    [
      ex('Laptop Bag 15.6 inch Briefcase Nylon Waterproof Shoulder Messenger', true),
      ex('Laptop Backpack Men Nylon USB', false),
    ],
  );
  rule(
    'briefcases-laptop-bags-pu',
    'Briefcases and laptop bags of PU ("PU leather") are attache cases and briefcases with outer surface of plastics, not rigid: 4202.12.29.35',
    'Subheading 4202.12.29 (with outer surface of plastics, other than trunks and suitcases), 4202.12.29.35 attache cases, briefcases, other than structured',
    all(
      BRIEFCASE,
      any(
        t('pu leather', 'pu', 'faux leather', 'synthetic leather'),
        attr('main material', 'pu', 'pvc'),
        attr('material', 'pu', 'pvc'),
      ),
      not(t('genuine leather', 'cowhide', 'real leather', 'split leather')),
      not(NOT_BRIEFCASE),
    ),
    [
      { prefixes: ['42021229'], boost: 1.1 },
      { prefixes: ['4202122935'], boost: 0.4, within: true },
      { prefixes: ['4202122910', '4202122925', '4202122985'], boost: -0.4, within: true },
      { prefixes: ['42021281', '420211', '420222', '420221'], boost: -0.6 },
    ],
    [
      ex('Men Briefcase PU Leather Laptop Bag Business Document Handbag', true),
      ex('Genuine Leather Briefcase Men Cowhide', false),
    ],
  );
  // ── Statistical lines (within a subheading) ──
  rule(
    'toilet-soap-not-castile',
    'Toilet soap bars are "other" toilet soap unless the seller names castile (olive-oil) soap',
    'Subheading 3401.11: 3401.11.10 (castile soap) against 3401.11.50 (other)',
    all(
      t('soap', 'soaps'),
      not(
        t(
          'castile',
          'olive oil soap',
          'aleppo',
          'marseille',
          'dish',
          'laundry',
          'dispenser',
          'holder',
          'dish soap',
          'mold',
          'mould',
          'base',
        ),
      ),
    ),
    [
      { prefixes: ['3401115000'], boost: 0.5, within: true },
      { prefixes: ['3401111000'], boost: -0.5, within: true },
    ],
    [
      ex('Handmade Soap Bar Natural Essential Oil Whitening Soap 100g', true),
      ex('Castile Soap Bar Olive Oil', false),
    ],
  );
  rule(
    'bath-bombs-not-bath-salts',
    'Bath bombs, fizzers and bubble baths are "other" bath preparations, not bath salts',
    'Subheading 3307.30: 3307.30.10 (bath salts) against 3307.30.50 (other)',
    all(
      t(
        'bath bomb',
        'bath bombs',
        'bath fizzer',
        'bath fizzers',
        'bubble bath',
        'bath oil',
        'bath foam',
        'bath milk',
      ),
      not(t('mold', 'mould', 'epsom', 'sea salt', 'dead sea')),
    ),
    [
      { prefixes: ['3307305000'], boost: 0.6, within: true },
      { prefixes: ['3307301000'], boost: -0.6, within: true },
    ],
    [
      ex('Bath Bombs Gift Set 12pcs Natural Organic Bath Ball', true),
      ex('Epsom Bath Salt Lavender 500g', false),
    ],
  );
  rule(
    'perfumes-containing-alcohol',
    'Eau de parfum, eau de toilette, cologne and perfume sprays contain alcohol',
    'Subheading 3303.00: 3303.00.30 (containing alcohol) against 3303.00.10/.20 (not containing alcohol)',
    all(
      any(
        t(
          'eau de parfum',
          'eau de toilette',
          'eau de cologne',
          'edp',
          'edt',
          'cologne',
          'perfume spray',
          'parfum',
          'body mist',
        ),
        all(t('perfume', 'perfumes'), t('spray', 'ml', 'long lasting')),
      ),
      not(
        t(
          'solid perfume',
          'perfume oil',
          'roll on',
          'roll-on',
          'alcohol free',
          'non alcoholic',
          'balm',
          'atomizer',
          'empty',
          'car',
          'diffuser',
        ),
      ),
    ),
    [
      { prefixes: ['3303003000'], boost: 0.6, within: true },
      { prefixes: ['3303001000', '3303002000'], boost: -0.6, within: true },
    ],
    [
      ex('Women Perfume Long Lasting 50ml Eau De Parfum Floral Fragrance', true),
      ex('Solid Perfume Balm Portable', false),
    ],
  );
  rule(
    'leather-goods-not-reptile',
    'Bags, wallets and belts of cowhide or other leather are not of reptile leather unless the seller names the reptile',
    'Statistical lines 4202.21.30, 4202.31.30, 4202.91 and 4203.40.30 (of reptile leather) against the "other" lines',
    all(
      t('leather', 'cowhide', 'genuine leather', 'sheepskin', 'pu leather'),
      t(
        'bag',
        'bags',
        'handbag',
        'wallet',
        'purse',
        'card holder',
        'clutch',
        'tote',
        'crossbody',
        'case',
        'belt',
      ),
      not(
        t('python', 'snake', 'snakeskin', 'crocodile', 'alligator', 'lizard', 'reptile', 'croc', 'stingray'),
      ),
    ),
    [{ prefixes: ['4202213000', '4202313000', '4203102000', '4203403000'], boost: -0.6, within: true }],
    [ex('Genuine Leather Crossbody Bag Women Cowhide', true), ex('Real Python Leather Clutch Bag', false)],
  );
  rule(
    'hair-slides-plastics-not-set',
    'Plastic claw clips and barrettes without imitation pearls or rhinestones are "not set with imitation pearls or imitation gemstones"',
    'Subheading 9615.11: 9615.11.40 (not set with imitation pearls or imitation gemstones) against 9615.11.50',
    all(
      t(
        'claw clip',
        'claw clips',
        'hair claw',
        'hair claws',
        'shark clip',
        'banana clip',
        'hair clip',
        'hair clips',
        'barrette',
        'barrettes',
        'hair slide',
      ),
      not(t('pearl', 'pearls', 'rhinestone', 'rhinestones', 'crystal', 'diamond', 'gem', 'gems', 'bling')),
    ),
    [
      { prefixes: ['9615114000'], boost: 0.5, within: true },
      { prefixes: ['9615115000'], boost: -0.5, within: true },
    ],
    [
      ex('Large Hair Claw Clip Acrylic Matte Shark Clip Women', true),
      ex('Pearl Hair Claw Clip Acrylic', false),
    ],
  );
  rule(
    'combs-not-by-the-gross',
    'A comb sold singly or in a small set at retail is valued over $4.50 per gross',
    'Subheadings 9615.11 and 9615.19: 9615.11.20-.30 and 9615.19.40 (valued over $4.50 per gross) against 9615.11.10 and 9615.19.20',
    all(
      t('comb', 'combs'),
      not(t('honeycomb', 'bulk', '100pcs', '200pcs', '500pcs', '1000pcs', 'disposable', 'brush')),
    ),
    [
      { prefixes: ['9615113000', '9615194000'], boost: 0.4, within: true },
      { prefixes: ['9615111000', '9615192000'], boost: -0.4, within: true },
    ],
    [
      ex('Natural Wooden Hair Comb Wide Tooth Sandalwood', true),
      ex('Disposable Plastic Combs 500pcs Hotel', false),
    ],
  );
  rule(
    'silk-ties-silk-shell',
    'Neckties the seller says are of (100%, mulberry) silk have an outer shell of 70 percent or more silk',
    'Subheading 6215.10: 6215.10.00.40 (outer shell containing 70 percent or more by weight of silk) against .25 and .90',
    all(
      t('tie', 'ties', 'necktie', 'neckties', 'bow tie', 'bowtie'),
      any(
        t('100% silk', 'pure silk', 'mulberry silk', 'silk tie', 'real silk', 'natural silk'),
        attr('material', 'silk', '100% silk', 'mulberry silk'),
      ),
      not(t('silky', 'imitation silk', 'polyester', 'satin', 'hair tie', 'hair ties', 'scrunchie')),
    ),
    [
      { prefixes: ['6215100040'], boost: 0.5, within: true },
      { prefixes: ['6215100025', '6215100090'], boost: -0.4, within: true },
    ],
    [
      ex('Men Silk Tie 8cm Jacquard Woven Necktie Business', true, { attributes: { Material: 'Silk' } }),
      ex('Polyester Silky Tie Men', false),
    ],
  );
  rule(
    'knitted-gloves-not-sports',
    'Everyday knitted gloves and mittens (touch-screen, winter, fleece) are not "specially designed for use in sports"',
    'Subheadings 6116.92/.93/.99: the sports lines (.08, .35) against the other lines without or with fourchettes',
    all(
      t('gloves', 'glove', 'mittens', 'mitten'),
      not(
        t(
          'ski',
          'snowboard',
          'snowmobile',
          'hockey',
          'cycling',
          'bike',
          'bicycle',
          'motorcycle',
          'sport',
          'sports',
          'gym',
          'fitness',
          'golf',
          'baseball',
          'goalkeeper',
          'football',
          'running',
          'climbing',
          'fishing',
          'hunting',
          'tactical',
          'riding',
          'boxing',
          'work gloves',
        ),
      ),
    ),
    [
      {
        prefixes: ['6116930800', '6116920800', '6116993500', '6116930500', '6116920500', '6116992000'],
        boost: -0.5,
        within: true,
      },
    ],
    [
      ex('Winter Gloves Touch Screen Knitted Gloves Men Women', true),
      ex('Ski Gloves Waterproof Snowboard', false),
    ],
  );
  rule(
    'travel-sports-bags-mmf',
    'Duffel, gym, weekender, travel and sports bags, drawstring sacks and waist packs of nylon or polyester are the man-made-fibre travel and sports bags line, not insulated bags or "other" containers',
    'Subheading 4202.92: 4202.92.31.31 (travel, sports and similar bags of man-made fibres, other than backpacks) against 4202.92.08 (insulated), 4202.92.91 (other containers)',
    all(
      t(
        'duffel',
        'duffle',
        'gym bag',
        'weekender',
        'travel bag',
        'sports bag',
        'drawstring bag',
        'gym sack',
        'waist bag',
        'fanny pack',
        'belt bag',
        'chest bag',
        'sling bag',
        'bum bag',
        'hip bag',
        'travel duffel',
      ),
      not(
        t(
          'insulated',
          'cooler',
          'lunch',
          'thermal',
          'leather',
          'pu',
          'cotton',
          'canvas',
          'backpack organizer',
          'packing cube',
        ),
      ),
    ),
    [
      { prefixes: ['4202923131'], boost: 0.5, within: true },
      { prefixes: ['42029208', '4202921000', '4202929100', '4202920400'], boost: -0.5, within: true },
    ],
    [
      ex('Large Travel Duffel Bag Gym Bag Weekender Waterproof', true),
      ex('Insulated Lunch Bag Cooler Tote', false),
    ],
  );
  rule(
    'backpacks-cotton-canvas',
    'Backpacks and travel bags of cotton canvas are travel bags of cotton (vegetable fibres, not pile or tufted)',
    'Subheading 4202.92: 4202.92.15 (travel, sports and similar bags, of cotton, not of pile or tufted construction) against the man-made fibre lines',
    all(
      t('backpack', 'rucksack', 'duffel', 'travel bag', 'gym bag', 'drawstring bag'),
      any(
        t('cotton canvas', 'cotton'),
        attr('main material', 'cotton', 'canvas'),
        attr('material', 'cotton', 'canvas'),
      ),
      not(t('polyester', 'nylon', 'oxford', 'pu', 'leather', 'polyester canvas')),
    ),
    [
      { prefixes: ['4202921500'], boost: 0.5, within: true },
      { prefixes: ['42029231', '4202923316', '4202929100'], boost: -0.4, within: true },
    ],
    [ex('Canvas Backpack Cotton Vintage Men Travel Rucksack', true), ex('Nylon Backpack Waterproof', false)],
  );
  rule(
    'manicure-pedicure-sets',
    'Manicure and pedicure sets and kits (several instruments put up together) are the sets lines of 8214.20, not the single instruments',
    'Subheading 8214.20: 8214.20.60 and 8214.20.90 (manicure and pedicure sets and combinations thereof) against 8214.20.30 (single instruments)',
    all(
      t(
        'manicure set',
        'pedicure set',
        'manicure kit',
        'pedicure kit',
        'grooming kit',
        'nail clipper set',
        'nail clipper kit',
        'nail care set',
        'nail kit',
      ),
      not(t('drill', 'lamp', 'polish', 'gel', 'electric')),
    ),
    [
      { prefixes: ['8214209000', '8214206000'], boost: 0.5, within: true },
      { prefixes: ['8214203000'], boost: -0.5, within: true },
    ],
    [
      ex('7pcs Manicure Set Nail Clipper Kit Pedicure Grooming Kit PU Case', true),
      ex('Stainless Steel Nail Clipper Large', false),
    ],
  );
  rule(
    'shaving-preparations-no-alcohol',
    'Shaving creams, foams, gels and soaps are pre-shave and shaving preparations not containing alcohol (after-shave lotions usually do)',
    'Subheading 3307.10: 3307.10.10 (not containing alcohol) against 3307.10.20',
    all(
      t(
        'shaving cream',
        'shaving foam',
        'shaving gel',
        'shaving soap',
        'shave cream',
        'shave gel',
        'pre-shave',
        'pre shave',
      ),
      not(t('aftershave', 'after shave', 'alcohol', 'brush', 'bowl', 'razor')),
    ),
    [
      { prefixes: ['3307101000'], boost: 0.5, within: true },
      { prefixes: ['3307102000'], boost: -0.5, within: true },
    ],
    [ex('Shaving Cream Foam Men Sensitive Skin 200ml', true), ex('Aftershave Lotion Men Alcohol', false)],
  );
  rule(
    'hair-rollers-nonthermic',
    'Hair rollers, curlers and curling rods that are not heated are nonthermic, nonornamental devices for curling the hair, not hair pins',
    'Subheading 9615.90: 9615.90.20 (nonthermic, nonornamental devices for curling the hair) against 9615.90.30 (hair pins)',
    all(
      t(
        'hair roller',
        'hair rollers',
        'hair curler',
        'hair curlers',
        'curlers',
        'curling rod',
        'curling rods',
        'flexi rods',
        'perm rods',
        'velcro rollers',
        'heatless curls',
        'heatless curling',
      ),
      not(t('electric', 'heated', 'iron', 'wand', 'automatic', 'ceramic', 'usb', 'eyelash')),
    ),
    [
      { prefixes: ['9615902000'], boost: 0.6, within: true },
      { prefixes: ['9615903000', '9615904000', '9615906000'], boost: -0.5, within: true },
    ],
    [
      ex('Velcro Hair Rollers Self Grip Curlers 24pcs', true),
      ex('Electric Hair Curler Ceramic Curling Iron', false),
    ],
  );
}
