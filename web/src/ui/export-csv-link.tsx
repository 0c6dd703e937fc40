import { Button } from './button.tsx';
import './button.css';

/**
 * A list's "Export CSV": a plain link to the API's CSV of the list's view, which the browser
 * downloads with the session cookie (no script holds the file). While the view's filters are
 * refused by the API the link would only download the refusal, so it is a disabled button saying why.
 */
export function ExportCsvLink(props: { href: string; blockedReason?: string | null }) {
  if (props.blockedReason) {
    return (
      <Button disabled title={props.blockedReason}>
        Export CSV
      </Button>
    );
  }
  return (
    <a className="lp-button lp-button--secondary lp-button--md" href={props.href} download>
      Export CSV
    </a>
  );
}
