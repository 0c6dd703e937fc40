/**
 * Mailbox names that belong to a function, not a person ("info@", "sales@"). A lead from one is
 * someone's inbox duty, rarely the buyer. Compared without the +tag and case-insensitively.
 */
export const roleLocalParts: ReadonlySet<string> = new Set([
  'info', 'information', 'sales', 'admin', 'administrator', 'administration', 'support', 'contact', 'contactus', 'contact-us',
  'hello', 'hi', 'hey', 'office', 'marketing', 'noreply', 'no-reply', 'no_reply', 'donotreply', 'do-not-reply', 'mailer-daemon',
  'help', 'helpdesk', 'service', 'services', 'customerservice', 'customer.service', 'customercare', 'care', 'team',
  'enquiries', 'enquiry', 'inquiries', 'inquiry', 'billing', 'accounts', 'accounting', 'finance', 'invoices', 'invoice',
  'hr', 'jobs', 'careers', 'career', 'recruiting', 'recruitment', 'talent', 'press', 'media', 'pr', 'news', 'newsletter',
  'webmaster', 'postmaster', 'hostmaster', 'abuse', 'security', 'privacy', 'legal', 'compliance', 'it', 'tech',
  'feedback', 'orders', 'order', 'shop', 'store', 'booking', 'bookings', 'reservations', 'reception', 'frontdesk',
  'all', 'everyone', 'staff', 'general', 'partners', 'partnerships', 'investors', 'ir', 'welcome', 'mail', 'email',
  'root', 'sysadmin', 'purchasing', 'procurement', 'events', 'social', 'community', 'bizdev', 'business', 'kontakt',
  'verkauf', 'vertrieb', 'buero', 'büro', 'contacto', 'ventas', 'info-de', 'office-manager',
]);
