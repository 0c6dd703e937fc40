import type { SeededRandom } from './seeded-random.ts';

/**
 * First and last names by culture, so the demo's people look like the mix a real organisation sees
 * (accents and all — the pipeline must keep them intact).
 */
export const nameCultures = [
  'anglo',
  'hispanic',
  'portuguese',
  'german',
  'french',
  'dutch',
  'nordic',
  'italian',
  'slavic',
  'turkish',
  'arabic',
  'indian',
  'chinese',
  'japanese',
  'korean',
  'vietnamese',
  'west_african',
] as const;
export type NameCulture = (typeof nameCultures)[number];

export const firstNamesByCulture: Record<NameCulture, readonly string[]> = {
  anglo: ['James', 'Emily', 'Michael', 'Sarah', 'David', 'Jessica', 'Daniel', 'Ashley', 'Matthew', 'Lauren', 'Ryan', 'Megan', 'Chris', 'Hannah', 'Tyler', 'Olivia', 'Liam', 'Charlotte', 'Jack', 'Grace', 'Siobhan', 'Connor', 'Aoife', 'Brendan'],
  hispanic: ['José', 'María', 'Carlos', 'Lucía', 'Javier', 'Sofía', 'Alejandro', 'Valentina', 'Diego', 'Camila', 'Miguel', 'Isabela', 'Andrés', 'Daniela', 'Fernando', 'Ximena'],
  portuguese: ['João', 'Ana', 'Pedro', 'Beatriz', 'Rafael', 'Larissa', 'Gustavo', 'Mariana', 'Thiago', 'Fernanda', 'Bruno', 'Juliana', 'Luíz', 'Gabriela'],
  german: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Sophie', 'Maximilian', 'Leonie', 'Tobias', 'Katharina', 'Jürgen', 'Ute', 'Matthias', 'Franziska', 'Stefan', 'Jörg'],
  french: ['Louis', 'Camille', 'Hugo', 'Chloé', 'Antoine', 'Manon', 'Théo', 'Léa', 'Julien', 'Élodie', 'Mathieu', 'Amélie', 'Nicolas', 'Céline', 'François', 'Margaux'],
  dutch: ['Daan', 'Sanne', 'Bram', 'Fleur', 'Sem', 'Lotte', 'Thijs', 'Femke', 'Jeroen', 'Anouk', 'Joost', 'Maaike', 'Pieter', 'Eline'],
  nordic: ['Erik', 'Astrid', 'Lars', 'Ingrid', 'Magnus', 'Freja', 'Oskar', 'Maja', 'Nils', 'Sigrid', 'Johan', 'Elin', 'Anders', 'Linnéa', 'Søren', 'Mette'],
  italian: ['Marco', 'Giulia', 'Alessandro', 'Chiara', 'Luca', 'Francesca', 'Matteo', 'Martina', 'Lorenzo', 'Elena', 'Giorgio', 'Federica', 'Davide', 'Silvia'],
  slavic: ['Piotr', 'Agnieszka', 'Tomasz', 'Katarzyna', 'Jakub', 'Magdalena', 'Ivan', 'Olga', 'Dmitri', 'Natalia', 'Marek', 'Zuzana', 'Ondřej', 'Małgorzata', 'Andrii', 'Oksana'],
  turkish: ['Mehmet', 'Ayşe', 'Emre', 'Elif', 'Burak', 'Zeynep', 'Murat', 'Fatma', 'Can', 'Selin', 'Kerem', 'Derya'],
  arabic: ['Omar', 'Fatima', 'Ahmed', 'Layla', 'Youssef', 'Amira', 'Khalid', 'Noor', 'Hassan', 'Mariam', 'Tariq', 'Rania', 'Karim', 'Salma'],
  indian: ['Arjun', 'Priya', 'Rahul', 'Ananya', 'Vikram', 'Neha', 'Sanjay', 'Divya', 'Rohan', 'Kavya', 'Aditya', 'Pooja', 'Karthik', 'Meera', 'Suresh', 'Lakshmi', 'Harpreet', 'Gurpreet'],
  chinese: ['Wei', 'Li Na', 'Jun', 'Xiaoming', 'Mei', 'Hao', 'Yan', 'Lei', 'Jing', 'Tao', 'Xin', 'Ying', 'Chen', 'Hui'],
  japanese: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Sakura', 'Kenji', 'Yuki', 'Takumi', 'Hina', 'Daiki', 'Mio'],
  korean: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ji-woo', 'Hyun-woo', 'Soo-ah', 'Dong-hyun', 'Eun-ji', 'Jae-won', 'Ha-eun'],
  vietnamese: ['Minh', 'Linh', 'Duc', 'Thao', 'Huy', 'Trang', 'Quang', 'Mai', 'Tuan', 'Ngoc'],
  west_african: ['Chinedu', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Kwame', 'Ama', 'Emeka', 'Funmilayo', 'Kofi', 'Abena', 'Tunde', 'Chiamaka', 'Yaw', 'Efua'],
};

export const lastNamesByCulture: Record<NameCulture, readonly string[]> = {
  anglo: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Clarke', 'Walker', 'Wright', 'Hughes', 'Evans', "O'Brien", 'Murphy', 'Fitzgerald', 'Campbell', 'MacLeod', 'Harrington', 'Bennett'],
  hispanic: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Morales', 'de la Cruz'],
  portuguese: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Almeida', 'Ferreira', 'Carvalho', 'Ribeiro', 'Gonçalves', 'Araújo', 'Barbosa', 'Lima'],
  german: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Krüger', 'Schäfer', 'Zimmermann', 'Weiß'],
  french: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard', 'Fournier', 'Rousseau', 'Lemaire', 'Chevalier'],
  dutch: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'van Dijk', 'Dekker', 'Vermeulen', 'Hendriks'],
  nordic: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsen', 'Hansen', 'Jensen', 'Nielsen', 'Lindqvist', 'Berg', 'Halvorsen', 'Sørensen', 'Lindström', 'Bjørk'],
  italian: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca'],
  slavic: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Ivanov', 'Petrov', 'Novák', 'Dvořák', 'Horvat', 'Kovalenko', 'Shevchenko', 'Zieliński', 'Popescu', 'Sokolova', 'Lewandowska'],
  turkish: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Koç', 'Kurt'],
  arabic: ['Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Hamdan', 'Farouk', 'El-Amin', 'Aziz', 'Rahman', 'Qureshi', 'Benali', 'Bouazza', 'Al-Sayed'],
  indian: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Desai', 'Chatterjee', 'Banerjee', 'Rao', 'Pillai', 'Joshi', 'Kapoor', 'Malhotra', 'Srinivasan'],
  chinese: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Lin', 'Tan', 'Lim', 'Ng'],
  japanese: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada'],
  korean: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin'],
  vietnamese: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Phan', 'Vu', 'Dang', 'Bui', 'Do'],
  west_african: ['Okafor', 'Adeyemi', 'Mensah', 'Okonkwo', 'Balogun', 'Boateng', 'Nwosu', 'Owusu', 'Adebayo', 'Asante', 'Eze', 'Obi', 'Danso', 'Ogunleye'],
};

export interface PersonName {
  firstName: string;
  lastName: string;
  culture: NameCulture;
}

/** Draws a person's name from one of the given cultures, weighted. */
export function pickPersonName(random: SeededRandom, cultureWeights: readonly (readonly [NameCulture, number])[]): PersonName {
  const culture = random.weighted(cultureWeights);
  return {
    firstName: random.pick(firstNamesByCulture[culture]),
    lastName: random.pick(lastNamesByCulture[culture]),
    culture,
  };
}

/**
 * Folds a name into the letters people use in an e-mail address: no accents, no spaces or
 * apostrophes, lower case ("Wiśniewski" → "wisniewski", "de la Cruz" → "delacruz").
 */
export function nameForEmail(name: string): string {
  return name
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
