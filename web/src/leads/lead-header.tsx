import { GradeBadge, StageBadge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Icon } from '../ui/icon.tsx';
import { useToast } from '../ui/toast.tsx';
import { leadDisplayName } from '../inbox/lead-name.ts';
import type { Lead } from './lead-detail.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
/** What the e-mail's kind says to a rep about to write to it (a business address needs no note). */
const emailKindNotes: Record<string, string> = { free: 'free mail address', disposable: 'disposable address', role: 'shared inbox, not a person' };

/** A contact value with a button that copies it (the rep pastes it into the dialler or mail client). */
function ContactValue(props: { label: string; value: string; href: string; note?: string | null }) {
  const toast = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      toast.show(`${props.label} copied.`, 'success');
    } catch {
      toast.show(`The browser did not allow copying: select the ${props.label.toLowerCase()} and press Ctrl+C (⌘C on a Mac).`, 'error');
    }
  };
  return (
    <div className="lp-lead-header__contact">
      <dt className="lp-visually-hidden">{props.label}</dt>
      <dd>
        <a href={props.href} className="lp-lead-header__contact-link">
          {props.value}
        </a>
        {props.note ? <span className="lp-lead-header__contact-note">{props.note}</span> : null}
        <Button variant="ghost" size="sm" className="lp-lead-header__copy" onClick={() => void copy()} aria-label={`Copy ${props.label.toLowerCase()}`}>
          Copy
        </Button>
      </dd>
    </div>
  );
}

function formatScore(value: number | null): string {
  if (value === null) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The top of the lead page: who the lead is, how to reach them, their grade, score and stage. */
export function LeadHeader(props: { lead: Lead; accountName: string | null; onEditContact?: (() => void) | undefined }) {
  const { lead } = props;
  const name = leadDisplayName(lead);
  const company = props.accountName ?? lead.company;
  const subtitle = [lead.title, company].filter(Boolean).join(' · ');
  const place = [lead.city, lead.state, lead.country].filter(Boolean).join(', ');
  return (
    <header className="lp-lead-header">
      <div className="lp-lead-header__identity">
        <span className="lp-lead-header__grade">
          <GradeBadge grade={lead.grade} />
        </span>
        <div className="lp-lead-header__who">
          <h1 className="lp-lead-header__name">{name}</h1>
          <p className="lp-lead-header__subtitle">{subtitle || 'No title or company given'}</p>
          <dl className="lp-lead-header__contacts">
            {lead.email ? <ContactValue label="E-mail address" value={lead.email} href={`mailto:${lead.email}`} note={emailKindNotes[lead.emailKind] ?? null} /> : null}
            {lead.phone ? <ContactValue label="Phone number" value={lead.phone} href={`tel:${lead.phone}`} note={lead.phoneValid === false ? 'may not be valid' : null} /> : null}
            {!lead.email && !lead.phone ? (
              <div className="lp-lead-header__contact">
                <dt className="lp-visually-hidden">Contact</dt>
                <dd>No e-mail or phone given</dd>
              </div>
            ) : null}
          </dl>
          {props.onEditContact ? (
            <Button variant="ghost" size="sm" className="lp-lead-header__edit" icon={<Icon name="edit" size={14} />} onClick={props.onEditContact}>
              Edit details
            </Button>
          ) : null}
        </div>
      </div>
      <dl className="lp-lead-header__facts">
        <div className="lp-lead-header__score">
          <dt>Score</dt>
          <dd>
            <span className="lp-lead-header__score-value">{formatScore(lead.score)}</span>
            <span className="lp-lead-header__score-parts">
              fit {formatScore(lead.fitScore)} · engagement {formatScore(lead.engagementScore)}
            </span>
          </dd>
        </div>
        <div>
          <dt>Stage</dt>
          <dd>
            <StageBadge stage={lead.stage} />
          </dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{lead.source ?? '–'}</dd>
        </div>
        <div>
          <dt>Captured</dt>
          <dd>{dateFormat.format(new Date(lead.createdAt))}</dd>
        </div>
        {place ? (
          <div>
            <dt>Location</dt>
            <dd>{place}</dd>
          </div>
        ) : null}
      </dl>
    </header>
  );
}
