-- Voice service providers, tracebacks and their hops. Times are UTC (timestamptz).

create table provider (
    provider_id      uuid primary key default gen_random_uuid(),
    legal_name       varchar(300) not null,
    filer_499_id     varchar(20) unique,                -- FCC Form 499 filer id
    rmd_number       varchar(40),                       -- Robocall Mitigation Database listing
    country          char(2)      not null,             -- ISO 3166-1 alpha-2
    role             varchar(20)  not null
        check (role in ('originating', 'gateway', 'intermediate', 'terminating', 'unknown')),
    contact_emails   text[]       not null default '{}',
    contact_phone    varchar(40),
    webhook_url      varchar(2000),
    webhook_secret   varchar(200),
    api_key_id       varchar(64) unique,                -- public half of the API credentials
    api_key_hash     varchar(128),                      -- SHA-256 (hex) of the secret half
    registered       boolean      not null default true, -- false: named in an answer, not yet vetted
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index provider_name_idx on provider (lower(legal_name));

-- provider users of the portal: an identity-store user answering for one provider
create table provider_user (
    user_id      varchar(100) primary key,
    provider_id  uuid not null references provider
);

create sequence traceback_reference_seq;

create table traceback (
    traceback_id            uuid primary key default gen_random_uuid(),
    reference               varchar(20)  not null unique,   -- TB-2026-000123
    calling_number          varchar(16)  not null,          -- E.164
    called_number           varchar(16)  not null,          -- E.164
    call_time               timestamptz  not null,
    campaign                varchar(200),
    attestation             char(1) check (attestation in ('A', 'B', 'C')),
    origination_id          varchar(64),
    terminating_provider_id uuid         not null references provider,
    priority                varchar(10)  not null check (priority in ('normal', 'urgent')),
    status                  varchar(20)  not null check (status in ('open', 'completed', 'cancelled')),
    outcome                 varchar(30)
        check (outcome in ('origin-found', 'foreign-point-of-entry', 'not-found', 'non-responsive',
                           'dead-end', 'cancelled')),
    outcome_reason          varchar(500),
    process_instance_key    varchar(64),
    created_by              varchar(100) not null,
    created_at              timestamptz  not null,
    completed_at            timestamptz
);
create index traceback_status_idx on traceback (status, created_at desc);
create index traceback_campaign_idx on traceback (campaign);

create table hop (
    hop_id        uuid primary key default gen_random_uuid(),
    traceback_id  uuid         not null references traceback,
    hop_number    int          not null,
    provider_id   uuid         not null references provider,
    status        varchar(20)  not null
        check (status in ('requested', 'answered', 'non-responsive', 'cancelled')),
    requested_at  timestamptz  not null,
    deadline      timestamptz,
    reminder_at   timestamptz,
    reminded_at   timestamptz,
    answered_at   timestamptz,
    request_count int          not null default 1,
    unique (traceback_id, hop_number)
);
create index hop_provider_idx on hop (provider_id, requested_at desc);
create index hop_open_deadline_idx on hop (deadline) where status = 'requested';

create table hop_answer (
    hop_id               uuid primary key references hop,
    answer_type          varchar(30)  not null
        check (answer_type in ('upstream-registered', 'upstream-unregistered', 'origin', 'not-found')),
    upstream_provider_id uuid references provider,
    upstream_name        varchar(300),
    upstream_email       varchar(320),
    upstream_phone       varchar(40),
    upstream_country     char(2),
    customer_name        varchar(300),
    customer_details     text,
    explanation          text,
    comment              text,
    channel              varchar(10)  not null check (channel in ('portal', 'api')),
    answered_by          varchar(200) not null,
    received_at          timestamptz  not null,
    late                 boolean      not null,
    fingerprint          varchar(64)  not null   -- SHA-256 of the answer's content: identical resends are no-ops
);

-- providers flagged for the non-cooperation escalation (consumed by the escalation process)
create table provider_flag (
    flag_id      bigserial primary key,
    provider_id  uuid         not null references provider,
    reason       varchar(40)  not null,          -- e.g. 'non-responsive'
    hop_id       uuid references hop,
    flagged_at   timestamptz  not null,
    unique (hop_id, reason)
);
create index provider_flag_provider_idx on provider_flag (provider_id, flagged_at desc);

-- secrets Hoptrace generates itself when none is configured (e.g. the key that signs response links)
create table app_secret (
    name        varchar(100) primary key,
    value       varchar(200) not null,
    created_at  timestamptz  not null
);
