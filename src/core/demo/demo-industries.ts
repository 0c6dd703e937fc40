/**
 * The industries of demo accounts: how common each is, what a typical employee there brings in,
 * how well it fits the demo company's ideal customer, and how people type it into a form.
 */
export interface DemoIndustry {
  /** Canonical label stored on the account. */
  label: string;
  weight: number;
  /** Typical annual revenue per employee, USD. */
  revenuePerEmployeeUsd: number;
  /** 0–1: how well the industry matches the ideal customer profile. */
  fit: number;
  /** Words companies of the industry put after their name. */
  nameWords: readonly string[];
  /** What people write in a form's industry field. */
  typedAs: readonly string[];
}

export const demoIndustries: readonly DemoIndustry[] = [
  { label: 'Software', weight: 16, revenuePerEmployeeUsd: 220_000, fit: 1, nameWords: ['Software', 'Labs', 'Systems', 'Analytics', 'Cloud', 'Data', 'Apps', 'AI'], typedAs: ['Software', 'SaaS', 'Computer Software', 'software'] },
  { label: 'Technology', weight: 10, revenuePerEmployeeUsd: 250_000, fit: 0.95, nameWords: ['Technologies', 'Tech', 'Devices', 'Networks', 'Digital', 'Electronics'], typedAs: ['Technology', 'IT', 'Information Technology', 'Tech'] },
  { label: 'Financial Services', weight: 11, revenuePerEmployeeUsd: 350_000, fit: 0.85, nameWords: ['Capital', 'Financial', 'Bank', 'Insurance', 'Wealth', 'Credit Union', 'Advisors'], typedAs: ['Financial Services', 'Finance', 'Banking', 'Fintech', 'Insurance'] },
  { label: 'Professional Services', weight: 6, revenuePerEmployeeUsd: 160_000, fit: 0.75, nameWords: ['Consulting', 'Partners', 'Advisory', 'Group', 'Associates'], typedAs: ['Professional Services', 'Consulting', 'Management Consulting'] },
  { label: 'Healthcare', weight: 10, revenuePerEmployeeUsd: 150_000, fit: 0.7, nameWords: ['Health', 'Medical', 'Care', 'Clinics', 'Therapeutics', 'Diagnostics'], typedAs: ['Healthcare', 'Health Care', 'Hospital & Health Care', 'Medical'] },
  { label: 'Telecommunications', weight: 3, revenuePerEmployeeUsd: 400_000, fit: 0.7, nameWords: ['Telecom', 'Communications', 'Wireless', 'Fiber'], typedAs: ['Telecommunications', 'Telecom'] },
  { label: 'Manufacturing', weight: 11, revenuePerEmployeeUsd: 280_000, fit: 0.65, nameWords: ['Manufacturing', 'Industries', 'Works', 'Components', 'Fabrication', 'Machinery'], typedAs: ['Manufacturing', 'Industrial', 'Machinery'] },
  { label: 'Logistics', weight: 6, revenuePerEmployeeUsd: 220_000, fit: 0.6, nameWords: ['Logistics', 'Freight', 'Transport', 'Distribution', 'Cargo'], typedAs: ['Logistics', 'Transportation', 'Logistics & Supply Chain'] },
  { label: 'Media', weight: 5, revenuePerEmployeeUsd: 180_000, fit: 0.6, nameWords: ['Media', 'Studios', 'Publishing', 'Productions'], typedAs: ['Media', 'Publishing', 'Marketing & Advertising'] },
  { label: 'Energy', weight: 3, revenuePerEmployeeUsd: 500_000, fit: 0.55, nameWords: ['Energy', 'Power', 'Renewables', 'Solar'], typedAs: ['Energy', 'Utilities', 'Oil & Energy'] },
  { label: 'Retail', weight: 8, revenuePerEmployeeUsd: 200_000, fit: 0.55, nameWords: ['Goods', 'Outfitters', 'Market', 'Supply Co.', 'Home', 'Apparel'], typedAs: ['Retail', 'E-commerce', 'Consumer Goods'] },
  { label: 'Real Estate', weight: 2, revenuePerEmployeeUsd: 300_000, fit: 0.45, nameWords: ['Properties', 'Realty', 'Estates'], typedAs: ['Real Estate', 'Property'] },
  { label: 'Hospitality', weight: 3, revenuePerEmployeeUsd: 80_000, fit: 0.4, nameWords: ['Hotels', 'Hospitality', 'Resorts'], typedAs: ['Hospitality', 'Hotels', 'Travel'] },
  { label: 'Education', weight: 6, revenuePerEmployeeUsd: 90_000, fit: 0.35, nameWords: ['Academy', 'College', 'University', 'Learning', 'School'], typedAs: ['Education', 'Higher Education', 'E-learning'] },
  { label: 'Government', weight: 3, revenuePerEmployeeUsd: 110_000, fit: 0.25, nameWords: ['County', 'City of', 'Department of', 'Authority'], typedAs: ['Government', 'Public Sector', 'Government Administration'] },
  { label: 'Non-profit', weight: 4, revenuePerEmployeeUsd: 80_000, fit: 0.2, nameWords: ['Foundation', 'Trust', 'Alliance', 'Society'], typedAs: ['Non-profit', 'Nonprofit', 'NGO', 'Charity'] },
];

const industriesByLabel = new Map(demoIndustries.map((industry) => [industry.label, industry]));

export function demoIndustry(label: string): DemoIndustry {
  const industry = industriesByLabel.get(label);
  if (industry === undefined) throw new Error(`no demo industry ${label}`);
  return industry;
}
