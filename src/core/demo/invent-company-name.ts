import type { DemoIndustry } from './demo-industries.ts';
import { nameForEmail } from './demo-person-names.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * Invented company names from word lists ("Cedarloom Analytics", "Harbor Point Logistics",
 * "City of Ashbury"), never a real famous brand. The domain stem is what the company would register.
 */
const namePrefixes = [
  'Blue', 'Bright', 'Cedar', 'Copper', 'Crest', 'Ember', 'Fern', 'Granite', 'Harbor', 'Hollow', 'Iron', 'Juniper', 'Kestrel',
  'Lark', 'Maple', 'Marble', 'Meadow', 'North', 'Oak', 'Orchard', 'Pine', 'Quarry', 'Raven', 'River', 'Sable', 'Sage',
  'Silver', 'Slate', 'Spruce', 'Summit', 'Thistle', 'Timber', 'True', 'Willow', 'Wren', 'Amber', 'Alder', 'Aspen', 'Birch',
  'Clover', 'Cobalt', 'Falcon', 'Flint', 'Glacier', 'Heron', 'Indigo', 'Lumen', 'Lantern', 'Moss', 'Nimbus', 'Onyx',
  'Pebble', 'Quill', 'Rowan', 'Saffron', 'Tidal', 'Umber', 'Vesper', 'Westward', 'Yarrow', 'Zephyr', 'Basalt', 'Coral',
];
const nameRoots = [
  'field', 'stone', 'wave', 'path', 'loom', 'bridge', 'gate', 'point', 'light', 'line', 'forge', 'mark', 'wright', 'haven',
  'brook', 'peak', 'shore', 'wood', 'well', 'spring', 'leaf', 'bay', 'port', 'way', 'core', 'grid', 'sight', 'flow', 'cast',
  'stack', 'scale', 'mint', 'fold', 'vane', 'keel', 'beam',
];
const placeStarts = ['Ash', 'Brook', 'Clay', 'Elm', 'Fair', 'Glen', 'Hazel', 'Holly', 'Kings', 'Lake', 'Mill', 'New', 'Red', 'Rose', 'Sandy', 'Stan', 'West', 'Wood', 'Marl', 'Thorn', 'Cold', 'Deer'];
const placeEnds = ['ford', 'field', 'ton', 'ville', 'bury', 'dale', 'haven', 'mont', 'port', 'wick', 'ridge', 'brook', 'more', 'stead'];
const surnames = ['Whitfield', 'Halvorsen', 'Brennan', 'Okafor', 'Lindqvist', 'Castellano', 'Moreau', 'Vance', 'Kessler', 'Ashcroft', 'Delgado', 'Prescott', 'Nakamura', 'Fairbanks', 'Oduya', 'Rahman', 'Sterling', 'Holloway', 'Marchetti', 'Weber', 'Bramwell', 'Quinlan'];

/** Names that must never come out, however the words combine. */
export const famousBrandWords: readonly string[] = [
  'google', 'apple', 'amazon', 'microsoft', 'oracle', 'salesforce', 'facebook', 'netflix', 'tesla', 'nike', 'adobe', 'ibm',
  'intel', 'cisco', 'siemens', 'bosch', 'nvidia', 'paypal', 'spotify', 'hubspot', 'stripe', 'shopify', 'samsung', 'sony',
  'uber', 'airbnb', 'twitter', 'linkedin', 'zoom', 'slack', 'dell', 'visa', 'mastercard', 'walmart', 'disney',
];

export interface InventedCompany {
  name: string;
  /** Lower-case letters only, before the top-level domain. */
  domainStem: string;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function fusedWord(random: SeededRandom): string {
  return random.pick(namePrefixes) + random.pick(nameRoots);
}

function placeName(random: SeededRandom): string {
  return random.pick(placeStarts) + random.pick(placeEnds);
}

function stem(text: string): string {
  return nameForEmail(text);
}

function inventPublicBody(random: SeededRandom, industry: DemoIndustry): InventedCompany {
  const place = placeName(random);
  if (industry.label === 'Government') {
    const name = random.weighted([
      [`City of ${place}`, 3],
      [`${place} County`, 3],
      [`${place} Transit Authority`, 1],
      [`${place} Water Authority`, 1],
    ]);
    return { name, domainStem: stem(name.replace(/ Authority$/, '')) };
  }
  if (industry.label === 'Education') {
    const name = random.weighted([
      [`${place} University`, 2],
      [`${place} College`, 2],
      [`${capitalize(fusedWord(random))} Academy`, 1],
      [`${place} School District`, 1],
    ]);
    return { name, domainStem: stem(name.replace(/ (University|College|School District|Academy)$/, '')) };
  }
  const word = random.pick(industry.nameWords);
  const core = random.chance(0.5) ? fusedWord(random) : `${random.pick(namePrefixes)} ${capitalize(random.pick(nameRoots))}`;
  const name = random.chance(0.3) ? `The ${core} ${word}` : `${core} ${word}`;
  return { name, domainStem: stem(core) + (random.chance(0.5) ? stem(word) : '') };
}

/** Invents one company name of the industry. Names may repeat across calls; the caller keeps them unique. */
export function inventCompanyName(random: SeededRandom, industry: DemoIndustry): InventedCompany {
  if (['Government', 'Education', 'Non-profit'].includes(industry.label)) return inventPublicBody(random, industry);
  const word = random.pick(industry.nameWords);
  const shape = random.weighted([
    ['fused_with_word', 45],
    ['fused', 20],
    ['two_words', 20],
    ['surname', industry.label === 'Professional Services' || industry.label === 'Financial Services' ? 30 : 8],
  ] as const);
  switch (shape) {
    case 'fused_with_word': {
      const core = fusedWord(random);
      return { name: `${core} ${word}`, domainStem: stem(core) + (random.chance(0.3) ? stem(word) : '') };
    }
    case 'fused': {
      const core = fusedWord(random);
      return { name: core, domainStem: stem(core) };
    }
    case 'two_words': {
      const core = `${random.pick(namePrefixes)} ${capitalize(random.pick(nameRoots))}`;
      return { name: `${core} ${word}`, domainStem: stem(core) + (random.chance(0.4) ? stem(word) : '') };
    }
    case 'surname': {
      const first = random.pick(surnames);
      let second = random.pick(surnames);
      if (second === first) second = 'Quinlan' === first ? 'Vance' : 'Quinlan';
      const name = random.chance(0.5) ? `${first} & ${second}` : `${first} ${word}`;
      return { name, domainStem: random.chance(0.5) ? stem(first) + stem(second).slice(0, 1) + 'co' : stem(name) };
    }
  }
}

/** Whether a name or domain contains a famous brand's word. */
export function mentionsFamousBrand(text: string): boolean {
  const folded = text.toLowerCase();
  return famousBrandWords.some((brand) => folded.includes(brand));
}
