import { describe, expect, it } from 'vitest';
import { isKeyboardMash, isTestName } from './name-signals.ts';

// Real names from many cultures, short and long, that neither check may flag.
const realNames = [
  'Ng', 'Li', 'Wu', 'Xu', 'Yu', 'Ee', 'Ooi', 'Lee', 'Bo', 'Al', 'Jo', 'Ed', 'Na', 'Nan', 'Nil', 'Bar', 'Foo',
  'Szczepański', 'Brzęczyszczykiewicz', 'Przybylski', 'Chrzczonowicz', 'Grzegorz', 'Wojciechowski', 'Krzysztof', 'Strzelczyk',
  'Nguyen', 'Huynh', 'Phuong', 'Trinh', 'Björk', 'Sjöberg', 'Åsa', 'Øystein', 'Ljubljana', 'Dvořák', 'Vlček', 'Smrž',
  'Llwyd', 'Gwyn', 'Rhys', 'Dafydd', 'Cerys', "O'Brien", "D'Angelo", 'Jean-Luc', 'Anne-Marie', 'Mary Ellen', 'Van der Berg',
  'Schwarzschild', 'Hirschsprung', 'Knightsbridge', 'Schmidt', 'Wertheimer', 'Ewert', 'Doherty', 'Dougherty',
  'Mkrtchyan', 'Tchaikovsky', 'Nkechi', 'Ngozi', 'Nnamdi', 'Oluwaseun', 'Mbappé', 'Tshabalala', 'Mkhize', 'Qwabe',
  'Kwame', 'Rakotomalala', 'Kealoha', 'Aaliyah', 'Aaron', 'Lulu', 'Mimi', 'Coco', 'Nana', 'Bebe', 'Yui', 'Yuuki',
  'Srinivasan', 'Chakrabarty', 'Venkataraman', 'Siddharth', 'Mohammed', 'Abdulrahman', 'Al-Khwarizmi', 'Eun-ji',
  'Dijkstra', 'Rijkaard', 'Hijkoop', 'Stuart', 'Christopher', 'Angstrom', 'Hernández', 'Łukasz', 'Żaneta', 'Ştefan',
  'Иван', 'Щербаков', 'Чжан', 'Ярослав', '王', '李', '小林', '김', '이', 'محمد', 'דוד', 'Γιώργος', 'ธนาธร', 'राहुल',
];

const mashes = [
  'asdf', 'Asdfgh', 'qwerty', 'qwert', 'QWER', 'sdfsdf', 'jkjkjk', 'aaaaaa', 'aaa', 'xcvb', 'zxcvbnm', 'sdfghjkl', 'hjkl',
  'lkjh', 'fdsa', 'poiuy', 'mnbvc', 'bcdfg', 'xzkqtrm', 'vbnm', 'asd', 'dfg', 'jkl', 'zxc', 'hahaha', 'abcabcabc',
  'ghghgh', 'abcd', 'wxyz', 'azerty', 'yxcv', 'Jean Sdfsdf', 'ааааа', 'ккккк', 'zzzz', 'prtksmn',
];

const testEntries: [string | null, string | null, string?][] = [
  ['Test', 'Test'],
  ['test', 'Lead'],
  ['Jane', 'Testing'],
  ['Tester', 'Foo'],
  ['Bar', null],
  ['Tester', null],
  ['asdf', 'Smith'],
  ['Foo', 'Bar'],
  ['foo', null],
  ['John', 'Doe'],
  ['JANE', 'DOE'],
  ['Mickey', 'Mouse'],
  ['Donald', 'Duck'],
  ['xxx', 'Smith'],
  ['N/A', 'N/A'],
  ['Mary', 'n/a'],
  ['None', 'None'],
  ['abc', 'Jones'],
  ['Test123', 'Smith'],
  ['test user', null],
  ['Max', 'Mustermann'],
  ['Firstname', 'Lastname'],
  ['Lorem', 'Ipsum'],
  ['dummy', 'lead'],
  ['Anna', 'Schmidt', 'test@acme.com'],
  ['Anna', 'Schmidt', 'test123@acme.com'],
  ['Anna', 'Schmidt', 'Test.1+x@acme.com'],
  ['Anna', 'Schmidt', 'asdf@acme.com'],
  ['Anna', 'Schmidt', 'anna@example.com'],
  ['Anna', 'Schmidt', 'anna@shop.test'],
  ['  joHN  ', '  doe ', undefined],
  ['unknown', null],
  ['null', 'null'],
];

describe('isKeyboardMash', () => {
  it('flags typed-at-random names', () => {
    for (const mash of mashes) expect(isKeyboardMash(mash), mash).toBe(true);
  });

  it('never flags real names from many cultures', () => {
    expect(realNames.length).toBeGreaterThanOrEqual(60);
    for (const name of realNames) expect(isKeyboardMash(name), name).toBe(false);
  });

  it('is false for empty text', () => {
    expect(isKeyboardMash('')).toBe(false);
    expect(isKeyboardMash(' - ')).toBe(false);
  });
});

describe('isTestName', () => {
  it('flags test and placeholder entries', () => {
    expect(mashes.length + testEntries.length).toBeGreaterThanOrEqual(30);
    for (const [first, last, email] of testEntries) {
      expect(isTestName(first, last, email), `${first} ${last} ${email ?? ''}`).toBe(true);
    }
  });

  it('never flags real names, alone or with a real address', () => {
    for (const name of realNames) {
      expect(isTestName(name, 'Smith'), name).toBe(false);
      expect(isTestName('Anna', name, 'anna.smith@acme.com'), name).toBe(false);
    }
    expect(isTestName('Jon', 'Tester', 'jon@senate.gov')).toBe(false);
    expect(isKeyboardMash('Tester')).toBe(false);
    expect(isTestName('Bar', 'Refaeli')).toBe(false);
    expect(isTestName('Foo', 'Swee Chin')).toBe(false);
    expect(isTestName('Swee Chin', 'Foo')).toBe(false);
    expect(isTestName('Li', 'Na')).toBe(false);
    expect(isTestName('John', 'Smith', 'john@testing-labs.com')).toBe(false);
    expect(isTestName('Ana', 'Testa', 'ana.testa@acme.it')).toBe(false);
    expect(isTestName(null, null)).toBe(false);
    expect(isTestName(null, null, 'contest@acme.com')).toBe(false);
  });
});
