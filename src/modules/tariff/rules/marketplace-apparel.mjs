// Goods rules for the marketplace categories Women's, Men's and children's clothing, Underwear, Weddings & Events, Novelty & Special Use, Shoes, Toys & Hobbies, Sports & Entertainment: part of the ruleset's authoring
// form (generate-ruleset.mjs calls `marketplaceApparel` with its helpers). After editing: npm run generate:rules.
export function marketplaceApparel({ rule, t, cat, attr, any, all, not, ex }) {
  const MAT = (...v) => any(attr('material', ...v), attr('fabric', ...v), attr('composition', ...v));
  const FABRIC_TYPE = (...v) => any(attr('fabric type', ...v), attr('fabric', ...v));
  // A garment listing: the marketplace's clothing categories, or a garment named in the title.
  const GARMENT = any(
    cat(
      'Clothing',
      'Underwear',
      'Sportswear',
      'Apparel',
      'Dresses',
      'Sleep',
      'Swimwear',
      'Swimming',
      'Costumes',
      'Uniforms',
      'Wedding Dresses',
      'Evening Dresses',
      'Prom Dresses',
      'Bridesmaid Dresses',
      'Cultural Wear',
      'Dance Wear',
    ),
    t(
      'dress',
      'dresses',
      'shirt',
      'blouse',
      'pants',
      'trousers',
      'jeans',
      'shorts',
      'skirt',
      'jacket',
      'coat',
      'hoodie',
      'sweater',
      'jumpsuit',
      'pajamas',
      'leggings',
      'gloves',
      'mittens',
    ),
  );
  const NOT_PET_DOLL = not(
    t(
      'dog',
      'dogs',
      'puppy',
      'pet',
      'pets',
      'cat clothes',
      'doll',
      'dolls',
      'barbie',
      'hanger',
      'hangers',
      'mannequin',
    ),
  );

  // ---- Knit or woven: the fabric the seller states decides chapter 61 against 62 ----
  rule(
    'apparel-woven-fabric-stated',
    'A garment whose "Fabric Type" is stated as woven is of chapter 62, whatever knit-sounding garment name (romper, top, tee) the title uses (fabric names such as broadcloth or satin are not enough: sellers pick them for knitted goods too)',
    'Chapter 61 note 1 and chapter 62 note 1 (ch. 62: articles of textile fabric other than knitted or crocheted)',
    all(
      GARMENT,
      attr('fabric type', 'woven'),
      not(FABRIC_TYPE('knitted', 'knit', 'jersey', 'rib', 'ribbed', 'fleece', 'interlock')),
      not(t('knit', 'knitted', 'crochet', 'jersey')),
    ),
    [
      { prefixes: ['62'], boost: 0.4 },
      { prefixes: ['61'], boost: -0.4 },
    ],
    [
      ex('Women Jumpsuit Summer Wide Leg Romper Casual One Piece', true, {
        category: ["Women's Clothing", 'Jumpsuits, Playsuits & Bodysuits', 'Jumpsuits'],
        attributes: { Material: 'Polyester', 'Fabric Type': 'Woven' },
      }),
      ex('Bridal Gloves Satin Elbow Length Wedding Gloves', false, {
        category: ['Weddings & Events', 'Wedding Accessories', 'Bridal Gloves'],
        attributes: { Material: 'Satin' },
      }),
      ex('Women Ribbed Knit Top Long Sleeve', false, {
        category: ["Women's Clothing", 'Tops & Tees'],
        attributes: { Material: 'Polyester', 'Fabric Type': 'Knitted' },
      }),
      ex('Satin Pillowcase 2PCS Silky Pillow Cover', false, {
        category: ['Home & Garden', 'Home Textile', 'Bedding'],
        attributes: { Material: 'Satin' },
      }),
    ],
  );
  rule(
    'apparel-knitted-fabric-stated',
    'A garment whose stated fabric is a knitted one (knitted, jersey, rib, fleece, polar or coral fleece, interlock, velour) is of chapter 61 even when the title uses a woven-sounding name (shirt, pants, robe)',
    'Chapter 61 note 1 (articles of knitted or crocheted fabric); jersey, rib, interlock, polar and coral fleece are knitted fabrics (own reading of the fabric names)',
    all(
      GARMENT,
      any(
        FABRIC_TYPE(
          'knitted',
          'knit',
          'jersey',
          'rib',
          'ribbed',
          'fleece',
          'polar fleece',
          'interlock',
          'velour',
        ),
        t('coral fleece', 'polar fleece', 'flannel fleece', 'sherpa fleece'),
      ),
      not(
        FABRIC_TYPE(
          'woven',
          'broadcloth',
          'chiffon',
          'satin',
          'denim',
          'twill',
          'poplin',
          'corduroy',
          'organza',
          'taffeta',
          'oxford',
          'canvas',
        ),
      ),
      not(t('jeans', 'denim', 'fleece lined', 'fleece-lined', 'lined with fleece', 'woven')),
    ),
    [
      { prefixes: ['61'], boost: 0.4 },
      { prefixes: ['62'], boost: -0.4 },
    ],
    [
      ex('Women Coral Fleece Bathrobe Winter Warm Plush Robe', true, {
        category: ['Underwear', 'Sleep & Lounge', 'Robes'],
        attributes: { Material: 'Polyester' },
      }),
      ex('Men Casual Shirt Long Sleeve', true, {
        category: ["Men's Clothing", 'Shirts'],
        attributes: { Material: 'Cotton', 'Fabric Type': 'Jersey' },
      }),
      ex('Men Winter Jeans Fleece Lined Denim Pants', false, {
        category: ["Men's Clothing", 'Jeans'],
        attributes: { Material: 'Cotton', 'Fabric Type': 'Fleece' },
      }),
      ex('Polar Fleece Blanket Throw Soft Sofa Blanket', false, {
        category: ['Home & Garden', 'Home Textile', 'Blankets'],
      }),
    ],
  );
  rule(
    'wedding-evening-gowns-woven',
    'Wedding, bridal, evening, prom, ball, bridesmaid and cocktail gowns are made of satin, tulle, lace, chiffon or organza, woven or non-knitted fabrics: women’s or girls’ dresses of 6204 unless stated knitted',
    'Chapter 62 note 1 (articles of any textile fabric other than knitted, so lace and net gowns too); heading 6204 (dresses); own reading that these gowns are of woven or lace fabric unless the listing says knitted',
    all(
      t(
        'wedding dress',
        'wedding dresses',
        'wedding gown',
        'bridal gown',
        'bridal dress',
        'evening dress',
        'evening dresses',
        'evening gown',
        'prom dress',
        'prom dresses',
        'ball gown',
        'bridesmaid dress',
        'bridesmaid dresses',
        'cocktail dress',
        'quinceanera dress',
        'mother of the bride',
        'flower girl dress',
        'homecoming dress',
      ),
      not(t('knit', 'knitted', 'jersey', 'bodycon', 'crochet', 'sweater')),
      not(FABRIC_TYPE('knitted', 'knit', 'jersey', 'rib', 'spandex')),
      NOT_PET_DOLL,
      not(
        t(
          'garment bag',
          'dust cover',
          'hanger',
          'sewing pattern',
          'fabric by',
          'cake topper',
          'sticker',
          'brooch',
        ),
      ),
    ),
    [
      { prefixes: ['62044'], boost: 0.5 },
      { prefixes: ['61044'], boost: -0.4 },
    ],
    [
      ex('Elegant Lace Wedding Dress A Line V Neck Bridal Gown Long Train', true, {
        category: ['Weddings & Events', 'Wedding Dresses'],
        attributes: { Material: 'Polyester' },
      }),
      ex('Chiffon Bridesmaid Dresses Long A-Line Wedding Party Dress', true, {
        category: ['Weddings & Events', 'Bridesmaid Dresses'],
      }),
      ex('Knitted Bodycon Evening Dress Women Long Sleeve', false, {
        category: ["Women's Clothing", 'Dresses'],
      }),
      ex('Wedding Dress Garment Bag Breathable Dust Cover', false, {
        category: ['Home & Garden', 'Home Storage & Organization'],
      }),
    ],
  );

  // ---- Fibre: artificial fibres, single stated fibres, imitation silk ----
  rule(
    'fibre-artificial-rayon-modal',
    'A garment or textile article stated to be of rayon, viscose, modal, lyocell (Tencel), cupro or acetate is of artificial (man-made) fibres, not of cotton or of "other textile materials"',
    'Chapter 54/55 definitions of artificial fibres (viscose, cupro, acetate, lyocell, modal are regenerated cellulose); subheadings "of artificial fibers" and "of man-made fibers" in chapters 61-63',
    all(
      MAT('rayon', 'viscose', 'modal', 'lyocell', 'tencel', 'cupro', 'acetate'),
      not(MAT('cotton', 'polyester', 'nylon', 'acrylic', 'wool', 'silk', 'linen', 'polyamide')),
    ),
    [
      { prefixes: ['61', '62', '63'], lineWords: ['artificial', 'man-made'], boost: 0.4 },
      { prefixes: ['61', '62', '63'], lineWords: ['cotton', 'wool', 'synthetic fibers'], boost: -0.2 },
      { prefixes: ['61', '62'], lineWords: ['restraints', 'other textile materials'], boost: -0.3 },
    ],
    [
      ex('Women Nightgown Modal Sleep Dress Nightdress', true, {
        category: ['Underwear', 'Sleep & Lounge', 'Nightgowns'],
        attributes: { Material: 'Modal' },
      }),
      ex('Vintage Rayon Button Down Shirt Dress Women', true, {
        category: ["Women's Clothing", 'Dresses'],
        attributes: { Material: 'Rayon' },
      }),
      ex('Women Cotton T-shirt', false, { attributes: { Material: 'Cotton' } }),
      ex('Cotton Modal Blend Underwear Men', false, { attributes: { Material: 'Cotton,Modal' } }),
    ],
  );
  rule(
    'apparel-stated-fibre-not-other-textile',
    'A garment whose material is stated as cotton, polyester, nylon, acrylic, spandex or wool belongs to the subheading for that fibre, not to "of other textile materials" (whose statistical lines read "subject to man-made fiber restraints")',
    'Chapter 61/62 subheadings by fibre (section XI subheading note 2, GRI 6); the "restraints" lines sit under "of other textile materials" only',
    all(
      GARMENT,
      MAT(
        'cotton',
        'polyester',
        'nylon',
        'acrylic',
        'spandex',
        'elastane',
        'wool',
        'polyamide',
        'microfiber',
      ),
      not(MAT('silk', 'linen', 'flax', 'ramie', 'hemp', 'bamboo', 'cashmere')),
    ),
    [{ prefixes: ['61', '62'], lineWords: ['restraints'], boost: -0.4 }],
    [
      ex('Men Zip Up Hoodie Polyester Jacket Sweatshirt', true, {
        category: ["Men's Clothing", 'Hoodies & Sweatshirts'],
        attributes: { Material: 'Polyester' },
      }),
      ex('Men Linen Shirt Casual', false, {
        category: ["Men's Clothing", 'Shirts'],
        attributes: { Material: 'Linen' },
      }),
      ex('Polyester Rope 10m', false, { attributes: { Material: 'Polyester' } }),
    ],
  );
  rule(
    'imitation-silk-not-silk',
    'Satin, "silk-like", "ice silk" or "silky" garments stated to be of polyester, nylon or viscose are not of silk: the silk lines are wrong',
    'Section XI note 2 and subheading note 2 (classification by the fibre that predominates by weight); the word "silk" in such titles describes the hand, not the fibre (own reading)',
    all(
      t('silk', 'silky', 'silk like', 'silk-like', 'ice silk', 'faux silk', 'imitation silk'),
      MAT('polyester', 'nylon', 'satin', 'spandex', 'viscose', 'rayon', 'polyamide', 'acetate', 'microfiber'),
      not(MAT('silk', 'mulberry silk', 'natural silk', 'real silk')),
    ),
    [{ prefixes: ['61', '62', '63', '65'], lineWords: ['silk'], boost: -0.5 }],
    [
      ex('Women Pajamas Set Satin Silk Like Sleepwear', true, {
        category: ['Underwear', 'Sleep & Lounge', 'Pajama Sets'],
        attributes: { Material: 'Polyester' },
      }),
      ex('100% Mulberry Silk Pajamas Women', false, { attributes: { Material: 'Mulberry Silk' } }),
    ],
  );
  rule(
    'apparel-elastomeric-stretch-lines',
    'Leggings, yoga and gym pants, bodysuits and swimsuits stated to contain spandex, elastane or lycra take the statistical lines "containing 5 percent or more by weight of elastomeric yarn"',
    'Statistical suffixes of 6104.62/6104.63 (trousers containing 5 percent or more of elastomeric yarn), 6112.41 and 6114.30 (fabric containing 5 percent or more elastomeric yarn); own reading that stretch garments listing spandex reach 5 percent',
    all(
      MAT('spandex', 'elastane', 'lycra'),
      t(
        'leggings',
        'leggins',
        'yoga pants',
        'gym pants',
        'workout pants',
        'tights',
        'bodysuit',
        'body suit',
        'swimsuit',
        'swimwear',
        'bathing suit',
        'bikini',
        'one piece',
        'monokini',
      ),
    ),
    [
      {
        prefixes: ['610462', '610463', '611241', '611430'],
        lineWords: ['elastomeric'],
        boost: 0.5,
        within: true,
      },
      {
        prefixes: ['610462', '610463', '611241', '611430'],
        lineWords: ['playsuits', 'play suits'],
        boost: -0.4,
        within: true,
      },
    ],
    [
      ex('High Waist Leggings Women Push Up Seamless', true, {
        attributes: { Material: 'Polyester,Spandex' },
      }),
      ex('Women Swimsuit One Piece Bathing Suit', true, { attributes: { Material: 'Nylon,Spandex' } }),
      ex('Women Cotton Leggings', false, { attributes: { Material: 'Cotton' } }),
    ],
  );

  // ---- Statistical lines a marketplace garment does not meet ----
  const WATERPROOF = t(
    'waterproof',
    'water resistant',
    'water-resistant',
    'water repellent',
    'rain',
    'raincoat',
    'ski',
    'skiing',
    'snowboard',
    'snow pants',
  );
  rule(
    'apparel-not-water-resistant-lines',
    'Everyday trousers, shorts, jackets and coats that do not claim water resistance (or ski/snowboard use) do not take the "water resistant" statistical and tariff lines of 6201-6204 and 6211',
    'Additional U.S. note 2 to chapter 62 (water resistant: AATCC test 35); the listing must state it (own reading)',
    all(GARMENT, not(WATERPROOF), NOT_PET_DOLL),
    [
      {
        prefixes: ['6201', '6202', '6203', '6204', '6211'],
        lineWords: ['water resistant'],
        boost: -1.0,
        within: true,
      },
    ],
    [
      ex('Men Casual Pants Business Slim Straight Trousers', true, {
        category: ["Men's Clothing", 'Pants'],
        attributes: { Material: 'Polyester' },
      }),
      ex('Women Waterproof Ski Pants Snowboard Trousers', false, {
        category: ['Sports & Entertainment', 'Skiing', 'Skiing Pants'],
      }),
    ],
  );
  rule(
    'apparel-not-recreational-performance-outerwear',
    'Everyday garments (jeans, office trousers, casual jackets) are not "recreational performance outerwear", which needs technical features the listing would name (waterproof, windproof, seam-sealed, for skiing, hiking or climbing)',
    'Additional U.S. note 2 to chapter 62 (recreational performance outerwear: garments with at least two of the technical features listed); own reading that a listing naming none is not such',
    all(
      GARMENT,
      not(WATERPROOF),
      not(
        t(
          'windproof',
          'windbreaker',
          'hiking',
          'climbing',
          'mountaineering',
          'trekking',
          'outdoor',
          'softshell',
          'hardshell',
          'snow',

          'fishing',
          'hunting',
          'camping',
          'cycling',
        ),
      ),
      NOT_PET_DOLL,
    ),
    [
      {
        prefixes: ['6201', '6202', '6203', '6204', '6211'],
        lineWords: ['recreational performance outerwear'],
        boost: -0.8,
        within: true,
      },
    ],
    [
      ex('Men Cargo Pants Cotton Multi Pocket Trousers Casual', true, {
        category: ["Men's Clothing", 'Pants'],
        attributes: { Material: 'Cotton' },
      }),
      ex('Men Hiking Pants Quick Dry Outdoor Trousers', false, {
        category: ['Sports & Entertainment', 'Camping & Hiking', 'Hiking Pants'],
      }),
    ],
  );
  rule(
    'apparel-residual-statistical-lines',
    'A marketplace garment is not "imported as parts of playsuits", "certified hand-loomed and folklore", of "compact yarns" of the listed statistical numbers or "knit to shape" unless it says so: those lines are wrong by default',
    'Statistical notes to chapters 61 and 62 (compact yarns, knit-to-shape, playsuits); subheadings for certified hand-loomed and folklore products (need a certificate); own reading',
    all(
      GARMENT,
      not(
        t('playsuit', 'playsuits', 'hand loomed', 'hand-loomed', 'handloom', 'folklore', 'fully fashioned'),
      ),
      NOT_PET_DOLL,
    ),
    [
      {
        prefixes: ['61', '62'],
        lineWords: ['playsuits', 'play suits', 'hand-loomed', 'compact yarns', 'knit to shape'],
        boost: -0.4,
        within: true,
      },
    ],
    [
      ex('Boys Jeans Kids Denim Pants Elastic Waist', true, {
        category: ['Mother & Kids', 'Boys Clothing', 'Jeans'],
        attributes: { Material: 'Cotton' },
      }),
      ex('Hand-Loomed Cotton Dress Folklore', false, { category: ["Women's Clothing", 'Dresses'] }),
    ],
  );
  rule(
    'apparel-not-hospital-lines',
    'Garments not sold as medical, nursing or laboratory wear do not take the lines "designed for use in hospitals, clinics, laboratories or contaminated areas"',
    'Statistical suffixes of 6203, 6204, 6205, 6206, 6211 (hospital use); own reading that the listing must say so',
    all(
      GARMENT,
      not(
        t(
          'scrub',
          'scrubs',
          'medical',
          'nurse',
          'nursing',
          'hospital',
          'doctor',
          'surgical',
          'lab coat',
          'laboratory',
          'dental',
          'isolation',
          'clinic',
          'beauty salon uniform',
          'spa uniform',
          'pet grooming',
        ),
      ),
    ),
    [{ prefixes: ['62'], lineWords: ['hospitals'], boost: -0.4, within: true }],
    [
      ex('Muslim Abaya Women Long Robe Dubai Kaftan', true, {
        category: ['Novelty & Special Use', 'Traditional & Cultural Wear', 'Islamic Clothing'],
      }),
      ex('Medical Scrub Pants Women Nurse Uniform Trousers', false, {
        category: ['Novelty & Special Use', 'Work Wear & Uniforms', 'Scrubs'],
      }),
    ],
  );
  rule(
    'medical-scrubs-hospital-lines',
    'Scrubs, nurse and medical uniforms and lab coats take the statistical lines for garments designed for use in hospitals, clinics, laboratories',
    'Statistical suffixes of 6203, 6204, 6205, 6206, 6211 ("designed for use in hospitals, clinics, laboratories or contaminated areas")',
    all(
      t(
        'scrub',
        'scrubs',
        'nurse uniform',
        'nursing uniform',
        'medical uniform',
        'doctor uniform',
        'lab coat',
        'hospital uniform',
        'surgical gown',
        'dental uniform',
      ),
      not(
        t(
          'cap',
          'hat',
          'shoes',
          'clogs',
          'socks',
          'badge',
          'pen',
          'scissors',
          'brush',
          'sponge',
          'scrubber',
          'body scrub',
          'exfoliating',
        ),
      ),
    ),
    [{ prefixes: ['62'], lineWords: ['hospitals'], boost: 0.5, within: true }],
    [
      ex('Medical Scrub Pants Women Nurse Uniform Trousers Hospital', true, {
        category: ['Novelty & Special Use', 'Work Wear & Uniforms', 'Scrubs'],
      }),
      ex('Exfoliating Body Scrub Sugar Scrub 200g', false, { category: ['Beauty & Health', 'Skin Care'] }),
    ],
  );
  rule(
    'tshirts-not-all-white-lines',
    'Men’s T-shirts and singlets that are not stated all white take the "Other T-shirts" / "Tank tops" lines, not the lines for all-white underwear-type T-shirts and singlets',
    'Statistical suffixes 6109.10.0004 and 6109.10.0007 (all white, without pockets, trim or embroidery)',
    all(
      t('t-shirt', 'tshirt', 't shirt', 'tee', 'tees', 'singlet', 'tank top', 'undershirt'),
      not(t('white')),
    ),
    [{ prefixes: ['6109100004', '6109100007'], boost: -0.8, within: true }],
    [
      ex("Men's 100% Cotton T Shirt Short Sleeve O-Neck Basic Tee", true, {
        attributes: { Material: 'Cotton' },
      }),
      ex('Men White T-Shirt 3 Pack Crew Neck Undershirt', false),
    ],
  );
  rule(
    'jackets-coats-not-sleeveless-lines',
    'Puffer, padded and quilted jackets and coats with sleeves are not the "padded, sleeveless jackets" of 6201/6202',
    'Statistical and tariff lines of 6201/6202 for padded, sleeveless jackets (vests); own reading that a "jacket" or "coat" without vest words has sleeves',
    all(
      t('jacket', 'jackets', 'coat', 'coats', 'parka', 'parkas', 'anorak', 'windbreaker'),
      not(t('vest', 'vests', 'sleeveless', 'gilet', 'waistcoat', 'body warmer', 'bodywarmer')),
    ),
    [{ prefixes: ['6201', '6202'], lineWords: ['sleeveless'], boost: -1.0, within: true }],
    [
      ex('Women Winter Puffer Jacket Cotton Padded Parka Hooded', true),
      ex('Men Puffer Vest Sleeveless Padded Jacket', false),
    ],
  );
  rule(
    'padded-vests-gilets',
    'Puffer, padded, quilted and down vests (gilets, body warmers) are the padded, sleeveless jackets of 6201/6202, not waistcoats of 6203/6204 or sweater vests of 6110',
    'Headings 6201/6202 (anoraks, wind-cheaters and similar articles; the U.S. lines for padded, sleeveless jackets)',
    all(
      t(
        'puffer vest',
        'padded vest',
        'down vest',
        'quilted vest',
        'gilet',
        'body warmer',
        'bodywarmer',
        'sleeveless jacket',
        'sleeveless puffer',
        'sleeveless down jacket',
        'cotton vest jacket',
        'warm vest',
      ),
      not(
        t(
          'knit',
          'knitted',
          'sweater',
          'fishing vest',
          'tactical vest',
          'life vest',
          'safety vest',
          'reflective',
        ),
      ),
      NOT_PET_DOLL,
    ),
    [
      { prefixes: ['6201', '6202'], boost: 0.6 },
      { prefixes: ['6201', '6202'], lineWords: ['sleeveless'], boost: 0.5, within: true },
      { prefixes: ['6110', '62034', '62044', '6211'], boost: -0.3 },
    ],
    [
      ex('Men Puffer Vest Sleeveless Padded Jacket Warm Winter Gilet', true),
      ex('Men Knitted Sweater Vest V Neck', false),
    ],
  );
  rule(
    'outerwear-down-filled-lines',
    'Jackets, coats and vests filled with duck or goose down take the lines "containing 15 percent or more by weight of down"',
    'Tariff lines of 6201, 6202, 6211 for garments containing 15 percent or more by weight of down and waterfowl plumage (down 35 percent or more of it); own reading that a down-filled garment meets this',
    any(
      t(
        'duck down',
        'goose down',
        'down jacket',
        'down coat',
        'down parka',
        'down vest',
        'down filled',
        'down puffer',
      ),
      attr('filling', 'duck down', 'goose down', 'white duck down', 'white goose down', 'down'),
    ),
    [
      {
        prefixes: ['6201', '6202', '6211'],
        lineWords: ['down and waterfowl plumage'],
        boost: 0.6,
        within: true,
      },
    ],
    [
      ex('Women 90% White Duck Down Jacket Ultra Light', true),
      ex('Women Puffer Jacket Cotton Padded', false, { attributes: { Filling: 'Cotton' } }),
    ],
  );
  rule(
    'outerwear-not-down-filled-lines',
    'Jackets and coats not stated to be down-filled do not take the down lines of 6201, 6202, 6211',
    'Tariff lines of 6201, 6202, 6211 for garments containing 15 percent or more by weight of down; own reading',
    all(
      t('jacket', 'jackets', 'coat', 'coats', 'parka', 'puffer', 'anorak', 'windbreaker', 'vest', 'gilet'),
      not(t('down', 'feather')),
      not(attr('filling', 'down', 'feather')),
    ),
    [
      {
        prefixes: ['6201', '6202', '6211'],
        lineWords: ['down and waterfowl plumage'],
        boost: -0.5,
        within: true,
      },
    ],
    [
      ex('Women Puffer Jacket Cotton Padded Parka', true, { attributes: { Filling: 'Cotton' } }),
      ex('Men Down Jacket 90% Duck Down', false),
    ],
  );
  rule(
    'thermal-underwear-line',
    'Thermal underwear tops (base layers) take the "thermal undershirts" statistical line of 6109',
    'Statistical suffixes 6109.10.0011 and 6109.90.10.47/.75 (thermal undershirts)',
    all(
      t('thermal', 'base layer', 'baselayer', 'long johns'),
      t('top', 'shirt', 'undershirt', 'underwear', 'base layer'),
    ),
    [{ prefixes: ['6109'], lineWords: ['thermal'], boost: 0.5, within: true }],
    [
      ex('Women Thermal Underwear Top Long Sleeve Warm Base Layer', true),
      ex('Thermal Paper Roll 57mm', false),
    ],
  );

  // ---- Goods classes misrouted to a neighbouring heading ----
  rule(
    'jackets-not-suit-type',
    'A jacket or coat that is not a blazer or suit jacket (windbreakers, ski and snowboard jackets, puffer, hooded and zip jackets) belongs to 6101/6102/6201/6202, not to suit-type jackets and blazers of 6103.3/6104.3/6203.3/6204.3',
    'Headings 6201/6202 (anoraks, wind-cheaters, wind-jackets and similar articles); chapter 61 note 3(a) and chapter 62 note 3(a) (suit-type jacket: tailored, with matching design) for what the blazer lines require',
    all(
      t('jacket', 'jackets', 'coat', 'coats', 'windbreaker', 'parka', 'anorak'),
      cat(
        'Clothing',
        'Coats',
        'Jackets',
        'Outerwear',
        'Sportswear',
        'Skiing',
        'Hiking',
        'Cycling',
        'Running',
      ),
      not(
        t(
          'blazer',
          'blazers',
          'suit',
          'suits',
          'tuxedo',
          'sport coat',
          'suit jacket',
          'suit coat',
          'life jacket',
          'cardigan',
          'sweater',
          'lab coat',
          'chef',
          'top coat',
          'coat hanger',
          'coat rack',
          'genuine leather',
          'real leather',
          'sheepskin',
          'cowhide',
          'leather',
          'faux leather',
          'pu leather',
          'vegan leather',
          'hoodie',
          'hoodies',
          'sweatshirt',
        ),
      ),
      not(cat('Blazers', 'Suits')),
      NOT_PET_DOLL,
    ),
    [
      { prefixes: ['6101', '6102', '6201', '6202'], boost: 0.5 },
      { prefixes: ['61033', '61043', '62033', '62043'], boost: -0.5 },
    ],
    [
      ex('Men Windbreaker Jacket Lightweight Hooded Zipper Spring Jacket', true, {
        category: ["Men's Clothing", 'Jackets & Coats', 'Jackets'],
      }),
      ex('Ski Jacket Women Waterproof Snowboard Jacket Hooded', true, {
        category: ['Sports & Entertainment', 'Skiing', 'Skiing Jackets'],
      }),
      ex('Men Blazer Casual Slim Fit Suit Jacket', false, {
        category: ["Men's Clothing", 'Suits & Blazers'],
      }),
      ex('Car Seat Cover Jacket', false, { category: ['Automobiles & Motorcycles'] }),
    ],
  );
  rule(
    'blazers-in-suits-sets-category',
    'A blazer or suit jacket sold alone is a suit-type jacket or blazer (6103.3/6104.3/6203.3/6204.3), not a suit: the marketplace category "Suits & Sets" does not make it one',
    'Chapter 62 note 3 (a suit is a jacket with trousers, skirt or shorts of the same fabric, imported together); headings 6203/6204 (suit-type jackets and blazers)',
    all(
      t('blazer', 'blazers', 'suit jacket', 'suit coat', 'sport coat'),
      not(
        t(
          'pants',
          'trousers',
          'skirt',
          'shorts',
          '2 piece',
          'two piece',
          '3 piece',
          'three piece',
          '2pcs',
          '3pcs',
          'tuxedo',
          'vest',
          'dress',
          'doll',
          'pet',
          'dog',
          'hanger',
          'garment bag',
          'costume',
          'cosplay',
          'uniform',
          'brooch',
          'blazer buttons',
        ),
      ),
    ),
    [
      { prefixes: ['61033', '61043', '62033', '62043'], boost: 0.6 },
      { prefixes: ['61031', '61041', '62031', '62041', '61032', '61042', '62032', '62042'], boost: -0.6 },
    ],
    [
      ex('Women Blazer Jacket Office Lady Suit Coat Long Sleeve', true, {
        category: ["Women's Clothing", 'Suits & Sets', 'Blazers'],
      }),
      ex('Women Blazer Pants Set 2 Piece Office Suit', false, {
        category: ["Women's Clothing", 'Suits & Sets'],
      }),
    ],
  );
  rule(
    'shapewear-body-shapers',
    'Shapewear (body shapers, tummy-control shorts and panties, butt lifters, waist cinchers and trainers, slimming bodysuits) are girdles, panty-girdles, corselets and similar articles of 6212, not briefs, shorts or bodysuits of 61/62',
    'Heading 6212 (brassieres, girdles, corsets... and similar articles, whether or not knitted); chapter 61 note 2(a) excludes articles of 6212',
    all(
      t(
        'shapewear',
        'body shaper',
        'body shapers',
        'tummy control',
        'butt lifter',
        'waist trainer',
        'waist cincher',
        'slimming underwear',
        'shaping shorts',
        'shaper shorts',
        'control panties',
        'girdle',
        'slimming sheath',
        'faja',
        'fajas',
        'body shaping',
      ),
      not(
        t(
          'swimsuit',
          'swimwear',
          'bathing suit',
          'bikini',
          'belt for men',
          'sauna suit',
          'sweat belt',
          'neoprene',
          'machine',
          'cream',
          'massager',
          'patch',
        ),
      ),
      not(MAT('neoprene')),
    ),
    [
      { prefixes: ['6212'], boost: 1.0 },
      { prefixes: ['6104', '6108', '6114', '6204', '6208', '6211', '6107'], boost: -0.4 },
      { prefixes: ['621220'], boost: 0.3 },
    ],
    [
      ex('Women Shapewear Tummy Control Body Shaper High Waist Shorts Butt Lifter', true, {
        category: ['Underwear', 'Shapewear', 'Control Panties'],
      }),
      ex('Tummy Control Swimsuit One Piece', false),
      ex('Neoprene Sauna Waist Trainer Sweat Belt', false),
    ],
  );
  rule(
    'socks-not-pantyhose-lines',
    'Socks (ankle, crew, no-show, boat, sports socks) are "other" hosiery of 6115.94-6115.99, not panty hose and tights of 6115.2 or women’s full- and knee-length hosiery of 6115.30',
    'Heading 6115 and its subheadings (6115.21/22/29 panty hose and tights; 6115.30 women’s full-length or knee-length hosiery; 6115.94-99 other)',
    all(
      t('socks', 'sock', 'ankle socks', 'crew socks', 'no show socks', 'boat socks'),
      not(
        t(
          'pantyhose',
          'panty hose',
          'tights',
          'stockings',
          'leggings',
          'compression',
          'knee high',
          'over the knee',
          'thigh high',
        ),
      ),
      not(t('baby', 'babies', 'newborn', 'infant', 'toddler', 'months')),
    ),
    [
      { prefixes: ['61159'], boost: 0.6 },
      { prefixes: ['61152', '61153'], boost: -0.5 },
    ],
    [
      ex('5 Pairs Men Cotton Socks Crew Business Casual Breathable', true, {
        attributes: { Material: 'Cotton' },
      }),
      ex('Women Sheer Pantyhose Nylon Tights', false),
      ex('Baby Socks Cotton Anti Slip Newborn', false),
    ],
  );
  rule(
    'pantyhose-tights-hosiery',
    'Panty hose, sheer tights and nylons are panty hose and tights of 6115.2 (sheer synthetic ones under 67 decitex: 6115.21), not socks',
    'Heading 6115, subheadings 6115.21 (synthetic, single yarn under 67 decitex), 6115.22, 6115.29',
    all(
      t('pantyhose', 'panty hose', 'sheer tights', 'nylon tights', 'denier tights'),
      not(
        t(
          'ankle socks',
          'crew socks',
          'thigh high',
          'stay up',
          'cycling',
          'yoga',
          'gym',
          'running',
          'leggings',
        ),
      ),
    ),
    [
      { prefixes: ['61152'], boost: 0.7 },
      { prefixes: ['61159', '61153'], boost: -0.4 },
    ],
    [
      ex('Sexy Sheer Pantyhose Women Nylon Tights Black Stockings 15D', true),
      ex('Women Ankle Socks Nylon', false),
    ],
  );
  rule(
    'sport-tights-cycling-shorts-not-hosiery',
    'Running, cycling, yoga and gym "tights" and padded cycling shorts are trousers or shorts (6103/6104, 6203/6204), not hosiery of 6115',
    'Heading 6115 (panty hose, tights and other hosiery) against headings 6103/6104 (trousers, breeches and shorts): sports tights are outer garments worn alone (own reading; CBP classifies cycling shorts as shorts)',
    any(
      all(
        t(
          'running tights',
          'cycling tights',
          'compression tights',
          'yoga tights',
          'gym tights',
          'sports tights',
          'workout tights',
          'training tights',
          'fitness tights',
          'bike tights',
          'bicycle tights',
          'men tights',
          'mens tights',
          'jogging tights',
        ),
        not(
          t(
            'pantyhose',
            'panty hose',
            'stockings',
            'socks',
            'nylons',
            'denier',
            'sheer',
            'ballet tights',
            'dance tights',
          ),
        ),
      ),
      t(
        'cycling shorts',
        'bike shorts',
        'bicycle shorts',
        'padded shorts',
        'cycling pants',
        'cycling bib',
        'bib shorts',
        'biker shorts',
      ),
    ),
    [
      { prefixes: ['6103', '6104'], boost: 0.6 },
      { prefixes: ['6115'], boost: -1.0 },
      { prefixes: ['6203', '6204'], boost: -0.2 },
    ],
    [
      ex('Cycling Shorts Men Padded Gel Bike Shorts Bicycle Tights', true),
      ex('Men Running Tights Compression Pants', true),
      ex('Sheer Pantyhose Women Tights 20D', false),
    ],
  );
  rule(
    'babies-socks-booties',
    'Babies’ socks and booties (for newborns, infants, 0-24 months) are babies’ garments and clothing accessories of 6111 (or 6209), not hosiery of 6115',
    'Chapter 61 note 6(b) (garments prima facie classifiable in 6111 and another heading go to 6111); statistical lines "Babies’ socks and booties" of 6111',
    all(
      t('baby', 'babies', 'newborn', 'infant', 'infants', 'months', '0-12m', '0-6m'),
      t('socks', 'sock', 'booties', 'bootie'),
      not(
        t('shoes', 'sneakers', 'sandals', 'rubber sole', 'hard sole', 'doll', 'adult', 'women', 'men', 'mom'),
      ),
    ),
    [
      { prefixes: ['6111'], boost: 0.9 },
      { prefixes: ['6111'], lineWords: ['booties'], boost: 0.6, within: true },
      { prefixes: ['6115'], boost: -0.8 },
    ],
    [
      ex('Baby Socks Cotton Anti Slip Newborn Infant Socks 5 Pairs', true),
      ex('Men Cotton Socks 5 Pairs', false),
      ex('Baby First Walker Shoes Sock Shoes Rubber Sole', false),
    ],
  );
  rule(
    'baby-bibs-burp-cloths',
    'Textile baby bibs and burp cloths (including "bandana bibs") are babies’ clothing accessories of 6111 (knitted) or 6209 (woven), not handkerchiefs or bandanas of 6213',
    'Headings 6111 and 6209 (babies’ garments and clothing accessories); chapter 62 note 4 and chapter 61 note 6 (babies’ garments)',
    all(
      t('bib', 'bibs', 'burp cloth', 'burp cloths', 'drool bib', 'bandana bib'),
      t('baby', 'babies', 'newborn', 'infant', 'toddler', 'drool', 'feeding', 'burp'),
      not(MAT('silicone', 'plastic', 'pvc', 'eva', 'pu', 'tpu', 'peva')),
      not(
        t(
          'silicone',
          'bib shorts',
          'bib pants',
          'overalls',
          'ski bib',
          'snow bib',
          'adult',
          'dog',
          'pet',
          'clip',
          'clips',
          'holder',
          'chain',
        ),
      ),
    ),
    [
      { prefixes: ['6111'], boost: 0.6 },
      { prefixes: ['6209'], boost: 0.3 },
      { prefixes: ['6213', '6307', '6302', '6214'], boost: -0.8 },
    ],
    [
      ex('Baby Bibs Cotton Bandana Drool Bibs Newborn Infant 5PCS', true, {
        attributes: { Material: 'Cotton' },
      }),
      ex('Silicone Baby Bibs Waterproof Feeding Bib', false, { attributes: { Material: 'Silicone' } }),
      ex('Men Cotton Bandana Paisley Headscarf', false),
    ],
  );
  rule(
    'baby-carriers-slings',
    'Textile baby carriers, slings, wraps and hip-seat carriers are other made up textile articles of 6307.90, not bags or backpacks of 4202',
    'Heading 6307 (other made up textile articles); heading 4202 covers containers for goods, not carriers for a child (own reading, in line with CBP rulings on baby carriers)',
    all(
      t(
        'baby carrier',
        'infant carrier',
        'baby sling',
        'baby wrap',
        'hip seat',
        'carrier wrap',
        'ergonomic carrier',
        'kangaroo carrier',
        'toddler carrier',
      ),
      not(
        t(
          'car seat',
          'bicycle',
          'bike',
          'pet',
          'dog',
          'cat',
          'bag',
          'diaper bag',
          'cover',
          'teething pads',
          'drool pads',
          'doll',
        ),
      ),
    ),
    [
      { prefixes: ['630790'], boost: 0.9 },
      { prefixes: ['4202'], boost: -0.6 },
    ],
    [
      ex('Baby Carrier Ergonomic Hip Seat Infant Sling Wrap Front Carrier', true),
      ex('Pet Carrier Bag Dog Sling', false),
    ],
  );
  rule(
    'baby-feeding-bottles-plastics',
    'Plastic baby feeding bottles (milk bottles, nursing bottles) are household or hygienic articles of plastics of 3924, not bottles for the conveyance or packing of goods of 3923',
    'Headings 3923 (articles for the conveyance or packing of goods) and 3924 (tableware, kitchenware, other household articles and hygienic articles of plastics); CBP classifies plastic baby bottles in 3924.10.40',
    all(
      t(
        'feeding bottle',
        'baby bottle',
        'baby bottles',
        'milk bottle',
        'nursing bottle',
        'feeder bottle',
        'sippy cup',
        'baby feeding bottle',
      ),
      t('baby', 'babies', 'newborn', 'infant', 'toddler', 'feeding', 'nursing', 'anti colic', 'anti-colic'),
      not(
        t(
          'glass',
          'nipple only',
          'teat',
          'teats',
          'brush',
          'sterilizer',
          'warmer',
          'dryer',
          'drying rack',
          'bag',
          'holder',
          'cover',
          'doll',
          'toy',
        ),
      ),
      not(MAT('glass', 'stainless steel')),
    ),
    [
      { prefixes: ['392410'], boost: 0.9 },
      { prefixes: ['3923', '392690', '7010', '7013'], boost: -0.6 },
    ],
    [
      ex('Baby Feeding Bottle PP Wide Neck Anti Colic Milk Bottle 240ml', true, {
        attributes: { Material: 'PP' },
      }),
      ex('Glass Baby Bottle Borosilicate Feeding Bottle', false),
      ex('Baby Bottle Brush Set Silicone Cleaning Brush', false),
    ],
  );
  rule(
    'kids-play-tents',
    'Children’s play tents, playhouses, teepees and ball-pit tents are toys of 9503, not camping tents of 6306',
    'Heading 9503 (other toys); heading 6306 covers tents for camping and the like (own reading, in line with CBP rulings on children’s play tents)',
    all(
      t(
        'play tent',
        'playhouse',
        'play house',
        'teepee',
        'tipi',
        'ball pit',
        'kids tent',
        'children tent',
        'princess tent',
        'castle tent',
        'crawl tunnel',
      ),
      any(
        t('kids', 'kid', 'children', 'child', 'baby', 'toddler', 'princess', 'castle', 'toy', 'toys'),
        cat('Toys'),
      ),
      not(
        t(
          'camping',
          'hiking',
          'pet',
          'dog',
          'cat',
          'fishing',
          'beach shade',
          'mosquito net',
          'bed canopy',
          'light',
          'lights',
          'lamp',
          'mat only',
        ),
      ),
    ),
    [
      { prefixes: ['9503'], boost: 1.0 },
      { prefixes: ['6306'], boost: -0.8 },
    ],
    [
      ex('Kids Play Tent Castle Princess Playhouse Indoor Teepee', true, {
        category: ['Toys & Hobbies', 'Toy Tents'],
      }),
      ex('Camping Tent 2-3 Person Waterproof Outdoor Hiking Dome Tent', false),
    ],
  );
  rule(
    'water-sports-gear-not-textiles',
    'Snorkels, diving masks, swim fins and flippers, kickboards and paddle boards are water-sport equipment of 9506.29 (other than water skis and surf boards), not made-up textiles, plastics articles or goggles',
    'Subheading 9506.29 (water skis, surf boards... and other water-sport equipment); heading 9004 covers swimming goggles, not diving masks (HS explanatory note to 9506)',
    all(
      t(
        'snorkel',
        'snorkeling',
        'diving mask',
        'dive mask',
        'swim fins',
        'diving fins',
        'flippers',
        'kickboard',
        'paddle board',
        'sup board',
        'stand up paddle',
        'bodyboard',
        'body board',
      ),
      not(
        t(
          'keychain',
          'toy',
          'toys',
          'sticker',
          'bag',
          'shirt',
          'dog',
          'pet',
          'phone',
          'camera mount',
          'tube cover',
          'anti fog spray',
          'seal',
          'penguin',
        ),
      ),
    ),
    [
      { prefixes: ['950629'], boost: 0.7 },
      { prefixes: ['9506290080'], boost: 0.4, within: true },
      { prefixes: ['9506290020', '9506290030'], boost: -0.4, within: true },
      { prefixes: ['6307', '3926', '9004', '0303', '4016'], boost: -0.6 },
    ],
    [
      ex('Snorkel Mask Full Face Diving Mask Anti Fog Snorkeling Set', true),
      ex('Swim Fins Short Blade Snorkeling Flippers Adult', true),
      ex('Swimming Goggles Anti Fog Adult', false),
    ],
  );
  rule(
    'skateboards-not-skates',
    'Skateboards, longboards and cruiser boards are other sports equipment of 9506.99, not ice or roller skates of 9506.70',
    'Subheadings 9506.70 (ice skates and roller skates) and 9506.99 (other)',
    all(
      any(
        cat('Skate Board', 'Longboard', 'Surfskate'),
        all(
          t(
            'skateboard',
            'skateboards',
            'longboard',
            'penny board',
            'cruiser board',
            'surfskate',
            'surf skate',
          ),
          not(cat('Roller Skates')),
          not(t('roller skates', 'roller skate', 'inline skates', 'ice skates', 'quad skates')),
        ),
      ),
      not(
        t(
          'shoes',
          'bag',
          'backpack',
          'sticker',
          'keychain',
          'fingerboard',
          'finger',
          'toy',
          'electric',
          'shirt',
          'helmet',
          'pads',
          'wheels',
          'bearings',
          'trucks',
          'grip tape',
          'tool',
        ),
      ),
    ),
    [
      { prefixes: ['950699'], boost: 0.6 },
      { prefixes: ['950670'], boost: -0.6 },
    ],
    [
      ex('Skateboard Complete 31 Inch Maple Deck Double Kick', true),
      ex('Roller Skates Women Quad Skates', false),
    ],
  );
  rule(
    'ukuleles-not-strings',
    'A ukulele listed with its string count ("4 strings") is the instrument (9202.90), not musical instrument strings of 9209.30',
    'Headings 9202 (other string musical instruments) and 9209.30 (musical instrument strings)',
    all(
      t('ukulele', 'ukuleles', 'ukelele', 'uke', 'guitalele'),
      not(
        t(
          'string set',
          'strings set',
          'replacement strings',
          'strings for',
          'nylon strings',
          'string only',
          'bag',
          'case',
          'capo',
          'tuner',
          'strap',
          'pick',
          'picks',
          'stand',
          'hanger',
          'keychain',
          'toy',
          'sticker',
        ),
      ),
    ),
    [
      { prefixes: ['9202906000'], boost: 0.8 },
      { prefixes: ['920930', '9209', '9207'], boost: -0.8 },
    ],
    [
      ex('Soprano Ukulele 21 Inch Beginner Hawaii Guitar 4 Strings', true),
      ex('Ukulele Strings Set Nylon Replacement Strings', false),
    ],
  );
  rule(
    'drumsticks-percussion-accessories',
    'Drumsticks and drum brushes are accessories of percussion instruments: the residual line 9209.99.80, not mutes, pedals and dampers of 9209.99.10',
    'Subheading 9209.99 (other parts and accessories): 9209.99.10 names mutes, pedals, dampers and spurs; drumsticks fall in 9209.99.80',
    all(
      t('drumsticks', 'drum sticks', 'drumstick', 'drum stick', 'drum brushes'),
      not(t('chicken', 'turkey', 'food', 'keychain', 'toy')),
    ),
    [
      { prefixes: ['9209998000'], boost: 0.6, within: true },
      { prefixes: ['9209991000'], boost: -0.6, within: true },
    ],
    [ex('Drum Sticks 5A Maple Wood Drumsticks Pair', true), ex('Chicken Drumsticks Frozen', false)],
  );

  // ---- Footwear ----
  rule(
    'rain-boots-waterproof-footwear',
    'Rain boots, rubber and PVC wellingtons and galoshes moulded in one piece are waterproof footwear of 6401 (outer soles and uppers of rubber or plastics, uppers not stitched or otherwise fixed to the sole), not other footwear of 6402',
    'Heading 6401 (waterproof footwear... uppers neither fixed to the sole nor assembled by stitching, riveting, nailing, screwing, plugging or similar processes)',
    all(
      t(
        'rain boots',
        'rain boot',
        'rainboots',
        'rubber boots',
        'wellies',
        'wellington boots',
        'wellington',
        'galoshes',
        'gumboots',
        'rain shoes',
        'water boots',
      ),
      not(
        t(
          'cover',
          'covers',
          'shoe cover',
          'overshoes',
          'leather',
          'dog',
          'pet',
          'doll',
          'keychain',
          'planter',
          'vase',
          'toy',
        ),
      ),
      not(attr('upper material', 'leather', 'canvas', 'cloth', 'mesh', 'fabric', 'cotton', 'suede')),
    ),
    [
      { prefixes: ['6401'], boost: 1.3 },
      { prefixes: ['6402', '6404'], boost: -0.8 },
    ],
    [
      ex('Rain Boots Women Waterproof Rubber Boots Mid Calf Garden Shoes', true, {
        attributes: { 'Upper Material': 'Rubber' },
      }),
      ex('Waterproof Rain Shoe Covers Silicone Overshoes', false),
    ],
  );
  rule(
    'footwear-textile-upper-fabrics',
    'Footwear whose upper is stated as satin, silk, velvet, plush, fleece, felt, faux fur, lace, denim, corduroy, lycra or stretch fabric has a textile upper: 6404 (rubber or plastics outer sole), not 6402',
    'Heading 6404 (footwear with outer soles of rubber, plastics... and uppers of textile materials); chapter 64 note 4(a) (material of the upper is the constituent material having the greatest external surface area)',
    all(
      any(
        t(
          'shoe',
          'shoes',
          'sneaker',
          'sneakers',
          'slipper',
          'slippers',
          'boot',
          'boots',
          'sandals',
          'heels',
          'pumps',
          'loafers',
          'flats',
        ),
        cat('Shoes'),
      ),
      attr(
        'upper material',
        'satin',
        'silk',
        'velvet',
        'plush',
        'fleece',
        'felt',
        'faux fur',
        'lace',
        'denim',
        'corduroy',
        'lycra',
        'stretch fabric',
        'flannel',
        'terry',
        'wool',
        'short plush',
      ),
      not(attr('outsole material', 'leather', 'cloth', 'fabric', 'textile', 'felt')),
    ),
    [
      { prefixes: ['6404'], boost: 0.7 },
      { prefixes: ['6402', '6405'], boost: -0.4 },
    ],
    [
      ex('Women Wedding Shoes Satin High Heels Bridal Pumps', true, {
        attributes: { 'Upper Material': 'Satin', 'Outsole Material': 'Rubber' },
      }),
      ex('Home Slippers Women Winter Warm Plush', true, {
        attributes: { 'Upper Material': 'Plush', 'Outsole Material': 'EVA' },
      }),
      ex('Women Pumps PU Leather High Heels', false, { attributes: { 'Upper Material': 'PU' } }),
    ],
  );
  rule(
    'house-slippers-line',
    'Indoor, home and bedroom slippers take the statistical lines for house slippers',
    'Statistical suffixes for "house slippers" in 6402, 6403, 6404 and 6405; chapter 64 statistical note (house slippers: for indoor wear)',
    all(
      t(
        'house slippers',
        'home slippers',
        'indoor slippers',
        'bedroom slippers',
        'plush slippers',
        'fluffy slippers',
        'fuzzy slippers',
        'warm slippers',
        'winter slippers',
        'cotton slippers',
      ),
      not(t('outdoor', 'beach', 'flip flops', 'slides', 'sandals', 'bath slippers', 'shower', 'pool')),
    ),
    [{ prefixes: ['64'], lineWords: ['house slippers'], boost: 0.5, within: true }],
    [
      ex('Home Slippers Women Winter Warm Plush Indoor House Slippers', true),
      ex('Beach Slides Men Summer Outdoor Slippers', false),
    ],
  );
  rule(
    'football-cleats-plastic-upper',
    'Football (soccer), rugby and baseball cleats with uppers of PU, synthetic leather or microfibre are sports footwear of 6402.19, not of 6404.11 (textile uppers)',
    'Subheading note 1 to chapter 64 (sports footwear: with spikes, sprigs, cleats...); subheadings 6402.19 and 6404.11; chapter 64 note 4(a) (material of the upper)',
    all(
      t(
        'soccer cleats',
        'football cleats',
        'football boots',
        'soccer boots',
        'soccer shoes',
        'football shoes',
        'cleats',
        'turf shoes',
        'rugby boots',
        'baseball cleats',
      ),
      attr(
        'upper material',
        'pu',
        'synthetic',
        'microfiber',
        'tpu',
        'pvc',
        'synthetic leather',
        'artificial leather',
        'faux leather',
      ),
      not(t('socks', 'bag', 'bags', 'keychain', 'sticker', 'stud', 'studs', 'replacement', 'toy')),
    ),
    [
      { prefixes: ['640219'], boost: 0.6 },
      { prefixes: ['640411', '640299'], boost: -0.5 },
    ],
    [
      ex('Soccer Cleats Men Football Boots TF FG Turf Training Shoes', true, {
        attributes: { 'Upper Material': 'PU' },
      }),
      ex('Soccer Cleats Knit Upper Men', false, { attributes: { 'Upper Material': 'Mesh' } }),
    ],
  );

  // ---- Gloves ----
  rule(
    'ski-snowboard-gloves-woven',
    'Ski, snowboard and snowmobile gloves (shells of woven nylon or polyester) are gloves of 6216, specially designed for use in sports, not knitted gloves of 6116',
    'Heading 6216 and its line for gloves specially designed for use in sports, including ski and snowmobile gloves; own reading that such gloves have woven shells unless stated knitted',
    all(
      t(
        'ski gloves',
        'ski glove',
        'snowboard gloves',
        'snow gloves',
        'skiing gloves',
        'snowmobile gloves',
        'ski mittens',
      ),
      not(t('knit', 'knitted', 'leather', 'touchscreen liner', 'liner gloves', 'dog', 'toy')),
      not(MAT('leather', 'genuine leather', 'cowhide', 'goatskin', 'sheepskin')),
    ),
    [
      { prefixes: ['6216'], boost: 0.9 },
      { prefixes: ['6116'], boost: -0.8 },
      { prefixes: ['6216', '6116'], lineWords: ['use in sports'], boost: 0.5, within: true },
    ],
    [
      ex('Ski Gloves Men Women Waterproof Snowboard Gloves Winter Thermal', true),
      ex('Knitted Ski Gloves Touchscreen', false),
    ],
  );
  rule(
    'sports-gloves-textile-line',
    'Textile cycling, fitness, gym, goalkeeper and similar sports gloves take the line for gloves specially designed for use in sports within 6116/6216',
    'Lines 6116.93.08, 6116.92.08, 6216.00.46 etc. (gloves, mittens and mitts specially designed for use in sports)',
    t(
      'cycling gloves',
      'bike gloves',
      'bicycle gloves',
      'gym gloves',
      'fitness gloves',
      'workout gloves',
      'weightlifting gloves',
      'goalkeeper gloves',
      'ski gloves',
      'snowboard gloves',
      'sports gloves',
      'riding gloves',
    ),
    [{ prefixes: ['6116', '6216'], lineWords: ['use in sports'], boost: 0.5, within: true }],
    [
      ex('Cycling Gloves Half Finger Bike Gloves Gel Padded', true),
      ex('Winter Knitted Gloves Women Touchscreen', false),
    ],
  );

  // ---- Round two: further misrouted classes ----
  rule(
    'bridal-evening-gloves',
    'Bridal, wedding, evening, opera and satin or lace party gloves are gloves of woven satin or lace: 6216, not knitted gloves of 6116 nor the wedding dresses their category suggests',
    'Heading 6216 (gloves, mittens and mitts, not knitted); chapter 62 note 1 (lace is not a knitted fabric); own reading that satin gloves are woven unless stated stretch-knit',
    all(
      t(
        'bridal gloves',
        'wedding gloves',
        'evening gloves',
        'opera gloves',
        'satin gloves',
        'lace gloves',
        'elbow gloves',
        'party gloves',
        'long gloves',
      ),
      not(
        t(
          'knit',
          'knitted',
          'leather',
          'latex',
          'rubber',
          'nitrile',
          'disposable',
          'work',
          'dishwashing',
          'garden',
          'cotton gloves',
          'doll',
        ),
      ),
    ),
    [
      { prefixes: ['6216'], boost: 0.9 },
      { prefixes: ['6116'], boost: -0.4 },
      { prefixes: ['6104', '6204', '6211', '6117', '6217'], boost: -0.6 },
    ],
    [
      ex('Bridal Gloves Satin Elbow Length Wedding Gloves Fingerless', true, {
        category: ['Weddings & Events', 'Wedding Accessories', 'Bridal Gloves'],
      }),
      ex('Latex Gloves Long Elbow Dishwashing', false),
    ],
  );
  rule(
    'guitar-accessories-acoustic',
    'Capos, picks (plectrums), bridge pins, nuts and saddles for guitars in general or acoustic and classical guitars are accessories of the string instruments of 9202 (9209.92), not of the electric instruments of 9207 (9209.94)',
    'Subheadings 9209.92 (parts and accessories for the instruments of heading 9202) and 9209.94 (for the instruments of heading 9207); section XVII-style principal-use reading: an accessory for guitars in general serves the acoustic guitar of 9202 (own reading)',
    all(
      t(
        'capo',
        'guitar pick',
        'guitar picks',
        'plectrum',
        'plectrums',
        'picks',
        'bridge pins',
        'guitar nut',
        'guitar saddle',
        'ukulele capo',
        'guitar strap',
        'guitar straps',
      ),
      t(
        'guitar',
        'guitars',
        'ukulele',
        'acoustic',
        'classical',
        'folk',
        'bass',
        'plectrum',
        'plectrums',
        'capo',
      ),
      not(
        all(
          t('electric', 'pickup', 'pickups', 'humbucker'),
          not(t('acoustic', 'classical', 'folk', 'ukulele')),
        ),
      ),
      not(
        t(
          'keychain',
          'necklace',
          'pendant',
          'earring',
          'holder',
          'case',
          'punch',
          'maker',
          'toy',
          'ice pick',
          'tooth',
          'hair',
        ),
      ),
    ),
    [
      { prefixes: ['920992'], boost: 0.7 },
      { prefixes: ['920994'], boost: -0.7 },
    ],
    [
      ex('Guitar Capo Aluminum Alloy Quick Change Capo for Acoustic Electric', true),
      ex('Guitar Picks 10PCS Celluloid Plectrum Mixed Thickness', true),
      ex('Electric Guitar Pickup Humbucker Set', false),
    ],
  );
  rule(
    'bicycle-pedals-line',
    'Bicycle pedals (flat, platform, clipless, MTB and road pedals) are pedals and parts thereof of 8714.96.10, not other bicycle parts of 8714.99',
    'Subheading 8714.96 (pedals and crank-gear, and parts thereof), line 8714.96.10 (pedals and parts thereof)',
    all(
      t('pedal', 'pedals'),
      t('bicycle', 'bike', 'mtb', 'road bike', 'cycling', 'bmx', 'fixie'),
      not(
        t(
          'crank',
          'crankset',
          'crank arm',
          'chainring',
          'strap',
          'straps',
          'reflector',
          'wrench',
          'tool',
          'cover',
          'exercise',
          'exerciser',
          'stationary',
          'motorcycle',
          'electric bike',
          'ebike',
          'e-bike',
          'toy',
          'kids balance',
          'car',
          'guitar',
          'piano',
          'sewing',
        ),
      ),
    ),
    [
      { prefixes: ['8714961000'], boost: 0.9 },
      { prefixes: ['871499', '871494'], boost: -0.6 },
    ],
    [
      ex('Bicycle Pedals Aluminum Alloy Sealed Bearing MTB Flat Pedals', true),
      ex('MTB Crankset 170mm Crank Arm Chainring', false),
      ex('Pedal Exerciser Under Desk Bike', false),
    ],
  );
  rule(
    'swim-trunks-board-shorts',
    'Swim trunks, board shorts and swim shorts of woven synthetic fabric are swimwear of 6211.11 (men’s or boys’), not knitted swimwear of 6112 nor shorts of 6203',
    'Subheading 6211.11 (swimwear, men’s or boys’) and heading 6112 (knitted swimwear); own reading that board shorts are of woven fabric unless stated knitted',
    all(
      t(
        'swim trunks',
        'swimming trunks',
        'board shorts',
        'boardshorts',
        'swim shorts',
        'surf shorts',
        'beach trunks',
      ),
      not(t('knit', 'knitted', 'spandex briefs', 'swim briefs', 'women', 'girls', 'bikini', 'dog', 'doll')),
      not(FABRIC_TYPE('knitted', 'knit', 'jersey')),
    ),
    [
      { prefixes: ['62111'], boost: 0.8 },
      { prefixes: ['6112', '6203', '6103'], boost: -0.5 },
    ],
    [ex('Boys Swim Trunks Kids Beach Shorts Quick Dry', true), ex('Women Board Shorts Swim', false)],
  );
  const SHORTS = any(
    cat('Shorts'),
    t(
      'denim shorts',
      'jean shorts',
      'jeans shorts',
      'cargo shorts',
      'bermuda',
      'bermuda shorts',

      'gym shorts',
      'running shorts',

      'chino shorts',
      'high waisted shorts',

      'workout shorts',
      'training shorts',
      'basketball shorts',
      'hot pants',
      'short pants',
    ),
  );
  rule(
    'shorts-statistical-lines',
    'Shorts (denim, jean, bermuda, cargo, gym and running shorts) take the statistical lines for shorts, not those for trousers and breeches, within their subheading',
    'Statistical suffixes of 6103.4, 6104.6, 6203.4 and 6204.6 (trousers and breeches; shorts)',
    all(
      SHORTS,
      not(
        t(
          'pants and shorts',
          'set',
          'sets',
          'leggings',
          'boxer shorts',
          'swim',
          'board shorts',
          'pajama',
          'pajamas',
          'sleepwear',
        ),
      ),
    ),
    [
      {
        prefixes: [
          '6203424551',
          '6203439030',
          '6204628056',
          '6204639032',
          '6103421050',
          '6103431550',
          '6104622030',
          '6104632030',
        ],
        boost: 0.6,
        within: true,
      },
      {
        prefixes: ['6103', '6104', '6203', '6204'],
        lineWords: ['trousers and breeches'],
        boost: -0.4,
        within: true,
      },
    ],
    [
      ex('Women Denim Shorts Summer High Waisted Ripped Jean Shorts', true),
      ex('Girls Dress Summer Cotton Short Sleeve', false),
      ex('Men Cargo Pants Cotton Trousers', false),
    ],
  );
  rule(
    'everyday-trousers-lines',
    'Everyday trousers, pants, slacks and chinos (not shorts, not water resistant, not for ski or hospital use) take the residual "Other" trousers lines of 6203.42/6203.43/6204.62/6204.63; blue jeans the "Blue denim" lines',
    'Statistical suffixes of 6203.42.45, 6203.43.90, 6204.62.80 and 6204.63.90 (men’s and women’s trousers and breeches: blue denim, other)',
    all(
      t('pants', 'trousers', 'slacks', 'chinos', 'jeans', 'palazzo'),
      not(SHORTS),
      not(WATERPROOF),
      not(
        t(
          'scrub',
          'scrubs',
          'medical',
          'nurse',
          'set',
          'sets',
          'suit',
          'pajama',
          'pajamas',
          'sleepwear',
          'leggings',
          'overalls',
          'bib',
          'kids',
          'children',
          'boys',
          'girls',
          'baby',
          'toddler',
        ),
      ),
    ),
    [{ prefixes: ['6203424518', '6203439011', '6204628018', '6204639011'], boost: 0.4, within: true }],
    [
      ex('Men Casual Pants Business Slim Straight Trousers Formal Office', true),
      ex('Women Waterproof Ski Pants', false),
    ],
  );
  rule(
    'jeans-blue-denim-lines',
    'Blue jeans and denim trousers take the "blue denim" lines of 6203.42/6204.62',
    'Statistical suffixes 6203.42.45.11 and 6204.62.80.11 (trousers and breeches of blue denim)',
    all(
      t('jeans', 'denim pants', 'denim trousers'),
      not(SHORTS),
      not(
        t(
          'kids',
          'children',
          'boys',
          'girls',
          'baby',
          'toddler',
          'jacket',
          'skirt',
          'dress',
          'black',
          'white',
        ),
      ),
    ),
    [{ prefixes: ['6203424511', '6204628011'], boost: 0.5, within: true }],
    [ex('Women High Waist Jeans Straight Leg Denim Pants', true), ex('Women Denim Jacket', false)],
  );
  rule(
    'everyday-jackets-anorak-lines',
    'Everyday jackets, windbreakers and parkas of cotton or man-made fibres (not down-filled, not sleeveless, not water resistant or performance outerwear) take the residual anorak lines of 6201.30/6201.40/6202.30/6202.40',
    'Statistical suffixes 6201.30.80.51, 6201.40.75.11, 6202.30.80.61, 6202.40.75.11/.21 (anoraks, windbreakers and similar articles: other)',
    all(
      t('jacket', 'jackets', 'windbreaker', 'parka', 'parkas', 'anorak', 'puffer'),
      not(
        t(
          'vest',
          'sleeveless',
          'gilet',
          'down',
          'feather',
          'blazer',
          'suit',
          'leather',
          'denim',
          'jean jacket',
          'corduroy',
          'knit',
          'knitted',
          'fleece',
          'hoodie',
          'sweatshirt',
          'cardigan',
          'life jacket',
          'trench',
          'overcoat',
          'wool coat',
          'peacoat',
          'pea coat',
          'cape',
          'cloak',
          'poncho',
          'long coat',
          'raincoat',
          'woolen coat',
          'teddy coat',
        ),
      ),
      not(WATERPROOF),
      not(attr('filling', 'down', 'feather')),
      NOT_PET_DOLL,
    ),
    [
      {
        prefixes: ['6201308051', '6201407511', '6202308061', '6202407511', '6202407521'],
        boost: 0.4,
        within: true,
      },
    ],
    [
      ex('Men Windbreaker Jacket Lightweight Hooded Zipper Spring Jacket', true),
      ex('Men Down Jacket Winter', false),
    ],
  );
  rule(
    'tshirt-or-tank-top-lines',
    'Within 6109, T-shirts take the T-shirt lines and tank tops, singlets and camisoles the tank-top lines',
    'Statistical suffixes of 6109.10 and 6109.90 (T-shirts; tank tops and other singlets)',
    all(
      t('t-shirt', 'tshirt', 't shirt', 'tee', 'tees'),
      not(t('tank top', 'tank tops', 'singlet', 'sleeveless', 'camisole', 'cami', 'vest')),
    ),
    [
      {
        prefixes: [
          '6109100012',
          '6109100014',
          '6109100040',
          '6109100045',
          '6109901007',
          '6109901009',
          '6109901050',
          '6109901060',
        ],
        boost: 0.4,
        within: true,
      },
      {
        prefixes: [
          '6109100018',
          '6109100023',
          '6109100060',
          '6109100065',
          '6109901013',
          '6109901025',
          '6109901065',
          '6109901070',
        ],
        boost: -0.4,
        within: true,
      },
    ],
    [
      ex("Men's 100% Cotton T Shirt Short Sleeve O-Neck Basic Tee", true),
      ex('Women Tank Top Sleeveless Tee', false),
    ],
  );
  rule(
    'petticoats-crinolines',
    'Petticoats, crinolines, hoop skirts and underskirts worn under gowns are slips and petticoats of 6208.1 (woven) or 6108.1 (knitted), not skirts or dresses',
    'Headings 6108 and 6208 (slips, petticoats); own reading that wedding crinolines of tulle and taffeta are not knitted (chapter 62 note 1)',
    all(
      t('petticoat', 'petticoats', 'crinoline', 'underskirt', 'hoop skirt', 'hoop slip'),
      not(t('knit', 'knitted', 'doll', 'dog', 'pet', 'costume set')),
    ),
    [
      { prefixes: ['62081', '61081'], boost: 0.7 },
      { prefixes: ['62081'], boost: 0.3 },
      { prefixes: ['6104', '6204'], boost: -0.4 },
    ],
    [
      ex('Wedding Petticoat Crinoline Underskirt 6 Hoops Slip for Ball Gown', true),
      ex('Women Pleated Midi Skirt', false),
    ],
  );

  // ---- Round three: long-tail classes ----
  rule(
    'footwear-textile-upper-leather-sole',
    'Dance and ballet shoes and other footwear with textile uppers (canvas, satin, mesh) and outer soles of leather or suede are footwear of 6404.20, not 6404.11/6404.19 (rubber or plastics soles)',
    'Subheading 6404.20 (footwear with outer soles of leather or composition leather and uppers of textile materials); chapter 64 note 4(b) (material of the outer sole: the one with the largest surface in contact with the ground)',
    all(
      attr(
        'upper material',
        'canvas',
        'satin',
        'mesh',
        'cloth',
        'fabric',
        'cotton',
        'velvet',
        'lycra',
        'stretch fabric',
        'silk',
        'knit',
      ),
      attr(
        'outsole material',
        'leather',
        'suede',
        'split leather',
        'cowhide',
        'genuine leather',
        'cow leather',
        'pigskin',
      ),
      not(attr('outsole material', 'rubber', 'eva', 'pu', 'tpr', 'pvc')),
    ),
    [
      { prefixes: ['640420'], boost: 0.9 },
      { prefixes: ['640411', '640419', '6403'], boost: -0.5 },
    ],
    [
      ex('Ballet Shoes Girls Canvas Dance Slippers Split Sole', true, {
        attributes: { 'Upper Material': 'Canvas', 'Outsole Material': 'Leather' },
      }),
      ex('Women Canvas Sneakers', false, {
        attributes: { 'Upper Material': 'Canvas', 'Outsole Material': 'Rubber' },
      }),
    ],
  );
  rule(
    'aprons-textile-garments',
    'Textile aprons (kitchen, cooking, chef, work and bib aprons) are other garments of 6211 (6114 if knitted), not made up textile articles of 6307',
    'Heading 6211 (other garments); chapter 62 note 9 (garments not identifiable as men’s or women’s go with women’s: 6211.4); CBP classifies woven textile aprons in 6211.42/6211.43; aprons of plastics are of 3926.20, of rubber of 4015 (own reading for the textile ones)',
    all(
      t('apron', 'aprons'),
      not(
        MAT(
          'pvc',
          'pu',
          'plastic',
          'plastics',
          'rubber',
          'leather',
          'tpu',
          'eva',
          'peva',
          'latex',
          'genuine leather',
        ),
      ),
      not(
        t(
          'pvc',
          'leather',
          'rubber',
          'plastic',
          'disposable',
          'apron hook',
          'hanger',
          'doll',
          'dog',
          'pet',
          'sewing pattern',
          'fabric by',
          'kids apron set',
          'car',
          'fender',
          'truck',
          'stage',
          'conveyor',
        ),
      ),
    ),
    [
      { prefixes: ['62114'], boost: 0.8 },
      { prefixes: ['6307', '6217', '6302', '621120', '62113'], boost: -0.5 },
    ],
    [
      ex('Kitchen Apron Waterproof Polyester Cooking Apron with Pockets Chef', true, {
        attributes: { Material: 'Polyester' },
      }),
      ex('PVC Waterproof Apron Fish Market', false, { attributes: { Material: 'PVC' } }),
    ],
  );
  rule(
    'whistles-game-calls',
    'Whistles (referee, sports, survival, dog whistles) and mouth-blown game and decoy calls (duck, goose, turkey, deer, predator calls) are of 9208.90',
    'Heading 9208 (decoy calls of all kinds; whistles, call horns and other mouth-blown sound signalling instruments)',
    all(
      t(
        'whistle',
        'whistles',
        'duck call',
        'goose call',
        'turkey call',
        'deer call',
        'predator call',
        'game call',
        'decoy call',
        'bird call',
        'elk call',
        'crow call',
      ),
      not(
        t(
          'kettle',
          'whistling kettle',
          'teapot',
          'tea kettle',
          'electronic',
          'electric',
          'train whistle toy',
          'tin whistle',
          'penny whistle',
          'irish whistle',
          'flute',
          'speaker',
          'app',
          'gps',
          'tracker',
        ),
      ),
    ),
    [
      { prefixes: ['920890'], boost: 1.0 },
      { prefixes: ['9208900080'], boost: 0.3, within: true },
      { prefixes: ['7323', '7324', '7326', '9303', '3926', '9503', '8531'], boost: -0.6 },
    ],
    [
      ex('Referee Whistle Stainless Steel Sports Whistle with Lanyard', true),
      ex('Duck Call Hunting Decoy Caller Mallard', true),
      ex('Whistling Tea Kettle Stainless Steel 3L', false),
    ],
  );
  rule(
    'basketball-hoops-backboards',
    'Basketball hoops, rims, nets, backboards and stands are basketball equipment of 9506.99, not balls or footwear',
    'Subheading 9506.99 (other articles and equipment for sports and outdoor games)',
    all(
      t(
        'basketball hoop',
        'basketball hoops',
        'basketball rim',
        'basketball net',
        'basketball backboard',
        'basketball stand',
        'basketball goal',
        'basketball board',
      ),
      not(
        t(
          'keychain',
          'sticker',
          'cake',
          'toy figure',
          'shoes',
          'sneakers',
          'jersey',
          'shirt',
          'game machine',
          'arcade',
          'pen holder',
        ),
      ),
    ),
    [
      { prefixes: ['950699'], boost: 1.4 },
      { prefixes: ['9506628020', '950662', '6404', '6402', '9504'], boost: -1.0 },
    ],
    [
      ex('Basketball Hoop Indoor Mini Basketball Board Kids Door Hoop', true),
      ex('Basketball Size 7 PU Leather Ball', false),
    ],
  );
  rule(
    'sports-training-cones-ladders',
    'Training and agility cones, marker discs, agility and speed ladders and speed hurdles are sports equipment of 9506.99 (football training equipment of 9506.99.20), not balls',
    'Subheading 9506.99 and its line 9506.99.20 (football, soccer and polo articles and equipment, except balls)',
    all(
      t(
        'training cones',
        'agility cones',
        'marker discs',
        'disc cones',
        'sport cones',
        'soccer cones',
        'football cones',
        'agility ladder',
        'speed ladder',
        'speed hurdles',
        'agility hurdles',
      ),
      not(t('traffic cone', 'traffic cones', 'road', 'ice cream', 'candle', 'sticker')),
    ),
    [
      { prefixes: ['950699'], boost: 1.0 },
      { prefixes: ['950662', '3926'], boost: -0.6 },
    ],
    [
      ex('Football Training Cones Agility Marker Discs 10PCS', true),
      ex('Traffic Cones Road Safety Reflective', false),
    ],
  );
  rule(
    'fitness-bars-rings-grips',
    'Pull-up and chin-up bars, push-up bars and stands, dip bars, gymnastic rings, parallettes and hand grip strengtheners are articles for general physical exercise of 9506.91',
    'Subheading 9506.91 (articles and equipment for general physical exercise, gymnastics or athletics)',
    t(
      'pull up bar',
      'pull-up bar',
      'chin up bar',
      'chin-up bar',
      'doorway bar',
      'push up bars',
      'push up board',
      'push up stand',
      'dip bar',
      'dip bars',
      'gymnastic rings',
      'gymnastics rings',
      'parallettes',
      'hand gripper',
      'hand grip strengthener',
      'grip strengthener',
      'finger strengthener',
      'power twister',
    ),
    [
      { prefixes: ['950691'], boost: 1.0 },
      { prefixes: ['9506910030'], boost: 0.4, within: true },
      { prefixes: ['7407', '7306', '7326', '8302', '7616'], boost: -0.6 },
    ],
    [ex('Pull Up Bar Doorway Chin Up Bar Home Gym', true), ex('Stainless Steel Towel Bar Bathroom', false)],
  );
  rule(
    'aluminium-cookware-by-material',
    'Cooking pots, pans and camping cookware stated to be of aluminium are household articles of aluminium of 7615.10, not of iron or steel (7323)',
    'Headings 7323 (of iron or steel) and 7615 (of aluminium): table, kitchen or other household articles by material',
    all(
      t(
        'pot',
        'pots',
        'pan',
        'pans',
        'cookware',
        'cooking set',
        'cook set',
        'saucepan',
        'frying pan',
        'kettle',
        'mess kit',
      ),
      MAT('aluminum', 'aluminium', 'aluminum alloy', 'aluminium alloy', 'anodized aluminum'),
      not(MAT('stainless steel', 'cast iron', 'iron', 'carbon steel', 'titanium', 'copper')),
      not(
        t(
          'stainless',
          'cast iron',
          'electric',
          'induction cooker',
          'lid only',
          'handle only',
          'plant',
          'flower pot',
          'planter',
        ),
      ),
    ),
    [
      { prefixes: ['761510'], boost: 0.9 },
      { prefixes: ['7323', '7616'], boost: -0.6 },
    ],
    [
      ex('Camping Cookware Set Aluminum Pot Pan Outdoor Cooking Kit', true, {
        attributes: { Material: 'Aluminum' },
      }),
      ex('Stainless Steel Cooking Pot Set', false, { attributes: { Material: 'Stainless Steel' } }),
    ],
  );
  rule(
    'dry-bags-waterproof-sacks',
    'Roll-top dry bags and dry sacks are travel and sports bags of 4202.92, not plastic sacks for the conveyance of goods (3923)',
    'Heading 4202 (travelling bags, sports bags and similar containers), subheading 4202.92 (outer surface of plastic sheeting or textile materials)',
    t('dry bag', 'dry bags', 'dry sack', 'dry sacks', 'roll top bag', 'roll-top bag', 'waterproof dry bag'),
    [
      { prefixes: ['420292'], boost: 1.0 },
      { prefixes: ['3923', '6305', '6307'], boost: -0.6 },
    ],
    [
      ex('Dry Bag Waterproof 10L Roll Top Sack Kayaking Bag', true),
      ex('Garbage Bags Heavy Duty 50PCS', false),
    ],
  );
  rule(
    'sports-helmets-athletic-line',
    'Ski, snowboard, bicycle, skate, climbing and riding helmets take the "athletic, recreational and sporting headgear" lines of 6506.10, not the motorcycle-helmet lines',
    'Statistical suffixes 6506.10.30.45 and 6506.10.60.45 (athletic, recreational and sporting headgear) against .30/.60.30 (motorcycle helmets)',
    all(
      t('helmet', 'helmets'),
      t(
        'ski',
        'skiing',
        'snowboard',
        'bike',
        'bicycle',
        'cycling',
        'mtb',
        'skate',
        'skateboard',
        'climbing',
        'equestrian',
        'horse riding',
        'scooter',
        'roller',
      ),
      not(
        t(
          'motorcycle',
          'motorbike',
          'moto',
          'motocross',
          'dirt bike',
          'atv',
          'full face motorcycle',
          'open face motorcycle',
          'camera',
          'mount',
          'light',
          'lamp',
          'bag',
          'cover',
          'lock',
          'sticker',
        ),
      ),
    ),
    [
      { prefixes: ['6506103045', '6506106045'], boost: 0.8, within: true },
      { prefixes: ['6506103030', '6506106030'], boost: -0.6, within: true },
    ],
    [
      ex('Ski Helmet Adult Snowboard Helmet Integrally Molded', true),
      ex('Motorcycle Helmet Full Face DOT', false),
    ],
  );
  rule(
    'golf-training-mats-nets',
    'Golf putting mats and greens, hitting mats and practice nets are golf equipment of 9506.39, not carpets, tents or garments',
    'Subheading 9506.39 (golf equipment other than clubs and balls)',
    t(
      'putting mat',
      'putting green',
      'golf mat',
      'hitting mat',
      'golf net',
      'chipping net',
      'golf practice net',
      'golf hitting net',
      'putting cup',
      'golf training aid',
    ),
    [
      { prefixes: ['950639'], boost: 1.0 },
      { prefixes: ['9506390080'], boost: 0.3, within: true },
      { prefixes: ['6211', '5703', '5705', '6306', '5608'], boost: -0.6 },
    ],
    [ex('Golf Putting Mat Indoor Practice Green', true), ex('Golf Balls 12PCS Practice', false)],
  );
  rule(
    'kalimba-thumb-piano',
    'Kalimbas (thumb or finger pianos, mbiras) are percussion instruments of 9206, not keyboard instruments of 9207',
    'Heading 9206 (percussion musical instruments); heading 9207 requires the sound to be produced or amplified electrically (own reading, in line with CBP rulings on kalimbas)',
    all(
      t('kalimba', 'thumb piano', 'finger piano', 'mbira'),
      not(t('bag', 'case', 'sticker', 'tuning hammer', 'keychain', 'electric', 'pickup')),
    ),
    [
      { prefixes: ['9206008000'], boost: 0.9 },
      { prefixes: ['9207', '9209'], boost: -0.8 },
    ],
    [ex('Kalimba 17 Keys Thumb Piano Mahogany Finger Piano', true), ex('Kalimba Bag Waterproof Case', false)],
  );
  rule(
    'metronomes-tuning-forks',
    'Metronomes, tuning forks and pitch pipes are of 9209.99.05, not parts of pianos or of other instruments',
    'Line 9209.99.05 (metronomes, tuning forks and pitch pipes)',
    all(
      t('metronome', 'metronomes', 'tuning fork', 'tuning forks', 'pitch pipe'),
      not(t('tuner', 'app', 'medical', 'sound healing')),
    ),
    [
      { prefixes: ['9209990500'], boost: 1.0 },
      { prefixes: ['920991', '920992', '920994', '8543'], boost: -0.6 },
    ],
    [
      ex('Metronome Mechanical Classic Piano Guitar Metronome', true),
      ex('Clip On Guitar Tuner Chromatic', false),
    ],
  );
  rule(
    'woodwind-recorders-flutes',
    'Recorders, flutes, piccolos, ocarinas, pan and bamboo flutes, clarinets and saxophones are woodwind instruments of 9205.90, not brass-wind instruments of 9205.10',
    'Subheadings 9205.10 (brass-wind instruments) and 9205.90 (other: woodwind instruments, 9205.90.40)',
    all(
      any(
        t(
          'flute',
          'flutes',
          'piccolo',
          'ocarina',
          'pan flute',
          'bamboo flute',
          'clarinet',
          'saxophone',
          'hulusi',
          'dizi',
          'bawu',
          'recorder flute',
          'soprano recorder',
          'alto recorder',
        ),
        all(t('recorder'), cat('Wind Instruments', 'Musical Instruments')),
      ),
      not(
        t(
          'trumpet',
          'trombone',
          'tuba',
          'cornet',
          'euphonium',
          'bugle',
          'french horn',
          'champagne',
          'glass',
          'glasses',
          'reed',
          'reeds',
          'mouthpiece',
          'ligature',
          'case',
          'bag',
          'stand',
          'cleaning',
          'toy',
        ),
      ),
    ),
    [
      { prefixes: ['920590'], boost: 0.8 },
      { prefixes: ['920510'], boost: -0.8 },
    ],
    [
      ex('Soprano Recorder 8 Holes Kids Flute School Instrument', true),
      ex('Trumpet Bb Brass Student', false),
    ],
  );
  rule(
    'sweatbands-sports-headbands',
    'Sweatbands, wrist sweatbands and sports headbands (terry or knitted stretch bands) are knitted clothing accessories of 6117 (headbands: 6117.80.85), not footwear parts or hosiery',
    'Heading 6117 (other made up clothing accessories, knitted); line 6117.80.85 (headbands, ponytail holders and similar articles)',
    all(
      t(
        'sweatband',
        'sweatbands',
        'sweat band',
        'sweat bands',
        'wrist sweatband',
        'sports headband',
        'sport headband',
        'sweat headband',
        'running headband',
        'yoga headband',
        'headband sports',
        'sports hair band',
      ),
      not(t('silicone', 'metal', 'watch', 'smart', 'fitness tracker', 'leather', 'woven fabric')),
    ),
    [
      { prefixes: ['6117'], boost: 0.9 },
      { prefixes: ['6406', '6115', '6505', '6307'], boost: -0.6 },
    ],
    [
      ex('Sweatband Wristband Sports Cotton Wrist Sweat Band Tennis', true),
      ex('Silicone Wristband Bracelet Sports', false),
    ],
  );
  rule(
    'sports-headbands-line',
    'Sports and sweat headbands take the headbands line of 6117.80 (6117.80.85), not the residual accessories line',
    'Line 6117.80.85 (headbands, ponytail holders and similar articles)',
    all(
      t('headband', 'headbands', 'head band', 'hair band'),
      t('sports', 'sport', 'sweat', 'running', 'yoga', 'gym', 'fitness', 'tennis'),
    ),
    [
      { prefixes: ['6117808500'], boost: 0.6, within: true },
      { prefixes: ['6117809510', '6117809540', '6117809570'], boost: -0.4, within: true },
    ],
    [
      ex('Sports Headband Men Women Sweat Headband Running Yoga', true),
      ex('Pearl Headband Women Hair Accessories', false),
    ],
  );
  rule(
    'faux-fur-teddy-coats-knit',
    'Faux-fur, teddy and sherpa coats and jackets are made of knitted pile fabric (6001): knitted coats of 6101/6102, not woven coats of 6201/6202 nor articles of fur',
    'Chapter 43 note 5 (artificial fur excludes imitation furskins obtained by weaving or knitting, generally 5801 or 6001); chapter 61 note 1; own reading that marketplace faux fur is knitted pile',
    all(
      t(
        'faux fur',
        'fake fur',
        'teddy coat',
        'teddy jacket',
        'teddy bear coat',
        'sherpa jacket',
        'sherpa coat',
        'plush coat',
        'plush jacket',
        'fluffy coat',
        'fluffy jacket',
        'furry coat',
        'furry jacket',
        'lamb wool coat',
        'lambswool jacket',
        'faux shearling',
      ),
      t('coat', 'coats', 'jacket', 'jackets', 'outerwear', 'parka'),
      not(
        t(
          'real fur',
          'genuine fur',
          'mink',
          'fox fur',
          'rabbit fur',
          'raccoon',
          'sheepskin',
          'genuine leather',
          'real leather',
          'collar only',
          'dog',
          'pet',
          'doll',
          'hanger',
        ),
      ),
    ),
    [
      { prefixes: ['6101', '6102'], boost: 0.7 },
      { prefixes: ['6201', '6202', '4304', '4303'], boost: -0.5 },
    ],
    [ex('Women Faux Fur Coat Winter Fluffy Teddy Jacket', true), ex('Real Fox Fur Coat Women', false)],
  );
  rule(
    'suit-vests-waistcoats',
    'A suit vest or waistcoat sold on its own is an "other garment" of 6211 (vests line), not a suit of 6203/6204 nor a sweater vest of 6110',
    'Chapter 62 note 3(a) (a waistcoat is part of a suit only when imported with the jacket and trousers); heading 6211 and its statistical lines for vests',
    all(
      t(
        'suit vest',
        'waistcoat',
        'waistcoats',
        'dress vest',
        'formal vest',
        'tuxedo vest',
        'wedding vest',
        'business vest',
      ),
      not(
        t(
          'jacket',
          'pants',
          'trousers',
          '3 piece',
          'three piece',
          '3pcs',
          'set',
          'knit',
          'knitted',
          'sweater',
          'puffer',
          'down',
          'padded',
          'tactical',
          'safety',
          'reflective',
          'fishing',
          'life',
          'dog',
          'pet',
          'doll',
          'leather',
        ),
      ),
    ),
    [
      { prefixes: ['62113', '62114', '62112'], boost: 1.0 },
      { prefixes: ['62113', '62114'], lineWords: ['vests'], boost: 0.5, within: true },
      { prefixes: ['62031', '62041', '6110', '62032', '62042'], boost: -1.0 },
    ],
    [
      ex('Men Suit Vest Formal Waistcoat Slim Fit Wedding Vest', true),
      ex('Men Suit 3 Piece Blazer Vest Pants', false),
    ],
  );

  rule(
    'martial-arts-uniforms',
    'Karate, judo, taekwondo, jiu-jitsu and kung fu uniforms (gi, dobok: jacket and trousers sold together) are ensembles of 6203/6204; of cotton they have their own line "Judo, karate and other oriental martial arts uniforms"',
    'Subheadings 6203.22/6204.22 and lines 6203.22.10/6204.22.10 (judo, karate and other oriental martial arts uniforms); chapter 62 note 3(b) (ensembles)',
    all(
      t(
        'karate',
        'judo',
        'taekwondo',
        'jiu jitsu',
        'jiujitsu',
        'bjj gi',
        'kung fu',
        'martial arts',
        'aikido',
        'kendo',
        'hapkido',
        'wushu',
      ),
      t('uniform', 'uniforms', 'gi', 'dobok', 'suit', 'clothes', 'clothing', 'kimono', 'set'),
      not(
        t(
          'belt',
          'belts',
          'gloves',
          'pads',
          'shoes',
          'bag',
          'toy',
          'doll',
          'keychain',
          'sticker',
          'dummy',
          'mat',
          'mats',
          'headgear',
          'shin',
          'book',
          'patch',
          'rash guard',
          'shorts',
        ),
      ),
    ),
    [
      { prefixes: ['62032', '62042'], boost: 0.8 },
      { prefixes: ['6203221000', '6204221000'], boost: 0.6, within: true },
      { prefixes: ['62031', '62041', '6211', '6208', '6207'], boost: -0.5 },
    ],
    [
      ex('Karate Uniform Kids Adult Cotton Karate Gi Suit White Belt Included', false),
      ex('Taekwondo Uniform Dobok Adult Kids Polyester Cotton', true),
      ex('Karate Belt Black Embroidered', false),
    ],
  );

  rule(
    'sportswear-category-not-footwear',
    'Garments and accessories listed under the marketplace’s top category "Sports Shoes, Clothing & Accessories" are not footwear merely because the category’s name says "Shoes": the footwear evidence the category path lends them is cancelled',
    'Chapter 64 covers footwear only (chapter 64 note 1); own reading of the marketplace category name (a fault of the footwear rule’s cat("Shoes") condition)',
    all(
      cat('Sports Shoes, Clothing & Accessories'),
      t(
        'pants',
        'trousers',
        'shorts',
        'jacket',
        'shirt',
        'jersey',
        'leggings',
        'bra',
        'tights',
        'vest',
        'hoodie',
        'sweatshirt',
        'tracksuit',
        'skirt',
        'dress',
        'gloves',
        'hat',
        'headband',
        'sweatband',
        'wristband',
        'bag',
        'backpack',
        'socks',
        'swimsuit',
        'bikini',
        'swimwear',
        'goggles',
        'brace',
      ),
      not(
        t(
          'sneaker',
          'sneakers',
          'boot',
          'boots',
          'sandal',
          'sandals',
          'slipper',
          'slippers',
          'cleats',
          'trainers',
          'spikes',
          'footwear',
          'shoelace',
          'shoelaces',
          'insole',
          'insoles',
          'running shoes',
          'basketball shoes',
          'hiking shoes',
          'soccer shoes',
          'football shoes',
          'golf shoes',
          'cycling shoes',
          'tennis shoes',
          'walking shoes',
          'skate shoes',
          'skateboarding shoes',
          'dance shoes',
          'water shoes',
          'climbing shoes',
          'casual shoes',
          'training shoes',
          'badminton shoes',
          'volleyball shoes',
        ),
      ),
    ),
    [{ prefixes: ['64'], boost: -0.8 }],
    [
      ex('Men Ski Pants Waterproof Snowboard Trousers Warm Windproof', true, {
        category: ['Sports Shoes, Clothing & Accessories', 'Skiing', 'Skiing Pants'],
      }),
      ex('Men Running Shoes Breathable Mesh Sneakers', false, {
        category: ['Sports Shoes, Clothing & Accessories', 'Sports Shoes', 'Running Shoes'],
      }),
    ],
  );
  rule(
    'ski-suits-snowsuits',
    'Ski suits and snowsuits (one-piece, or a ski jacket with ski trousers sold together) are ski-suits of 6211.20 (6112.20 if knitted), not jumpsuits or ensembles',
    'Chapter 62 subheading note 1 and chapter 61 subheading note 1 (ski suits: one-piece, or an anorak with trousers); subheadings 6211.20 and 6112.20',
    all(
      t(
        'ski suit',
        'ski suits',
        'snowsuit',
        'snow suit',
        'ski jumpsuit',
        'ski overall',
        'ski overalls',
        'snowboard suit',
        'ski set',
        'ski jacket and pants',
        'snowboard jacket and pants',
      ),
      not(t('doll', 'dog', 'pet', 'bag', 'sticker', 'baby snowsuit bunting')),
    ),
    [
      { prefixes: ['621120', '611220'], boost: 1.0 },
      { prefixes: ['62114', '62113', '6114', '62032', '62042', '6202', '6201'], boost: -0.5 },
    ],
    [
      ex('Ski Suit Women One Piece Snowboard Jumpsuit Waterproof', true),
      ex('Women Jumpsuit Summer Wide Leg', false),
    ],
  );
  rule(
    'ski-snowboard-pants',
    'Ski and snowboard pants sold alone are trousers of 6203/6204 (6103/6104 if knitted) on the "ski/snowboard pants" lines, not ski-suits, gaiters or footwear',
    'Headings 6203/6204 (trousers), lines 6203.43.75.10 / 6204.63.75.10 etc. (water resistant trousers: ski/snowboard pants); chapter 62 subheading note 1 (ski suits need the anorak too)',
    all(
      t(
        'ski pants',
        'snowboard pants',
        'ski trousers',
        'snowboard trousers',
        'snow pants',
        'ski bib',
        'snowboard bib',
        'snow bib',
      ),
      not(t('ski suit', 'ski set', 'jacket and pants', 'doll', 'dog', 'pet', 'sticker')),
    ),
    [
      { prefixes: ['6203', '6204'], boost: 0.6 },
      { prefixes: ['62034', '62046'], lineWords: ['ski/snowboard', 'snowboard'], boost: 0.5, within: true },
      { prefixes: ['6406', '64', '621120'], boost: -0.8 },
    ],
    [ex('Men Ski Pants Waterproof Snowboard Trousers Warm', true), ex('Ski Suit Women One Piece', false)],
  );
  rule(
    'baby-bottle-warmers-sterilizers',
    'Electric baby bottle warmers, milk warmers, baby food warmers and steam sterilizers are other electrothermic appliances of 8516.79, not space heaters or cooking appliances',
    'Subheading 8516.79 (other electrothermic appliances of a kind used for domestic purposes)',
    all(
      t(
        'bottle warmer',
        'milk warmer',
        'baby food warmer',
        'bottle sterilizer',
        'steam sterilizer',
        'milk heater',
        'formula warmer',
      ),
      not(t('bag', 'insulated bag', 'cooler', 'thermos', 'non-electric', 'cover', 'replacement')),
    ),
    [
      { prefixes: ['851679'], boost: 1.0 },
      { prefixes: ['851629', '851660', '851610', '8419', '8421'], boost: -0.5 },
    ],
    [
      ex('Baby Bottle Warmer Portable Milk Heater Fast Heating', true),
      ex('Insulated Bottle Warmer Bag Travel', false),
    ],
  );
  rule(
    'racket-grips-overgrips',
    'Overgrips and replacement grips for tennis, badminton, squash and padel rackets are parts and accessories of rackets of 9506.51/9506.59, not adhesive tape or footwear',
    'Subheadings 9506.51 (lawn-tennis rackets and parts and accessories) and 9506.59 (other rackets and parts and accessories)',
    all(
      t(
        'overgrip',
        'overgrips',
        'over grip',
        'racket grip',
        'racquet grip',
        'replacement grip',
        'grip tape',
        'tennis grip',
        'badminton grip',
      ),
      t('tennis', 'badminton', 'racket', 'racquet', 'squash', 'padel', 'pickleball'),
      not(t('skateboard', 'hockey', 'golf', 'baseball', 'bat', 'fishing', 'bike', 'handlebar', 'phone')),
    ),
    [
      { prefixes: ['95065'], boost: 0.9 },
      { prefixes: ['6404', '6402', '3919', '5806', '4008'], boost: -0.6 },
    ],
    [ex('Tennis Overgrip Racket Grip Tape Anti Slip 10PCS', true), ex('Skateboard Grip Tape Sheet', false)],
  );
  rule(
    'woodwind-brass-reeds-mouthpieces',
    'Reeds, mouthpieces and ligatures for saxophones, clarinets and brass instruments are parts and accessories of wind instruments of 9209.99.40, not instruments',
    'Subheading 9209.99 and line 9209.99.40 (parts and accessories for woodwind and brass-wind musical instruments)',
    all(
      t('reed', 'reeds', 'mouthpiece', 'mouthpieces', 'ligature'),
      t(
        'saxophone',
        'sax',
        'clarinet',
        'oboe',
        'bassoon',
        'trumpet',
        'trombone',
        'tuba',
        'cornet',
        'euphonium',
        'french horn',
      ),
      not(
        t('diffuser', 'reed diffuser', 'switch', 'harmonica', 'accordion', 'cigarette', 'hookah', 'snorkel'),
      ),
    ),
    [
      { prefixes: ['920999'], boost: 1.0 },
      { prefixes: ['9209994040'], boost: 0.3, within: true },
      { prefixes: ['9207', '9205', '920994', '920992'], boost: -0.8 },
    ],
    [ex('Saxophone Reeds Alto Sax Reed Strength 2.5 10PCS', true), ex('Reed Diffuser Sticks Rattan', false)],
  );

  rule(
    'safety-footwear-metal-toe-cap',
    'Steel-toe safety shoes and boots incorporate a protective metal toe-cap: the toe-cap subheading 6403.40 (leather uppers) or the toe-cap lines of 6401/6402',
    'Subheading 6403.40 (other footwear, incorporating a protective metal toe-cap) and the corresponding lines of 6401.10, 6402.91 and 6402.99',
    all(
      t('steel toe', 'steel-toe', 'steel toe cap', 'steel toecap', 'metal toe', 'steel head', 'steel cap'),
      any(t('shoes', 'shoe', 'boots', 'boot', 'sneakers', 'footwear'), cat('Shoes')),
      not(
        t(
          'composite toe',
          'toe cap only',
          'toe caps',
          'protector only',
          'cover',
          'covers',
          'insole',
          'keychain',
        ),
      ),
    ),
    [
      { prefixes: ['640340', '640110', '6402910500', '6402911000', '6402990400', '6402990800'], boost: 1.2 },
      { prefixes: ['640399', '640391', '640299', '640291', '640419', '640411'], boost: -0.5 },
    ],
    [
      ex('Steel Toe Work Shoes Men Safety Shoes Leather Anti Smash', true),
      ex('Composite Toe Safety Shoes Lightweight', false),
    ],
  );

  rule(
    'cardigans-sweater-coats',
    'Cardigans, sweater coats and knit jackets (open-front knitted garments) are sweaters and similar articles of 6110, not coats of 6102 nor dresses',
    'Heading 6110 (jerseys, pullovers, cardigans, waistcoats and similar articles, knitted); HS explanatory note to 61.10',
    all(
      t(
        'cardigan',
        'cardigans',
        'sweater coat',
        'knit coat',
        'knitted coat',
        'sweater jacket',
        'knit jacket',
        'knitted jacket',
        'duster cardigan',
      ),
      not(
        t(
          'fabric',
          'pattern',
          'doll',
          'dog',
          'pet',
          'yarn',
          'sewing',
          'dress set',
          'two piece',
          '2 piece',
          'set',
          'fleece',
          'sherpa',
          'faux fur',
          'denim',
          'leather',
          'woven',
        ),
      ),
      NOT_PET_DOLL,
    ),
    [
      { prefixes: ['6110'], boost: 0.7 },
      { prefixes: ['6101', '6102', '6104', '6201', '6202', '6106'], boost: -0.3 },
    ],
    [
      ex('Women Long Cardigan Coat Knitted Open Front Sweater Coat', true),
      ex('Women Sherpa Fleece Jacket', false),
    ],
  );
  rule(
    'fibre-linen-flax',
    'A garment or textile article stated to be of linen, flax or ramie is of vegetable fibres other than cotton: the "of other textile materials" subheadings (or flax lines), not those of synthetic fibres',
    'Section XI subheading note 2 and the chapter 61-63 subheadings by fibre (flax and ramie fall under "other textile materials"); own reading',
    all(
      MAT('linen', 'flax', 'ramie'),
      not(MAT('cotton', 'polyester', 'nylon', 'viscose', 'rayon', 'acrylic', 'spandex', 'wool', 'silk')),
    ),
    [
      {
        prefixes: ['61', '62', '63'],
        lineWords: ['other textile materials', 'flax', 'vegetable fibers'],
        boost: 0.35,
      },
      {
        prefixes: ['61', '62', '63'],
        lineWords: ['synthetic fibers', 'man-made fibers', 'artificial fibers'],
        boost: -0.25,
      },
    ],
    [
      ex('Women Linen Pants Wide Leg Trousers Summer', true, { attributes: { Material: 'Linen' } }),
      ex('Linen Look Polyester Pants', false, { attributes: { Material: 'Polyester' } }),
    ],
  );

  rule(
    'billiards-articles',
    'Billiard and pool cues, balls, tables, chalk, tips and racks are articles and accessories for billiards of 9504.20',
    'Subheading 9504.20 (articles and accessories for billiards of all kinds)',
    all(
      t(
        'billiard',
        'billiards',
        'pool cue',
        'cue stick',
        'snooker',
        'pool table',
        'cue chalk',
        'cue tip',
        'cue tips',
        'billiard balls',
        'pool balls',
        'ball rack',
      ),
      not(
        t(
          'keychain',
          'pendant',
          'sticker',
          'lamp',
          'light',
          'game machine',
          'video game',
          'swimming',
          'pool float',
          'pool cleaner',
        ),
      ),
    ),
    [
      { prefixes: ['950420'], boost: 1.2 },
      { prefixes: ['9506', '1702', '4421', '3926'], boost: -0.5 },
    ],
    [ex('Billiard Cue Stick Pool Cue 58 Inch Maple', true), ex('Pool Cleaner Vacuum Swimming Pool', false)],
  );
  rule(
    'table-games-chips-dice-mahjong',
    'Poker and casino chips, mahjong sets, dominoes and gaming dice sets are table or parlour games of 9504.90',
    'Subheading 9504.90 (other table or parlour games)',
    all(
      t(
        'poker chips',
        'casino chips',
        'poker chip',
        'mahjong',
        'mah jong',
        'dominoes',
        'domino set',
        'dice set',
        'polyhedral dice',
        'dnd dice',
        'rpg dice',
        'poker set',
      ),
      not(
        t(
          'keychain',
          'pendant',
          'earring',
          'necklace',
          'sticker',
          'mold',
          'mould',
          'storage box only',
          'video game',
        ),
      ),
    ),
    [
      { prefixes: ['950490'], boost: 1.0 },
      { prefixes: ['4401', '3926', '4421', '7117'], boost: -0.5 },
    ],
    [ex('Poker Chips Set 100PCS Casino Clay Chips', true), ex('Dice Earrings Resin Pendant', false)],
  );
  rule(
    'balance-bikes-ride-on-toys',
    'Balance bikes, children’s tricycles, ride-on cars and pedal cars are wheeled toys of 9503, not bicycles or bicycle parts',
    'Heading 9503 (tricycles, scooters, pedal cars and similar wheeled toys); own reading that a pedal-less balance bike is such a wheeled toy',
    all(
      t(
        'balance bike',
        'balance bicycle',
        'no pedal bike',
        'no pedal bicycle',
        'push bike',
        'toddler bike',
        'ride on toy',
        'ride-on toy',
        'ride on car',
        'kids ride on',
        'pedal car',
        'kids tricycle',
        'toddler tricycle',
        'baby tricycle',
        'baby walker bike',
      ),
      not(
        t(
          'parts',
          'seat only',
          'tire',
          'tyre',
          'wheel only',
          'handle',
          'grips',
          'sticker',
          'cover',
          'bag',
          'battery',
          'charger',
          'remote control replacement',
          'motor',
        ),
      ),
    ),
    [
      { prefixes: ['9503'], boost: 1.0 },
      { prefixes: ['8714', '8712', '8711'], boost: -0.7 },
    ],
    [
      ex('Balance Bike Kids No Pedal Toddler Walking Bicycle 12 Inch', true),
      ex('Bike Tire 12 Inch Balance Bike Tyre', false),
    ],
  );
  rule(
    'fitness-hoops-trampolines-steppers',
    'Weighted and fitness hula hoops, fitness trampolines and rebounders, aerobic steppers and balance boards are articles for general physical exercise of 9506.91',
    'Subheading 9506.91 (articles and equipment for general physical exercise, gymnastics or athletics)',
    all(
      t(
        'weighted hula hoop',
        'fitness hula hoop',
        'smart hula hoop',
        'fitness hoop',
        'mini trampoline',
        'fitness trampoline',
        'rebounder',
        'aerobic step',
        'balance board',
        'wobble board',
        'yoga wheel',
        'yoga block',
        'yoga blocks',
        'yoga strap',
      ),
      not(t('keychain', 'sticker', 'cover', 'replacement spring', 'springs only', 'bag')),
    ),
    [
      { prefixes: ['950691'], boost: 1.2 },
      { prefixes: ['9506910030'], boost: 0.3, within: true },
      { prefixes: ['3903', '3926', '9503', '4016', '4416'], boost: -0.8 },
    ],
    [
      ex('Hula Hoop Weighted Fitness Smart Hula Hoop Detachable', true),
      ex('Kids Plastic Hoop Toy Rings', false),
    ],
  );
  rule(
    'tent-stakes-pegs',
    'Tent stakes and pegs are other articles of their metal: aluminium (7616.99) or iron and steel (7326.90), not wire netting or fasteners',
    'Headings 7616 and 7326 (other articles of aluminium, of iron or steel); the material attribute decides between them',
    t(
      'tent stakes',
      'tent stake',
      'tent pegs',
      'tent peg',
      'ground stakes',
      'camping pegs',
      'camping stakes',
      'tarp stakes',
    ),
    [
      { prefixes: ['761699', '732690'], boost: 0.8 },
      { prefixes: ['761691', '8308', '7318', '6306'], boost: -0.5 },
    ],
    [
      ex('Tent Stakes Aluminum Alloy Camping Pegs 10PCS', true),
      ex('Camping Tent 2 Person Waterproof', false),
    ],
  );
  rule(
    'camping-air-mats-textile',
    'Inflatable sleeping pads and camping air mats of nylon or polyester fabric (TPU-laminated) are pneumatic mattresses of textile of 6306.40, not articles of plastics',
    'Subheading 6306.40 (pneumatic mattresses, of textile materials); chapter 59 note 2 and section XI: textile fabric laminated with plastics stays textile when the fabric is visible (own reading)',
    all(
      t(
        'sleeping pad',
        'air mat',
        'camping mattress',
        'camping pad',
        'inflatable mattress',
        'air mattress',
        'inflatable sleeping mat',
        'camping mat',
      ),
      MAT('nylon', 'polyester', 'oxford', 'fabric', 'nylon tpu', '20d', '40d', 'ripstop'),
      not(MAT('pvc', 'rubber', 'foam', 'eva', 'xpe')),
      not(t('pump only', 'repair', 'patch', 'pool', 'float', 'sheet', 'cover')),
    ),
    [
      { prefixes: ['630640'], boost: 0.8 },
      { prefixes: ['392690', '401695', '9404'], boost: -0.5 },
    ],
    [
      ex('Sleeping Pad Inflatable Camping Mattress Ultralight Air Mat', true, {
        attributes: { Material: 'Nylon TPU' },
      }),
      ex('PVC Air Mattress Double Inflatable Bed', false, { attributes: { Material: 'PVC' } }),
    ],
  );

  rule(
    'costumes-garments-not-wigs-festive',
    'Costumes and cosplay outfits of textile (dresses, jumpsuits, uniforms, onesies) are garments of chapters 61/62, not wigs of 6704 nor festive articles of 9505',
    'Chapter 95 note 1(e) (sports clothing or fancy dress, of textiles, of chapter 61 or 62, is excluded from chapter 95); heading 6704 covers wigs only',
    all(
      t(
        'costume',
        'costumes',
        'cosplay costume',
        'cosplay outfit',
        'cosplay uniform',
        'fancy dress',
        'cosplay dress',
        'cosplay suit',
      ),
      not(
        t(
          'wig',
          'wigs',
          'mask',
          'masks',
          'prop',
          'props',
          'shoes',
          'boots',
          'hat',
          'headband',
          'ears',
          'tail',
          'sword',
          'weapon',
          'contact lenses',
          'makeup',
          'pet',
          'dog',
          'cat costume',
          'doll',
          'inflatable',
          'jewelry',
          'necklace',
          'cape only',
          'gloves',
          'accessories set',
        ),
      ),
    ),
    [{ prefixes: ['6704', '9505'], boost: -0.8 }],
    [
      ex('Anime Cosplay Costume Demon Slayer Kimono Uniform Full Set', true),
      ex('Anime Cosplay Wig Long Silver Heat Resistant', false),
    ],
  );

  rule(
    'costumes-not-babies-garments',
    'Costumes for children and adults that do not say they are for babies are not babies’ garments of 6111/6209',
    'Chapter 61 note 6(a) and chapter 62 note 4(a) (babies’ garments: for young children of a body height not exceeding 86 cm); own reading that a costume for "kids" or adults names no baby size',
    all(
      t('costume', 'costumes', 'cosplay', 'fancy dress'),
      not(
        t(
          'baby',
          'babies',
          'infant',
          'infants',
          'newborn',
          'toddler',
          'months',
          '0-3m',
          '3-6m',
          '6-12m',
          '12-18m',
          'dog',
          'pet',
          'doll',
        ),
      ),
    ),
    [{ prefixes: ['6111', '6209'], boost: -0.6 }],
    [
      ex('Kids Spiderman Costume Jumpsuit Boys Superhero Cosplay', true),
      ex('Baby Pumpkin Costume Infant Halloween Romper 0-12 Months', false),
    ],
  );
}
