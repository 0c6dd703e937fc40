import type { SeededRandom } from './seeded-random.ts';

/**
 * Phone numbers as people type them into a form: national or international, spaced, dashed or run
 * together. Templates are national significant numbers where X is any digit, N is 2–9 and [1-5] one
 * of the listed digits; spaces mark how the country groups the digits. The ranges are the ones the
 * full libphonenumber metadata (which the capture pipeline uses) accepts as assigned.
 */
interface PhonePlan {
  callingCode: string;
  /** Whether people there dial abroad with 00 (not in Australia, Brazil, Singapore or Japan). */
  dialsOutWith00: boolean;
  /** What a national number starts with when dialled at home ("0" in most of Europe). */
  trunkPrefix: string;
  templates: readonly string[];
}

const northAmericanAreaCodes: Record<string, readonly string[]> = {
  US: ['212', '646', '415', '650', '408', '312', '617', '206', '512', '303', '404', '305', '702', '713', '214', '619', '503', '612', '704', '215', '202', '480', '615', '919'],
  CA: ['416', '647', '604', '514', '403', '613', '780', '905', '587', '778'],
};

const phonePlans: Record<string, PhonePlan> = {
  GB: { dialsOutWith00: true, callingCode: '44', trunkPrefix: '0', templates: ['74XX XXXXXX', '75XX XXXXXX', '78XX XXXXXX', '20 7XXX XXXX', '20 8XXX XXXX', '161 2XX XXXX', '161 8XX XXXX', '131 2XX XXXX', '131 4XX XXXX'] },
  DE: { dialsOutWith00: true, callingCode: '49', trunkPrefix: '0', templates: ['151 XXXXXXXX', '160 XXXXXXX', '170 XXXXXXX', '171 XXXXXXX', '176 XXXXXXXX', '30 NXXXXXXX', '89 NXXXXXXX', '40 NXXXXXXX', '69 NXXXXXXX'] },
  FR: { dialsOutWith00: true, callingCode: '33', trunkPrefix: '0', templates: ['6 1X XX XX XX', '6 2X XX XX XX', '6 4X XX XX XX', '6 5X XX XX XX', '6 7X XX XX XX', '6 8X XX XX XX', '7 5X XX XX XX', '1 4X XX XX XX', '4 7X XX XX XX'] },
  NL: { dialsOutWith00: true, callingCode: '31', trunkPrefix: '0', templates: ['6 1XXXXXXX', '6 2XXXXXXX', '6 3XXXXXXX', '6 4XXXXXXX', '6 5XXXXXXX', '20 NXX XXXX', '10 NXX XXXX'] },
  AU: { dialsOutWith00: false, callingCode: '61', trunkPrefix: '0', templates: ['40X XXX XXX', '41X XXX XXX', '42X XXX XXX', '43X XXX XXX', '2 9XXX XXXX', '3 9XXX XXXX'] },
  SE: { dialsOutWith00: true, callingCode: '46', trunkPrefix: '0', templates: ['70 XXX XX XX', '72 XXX XX XX', '73 XXX XX XX', '8 NXX XXX XX'] },
  IN: { dialsOutWith00: true, callingCode: '91', trunkPrefix: '0', templates: ['9XXXX XXXXX', '8XXXX XXXXX', '7XXXX XXXXX'] },
  BR: { dialsOutWith00: false, callingCode: '55', trunkPrefix: '', templates: ['11 9XXXX XXXX', '21 9XXXX XXXX', '31 9XXXX XXXX', '41 9XXXX XXXX', '51 9XXXX XXXX'] },
  ES: { dialsOutWith00: true, callingCode: '34', trunkPrefix: '', templates: ['6XX XXX XXX', '91X XXX XXX', '93X XXX XXX'] },
  IE: { dialsOutWith00: true, callingCode: '353', trunkPrefix: '0', templates: ['83 XXX XXXX', '85 XXX XXXX', '86 XXX XXXX', '87 XXX XXXX', '1 NXX XXXX'] },
  CH: { dialsOutWith00: true, callingCode: '41', trunkPrefix: '0', templates: ['76 XXX XX XX', '78 XXX XX XX', '79 XXX XX XX', '44 NXX XX XX'] },
  JP: { dialsOutWith00: false, callingCode: '81', trunkPrefix: '0', templates: ['90 NXXX XXXX', '80 NXXX XXXX', '3 NXXX XXXX'] },
  SG: { dialsOutWith00: false, callingCode: '65', trunkPrefix: '', templates: ['9[0-8]XX XXXX', '8[1-9]XX XXXX', '6[1-5]XX XXXX'] },
  IT: { dialsOutWith00: true, callingCode: '39', trunkPrefix: '', templates: ['32X XXX XXXX', '33X XXX XXXX', '34X XXX XXXX', '02 NXXX XXXX'] },
  DK: { dialsOutWith00: true, callingCode: '45', trunkPrefix: '', templates: ['26 XX XX XX', '27 XX XX XX', '28 XX XX XX', '96 XX XX XX'] },
  NO: { dialsOutWith00: true, callingCode: '47', trunkPrefix: '', templates: ['4[018]X XX XXX', '9XX XX XXX'] },
  PL: { dialsOutWith00: true, callingCode: '48', trunkPrefix: '', templates: ['50X XXX XXX', '51X XXX XXX', '60X XXX XXX', '66X XXX XXX', '69X XXX XXX', '72X XXX XXX', '79X XXX XXX', '88X XXX XXX'] },
  MX: { dialsOutWith00: true, callingCode: '52', trunkPrefix: '', templates: ['55 NXXX XXXX', '33 NXXX XXXX', '81 NXXX XXXX'] },
  BE: { dialsOutWith00: true, callingCode: '32', trunkPrefix: '0', templates: ['47X XX XX XX', '48X XX XX XX', '49X XX XX XX', '2 [2-8]XX XX XX'] },
};

/**
 * Numbers no telephone network could reach, in any of the demo's countries ("12345" is a valid
 * German extension, so it is not here); the pipeline should flag them as invalid.
 */
export const impossiblePhones: readonly string[] = ['0000000000', '123', '+1 000 000 0000', '0123', '000-000-0000', '(000) 000-0000', '0000', '+44 0000 000000'];

/** Fills a template: X any digit, N 2–9, [015-8] one digit of the listed ones and ranges. */
function fillDigits(template: string, random: SeededRandom): string {
  return template.replace(/X|N|\[([0-9-]+)\]/g, (token: string, choices: string | undefined) => {
    if (token === 'X') return String(random.int(0, 9));
    if (token === 'N') return String(random.int(2, 9));
    return random.pick(digitChoices(choices ?? '0'));
  });
}

function digitChoices(choices: string): string[] {
  const digits: string[] = [];
  for (let index = 0; index < choices.length; index += 1) {
    const digit = choices.charAt(index);
    if (choices.charAt(index + 1) === '-') {
      for (let value = Number(digit); value <= Number(choices.charAt(index + 2)); value += 1) digits.push(String(value));
      index += 2;
    } else {
      digits.push(digit);
    }
  }
  return digits;
}

function northAmericanPhone(countryCode: 'US' | 'CA', random: SeededRandom, national: boolean): string {
  const areaCode = random.pick(northAmericanAreaCodes[countryCode] ?? []);
  let exchange = fillDigits('NXX', random);
  if (exchange === '555' || exchange.endsWith('11')) exchange = '734';
  const line = fillDigits('XXXX', random);
  if (!national) {
    return random.weighted([
      [`+1 ${areaCode} ${exchange} ${line}`, 4],
      [`+1 (${areaCode}) ${exchange}-${line}`, 2],
      [`+1-${areaCode}-${exchange}-${line}`, 2],
      [`+1${areaCode}${exchange}${line}`, 1],
    ]);
  }
  return random.weighted([
    [`(${areaCode}) ${exchange}-${line}`, 5],
    [`${areaCode}-${exchange}-${line}`, 4],
    [`${areaCode}.${exchange}.${line}`, 1],
    [`${areaCode}${exchange}${line}`, 2],
    [`${areaCode} ${exchange} ${line}`, 2],
    [`1 (${areaCode}) ${exchange}-${line}`, 1],
    [`+1 ${areaCode} ${exchange} ${line}`, 3],
  ]);
}

/**
 * A valid phone number for someone in the country, written the way a person might. `national`
 * allows the national forms (only safe when the lead also names its country, otherwise the number
 * could not be read); without it the number always starts with + and the country code.
 */
export function typedPhoneNumber(countryCode: string, random: SeededRandom, national: boolean): string {
  if (countryCode === 'US' || countryCode === 'CA') return northAmericanPhone(countryCode, random, national);
  const plan = phonePlans[countryCode];
  if (plan === undefined) throw new Error(`no phone plan for ${countryCode}`);
  const grouped = fillDigits(random.pick(plan.templates), random);
  const compact = grouped.replace(/ /g, '');
  const groups = grouped.split(' ');
  const international: readonly (readonly [string, number])[] = [
    [`+${plan.callingCode} ${grouped}`, 6],
    [`+${plan.callingCode}${compact}`, 2],
    ...(plan.trunkPrefix === '' ? [] : ([[`+${plan.callingCode} (${plan.trunkPrefix})${grouped}`, 1]] as const)),
  ];
  if (!national) return random.weighted(international);
  const trunk = plan.trunkPrefix;
  return random.weighted([
    ...international,
    // Dialling out with 00 only reads right to someone who knows where the caller lives.
    ...(plan.dialsOutWith00 ? ([[`00${plan.callingCode} ${grouped}`, 1]] as const) : []),
    [`${trunk}${grouped}`, 8],
    [`${trunk}${compact}`, 3],
    [`${trunk}${groups[0] ?? ''}-${groups.slice(1).join(' ')}`, 2],
    [`${trunk}${groups[0] ?? ''}/${groups.slice(1).join('')}`, 1],
  ]);
}
