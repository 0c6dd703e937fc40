import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, dataOf } from '../api/api-client.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { AdminLoadFailed, AdminLoading } from './admin-load-states.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import { useToast } from '../ui/toast.tsx';
import { adminQueryKey, apiKeysQuery, organisationUsersQuery } from './admin-queries.ts';
import type { ApiKey } from './admin-types.ts';
import { formatInstant } from './format-instant.ts';
import { NewApiKeyDialog } from './new-api-key-dialog.tsx';

/** Everyone's API keys: what each may do, whose it is, when it was last used; create and revoke. */
export function ApiKeysPage() {
  const keysResult = useQuery(apiKeysQuery);
  const usersResult = useQuery(organisationUsersQuery);
  const users = useMemo(() => usersResult.data ?? [], [usersResult.data]);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = keysResult.data ?? [];
  const activeCount = keys.filter((key) => key.revokedAt === null).length;
  const ownerNames = useMemo(() => new Map(users.map((user) => [user.id, user.name])), [users]);

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let scripts and integrations call the API as their owner, within their scopes."
        actions={
          <Button variant="primary" icon={<Icon name="plus" size={16} />} onClick={() => setCreating(true)}>
            New API key
          </Button>
        }
      />
      <Card flush aria-busy={keysResult.isFetching}>
        {keysResult.isError && !keysResult.data ? (
          <AdminLoadFailed title="The API keys could not be loaded." error={keysResult.error} onRetry={() => void keysResult.refetch()} />
        ) : keysResult.isPending ? (
          <AdminLoading label="Loading API keys…" rows={3} />
        ) : keys.length === 0 ? (
          <EmptyState icon="key" title="No API keys yet" action={<Button onClick={() => setCreating(true)}>Create the first key</Button>}>
            Create one for each integration, with only the scopes it needs, so each can be revoked alone.
          </EmptyState>
        ) : (
          <>
            <Table caption={`API keys: ${keys.length}, ${activeCount} active`} className="lp-keys-table">
              <thead>
                <tr>
                  <HeaderCell>Name</HeaderCell>
                  <HeaderCell>Scopes</HeaderCell>
                  <HeaderCell>Owner</HeaderCell>
                  <HeaderCell>Created</HeaderCell>
                  <HeaderCell>Last used</HeaderCell>
                  <HeaderCell>Status</HeaderCell>
                  <HeaderCell>
                    <span className="lp-visually-hidden">Actions</span>
                  </HeaderCell>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <Row key={key.id} data-key-id={key.id} className={key.revokedAt ? 'lp-keys-table__row--revoked' : undefined}>
                    <Cell label="Name" className="lp-keys-table__name">
                      <span className="lp-admin-primary">{key.name}</span>
                      <code className="lp-admin-secondary lp-admin-nowrap">lp_{key.prefix}_…</code>
                    </Cell>
                    <Cell label="Scopes">
                      <span className="lp-admin-chips">
                        {key.scopes.map((scope) => (
                          <Badge key={scope} tone={scope === 'admin' ? 'warning' : 'neutral'}>
                            {scope}
                          </Badge>
                        ))}
                      </span>
                    </Cell>
                    <Cell label="Owner" className="lp-keys-table__owner">
                      <span className="lp-keys-table__owner-text">
                        <span className="lp-admin-block">{ownerNames.get(key.userId) ?? key.userEmail}</span>
                        {ownerNames.has(key.userId) ? (
                          <span className="lp-admin-secondary" title={key.userEmail}>
                            {key.userEmail}
                          </span>
                        ) : null}
                      </span>
                    </Cell>
                    <Cell label="Created">
                      {formatInstant(key.createdAt)}
                    </Cell>
                    <Cell label="Last used">
                      {key.lastUsedAt ? formatInstant(key.lastUsedAt) : 'Never'}
                    </Cell>
                    <Cell label="Status">
                      {key.revokedAt ? <Badge tone="danger" title={`Revoked ${formatInstant(key.revokedAt)}`}>{`Revoked ${formatInstant(key.revokedAt)}`}</Badge> : <Badge tone="success">Active</Badge>}
                    </Cell>
                    <Cell label="Actions" align="end" className="lp-admin-row-actions">
                      {key.revokedAt ? null : (
                        <Button size="sm" onClick={() => setRevoking(key)}>
                          Revoke<span className="lp-visually-hidden"> {key.name}</span>
                        </Button>
                      )}
                    </Cell>
                  </Row>
                ))}
              </tbody>
            </Table>
            <p className="lp-admin-footer">
              {keys.length} {keys.length === 1 ? 'key' : 'keys'} · {activeCount} active · last use is recorded to the minute
            </p>
          </>
        )}
      </Card>
      {creating ? <NewApiKeyDialog users={users} onClose={() => setCreating(false)} /> : null}
      {revoking ? <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}

/** Asks before revoking: a revoked key stops working at once and cannot be brought back. */
function RevokeKeyDialog(props: { apiKey: ApiKey; onClose(): void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => dataOf(api.DELETE('/api/api-keys/{id}', { params: { path: { id: props.apiKey.id } } })),
    onSuccess: (key) => {
      void queryClient.invalidateQueries({ queryKey: adminQueryKey });
      toast.show(`Revoked “${key.name}”.`, 'success');
      props.onClose();
    },
  });
  return (
    <Dialog
      title={`Revoke “${props.apiKey.name}”?`}
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose} disabled={revoke.isPending}>
            Keep the key
          </Button>
          <Button variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate()}>
            Revoke key
          </Button>
        </>
      }
    >
      <div className="lp-admin-stack">
        <p>
          Every request made with it is refused from now on. Whatever uses it ({props.apiKey.userEmail}’s key, <code>lp_{props.apiKey.prefix}_…</code>) stops working. This cannot be undone; the key stays on the list, marked
          revoked.
        </p>
        {revoke.error ? <InlineError title="The key was not revoked." error={revoke.error} /> : null}
      </div>
    </Dialog>
  );
}
