-- The agency portal (docs/agency-portal.md): one-time TOTP codes and personal API tokens of agency users.

-- The 30-second time step of the last TOTP code accepted from the user: a code is never accepted twice,
-- and no code of an earlier step either.
alter table agency_user add column totp_last_step bigint not null default 0;
alter table agency_user add column disabled_at timestamptz;
alter table agency_user add column disabled_by varchar(100);

-- Personal API tokens for /api/v1/agency/**. Shown once when created; only the SHA-256 (hex) is kept.
create table agency_api_token (
    token_id       uuid primary key default gen_random_uuid(),
    agency_user_id uuid         not null references agency_user,
    name           varchar(100) not null,
    token_hash     char(64)     not null unique,
    created_at     timestamptz  not null,
    last_used_at   timestamptz,
    revoked_at     timestamptz
);
create index agency_api_token_user_idx on agency_api_token (agency_user_id, created_at desc);
