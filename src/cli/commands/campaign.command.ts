import type { Command } from 'commander';
import { operatorAccess } from '../../core/access/access-context.ts';
import { AppError } from '../../errors/app-error.ts';
import { presentCampaign } from '../../http/schemas/campaign.schemas.ts';
import { amountInMinorUnits } from '../../modules/campaigns/amount-in-minor-units.ts';
import { campaignChannels, newCampaignSchema } from '../../modules/campaigns/campaign-fields.ts';
import { listCampaignsWithCounts } from '../../modules/campaigns/campaign.repository.ts';
import { createCampaign } from '../../modules/campaigns/create-campaign.ts';
import { currencyCodeSchema, minorUnitDigits } from '../../modules/campaigns/currency-code.ts';
import { getCampaign } from '../../modules/campaigns/get-campaign.ts';
import { loadActivePact } from '../../modules/pact/load-active-pact.ts';
import { runCommand } from '../cli-context.ts';
import { cliAuditActor, defaultOrgCommandContext, givenOptions, namingOptions, parseWith, type OrgCommandContext } from './team.command.ts';

const campaignOptions = { name: 'NAME', channel: '--channel', source: '--source', costMinor: '--cost', currency: '--currency', startsOn: '--starts', endsOn: '--ends' };

/** Minor units as the currency is written: 1200000 USD → "USD 12,000.00". */
export function formatMoney(minorUnits: number, currency: string): string {
  const places = minorUnitDigits(currency);
  const amount = (minorUnits / 10 ** places).toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
  return `${currency} ${amount}`;
}

function campaignLine(campaign: ReturnType<typeof presentCampaign>): string {
  const dates = campaign.startsOn || campaign.endsOn ? `${campaign.startsOn ?? '…'} – ${campaign.endsOn ?? '…'}` : 'no dates';
  return `${campaign.name.padEnd(32)} ${campaign.channel.padEnd(13)} ${formatMoney(campaign.costMinor, campaign.currency).padStart(18)}  ${dates.padEnd(25)} ${String(campaign.leadCount).padStart(6)} leads ${String(campaign.touchCount).padStart(7)} touches\n`;
}

/** `leadpact campaign …`: marketing campaigns with their cost (typed in currency units, stored in minor units). */
export function registerCampaignCommand(program: Command, context: OrgCommandContext = defaultOrgCommandContext): void {
  const campaign = program.command('campaign').description('Marketing campaigns: channel, cost and dates; leads and touches counted');
  campaign
    .command('add')
    .argument('<name>', 'campaign name (unique, any letter case)')
    .requiredOption('--channel <channel>', campaignChannels.join(', '))
    .option('--cost <amount>', 'total cost in currency units, e.g. 12000.00', '0')
    .option('--currency <code>', 'ISO 4217 code (default: the pact’s currency)')
    .option('--source <source>', 'lead source the campaign feeds, e.g. webinar')
    .option('--starts <day>', 'first day, YYYY-MM-DD')
    .option('--ends <day>', 'last day, YYYY-MM-DD (not before --starts)')
    .option('--json', 'print the campaign as JSON')
    .description('Create a campaign')
    .action((name: string, options: { channel: string; cost: string; currency?: string; source?: string; starts?: string; ends?: string; json?: boolean }) =>
      runCommand(() =>
        namingOptions(campaignOptions, async () => {
          if (options.currency !== undefined && !currencyCodeSchema.safeParse(options.currency).success) {
            throw AppError.validation([{ path: '--currency', message: `"${options.currency}" is not an ISO 4217 currency code such as USD or EUR` }]);
          }
          const created = await context.useDatabase(async (db) => {
            const currency = options.currency ?? (await loadActivePact(db)).pact.currency;
            const cost = amountInMinorUnits(options.cost, currency);
            if (!cost.ok) throw AppError.validation([{ path: '--cost', message: cost.message }]);
            const input = parseWith(
              newCampaignSchema,
              givenOptions({ name, channel: options.channel, source: options.source, costMinor: cost.minorUnits, currency, startsOn: options.starts, endsOn: options.ends }),
            );
            return getCampaign(db, { campaignId: (await createCampaign(db, { input, actor: cliAuditActor, access: operatorAccess })).id, access: operatorAccess });
          });
          const shown = presentCampaign(created);
          context.stdout.write(options.json ? `${JSON.stringify(shown)}\n` : `created campaign ${shown.name} (${formatMoney(shown.costMinor, shown.currency)}) ${shown.id}\n`);
        }),
      ),
    );
  campaign
    .command('list')
    .option('--json', 'print the campaigns as JSON')
    .description('Campaigns with cost, dates, leads and touches')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const campaigns = (await context.useDatabase((db) => listCampaignsWithCounts(db))).map(presentCampaign);
        context.stdout.write(options.json ? `${JSON.stringify(campaigns)}\n` : campaigns.length === 0 ? 'no campaigns yet\n' : campaigns.map(campaignLine).join(''));
      }),
    );
}
