import type { ColumnMappingFile } from './column-mapping-schema.ts';

/**
 * A Salesforce Lead export made with Data Loader: API field names as headers, dates in UTC ISO form.
 * Org-specific custom fields (`…__c`) are not listed: they land in attributes under their own name.
 */
export const salesforceLeadFormat = {
  name: 'Salesforce Lead export',
  description: 'Standard Lead fields by API name. Country and state prefer the ISO code columns; Phone falls back to MobilePhone.',
  externalSource: 'salesforce',
  columns: {
    Id: 'externalId',
    Salutation: 'attributes.salutation',
    FirstName: 'firstName',
    MiddleName: 'attributes.middle_name',
    LastName: 'lastName',
    Suffix: 'attributes.suffix',
    Title: 'title',
    Company: 'company',
    Street: 'attributes.street',
    City: 'city',
    State: 'state',
    StateCode: 'state',
    PostalCode: 'attributes.postal_code',
    Country: 'country',
    CountryCode: 'country',
    Latitude: 'attributes.latitude',
    Longitude: 'attributes.longitude',
    Phone: 'phone',
    MobilePhone: 'phone',
    Fax: 'attributes.fax',
    Email: 'email',
    Website: 'website',
    Description: 'attributes.description',
    LeadSource: 'source',
    Status: 'attributes.status',
    Industry: 'industry',
    Rating: 'attributes.rating',
    // The currency AnnualRevenue is in; the import does not convert currencies, so keep it visible.
    CurrencyIsoCode: 'attributes.currency',
    AnnualRevenue: 'annualRevenue',
    NumberOfEmployees: 'employees',
    OwnerId: 'attributes.salesforce_owner_id',
    // Consent and reachability: sales must honour them, pact rules may test them.
    HasOptedOutOfEmail: 'attributes.has_opted_out_of_email',
    HasOptedOutOfFax: 'attributes.has_opted_out_of_fax',
    DoNotCall: 'attributes.do_not_call',
    EmailBouncedReason: 'attributes.email_bounced_reason',
    EmailBouncedDate: 'attributes.email_bounced_date',
    // Outcome fields: useless at capture time but the ground truth for learned scoring and backtests.
    IsConverted: 'attributes.is_converted',
    ConvertedDate: 'attributes.converted_date',
    ConvertedAccountId: 'attributes.converted_account_id',
    ConvertedContactId: 'attributes.converted_contact_id',
    ConvertedOpportunityId: 'attributes.converted_opportunity_id',
    // Kept so that a deleted or merged-away record can be recognised and reported, not imported blindly.
    IsDeleted: 'attributes.is_deleted',
    MasterRecordId: 'attributes.master_record_id',
    RecordTypeId: 'attributes.record_type_id',
    LastActivityDate: 'attributes.last_activity_date',
  },
  fallbacks: {
    country: ['CountryCode', 'Country'],
    state: ['StateCode', 'State'],
    phone: ['Phone', 'MobilePhone'],
  },
  nullValues: [''],
  ignoreColumns: [
    // Geocoding quality of Latitude/Longitude, meaningless without Salesforce's geocoder.
    'GeocodeAccuracy',
    // Record audit trail of the Salesforce org (who/when edited), not facts about the lead.
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
    'LastTransferDate',
    // List-view state of the owner's inbox in Salesforce.
    'IsUnreadByOwner',
    // Keys of Data.com (Jigsaw), a service Salesforce retired.
    'Jigsaw',
    'JigsawContactId',
    // Personal data leadpact has no use for; not storing it is the data-minimisation default.
    'Pronouns',
    'GenderIdentity',
  ],
  touch: { typeFromColumn: null, typeMap: {}, defaultType: 'import', occurredAtColumn: 'CreatedDate' },
  defaults: {},
} satisfies ColumnMappingFile;
