-- Live call data from carriers and robocall-blocking apps, and the campaigns found in it
-- (docs/calls.md, docs/campaigns.md).

-- A registered data source and its API credentials (key shown once, stored as a hash).
create table call_source (
    source_id      uuid primary key default gen_random_uuid(),
    name           varchar(200) not null,
    kind           varchar(20)  not null check (kind in ('carrier', 'blocking-app', 'complaints', 'other')),
    contact_email  varchar(254),
    api_key_prefix varchar(20),                   -- the visible start of the key, to tell keys apart
    api_key_hash   varchar(100),                  -- bcrypt of the whole key
    active         boolean      not null default true,
    accepted_calls bigint       not null default 0,
    rejected_rows  bigint       not null default 0,
    last_seen_at   timestamptz,                   -- last batch received
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create unique index call_source_name_idx on call_source (lower(name));

-- One reported call. (source, source call id) identifies it: a re-sent call changes nothing.
-- Loaded with COPY (org.hoptrace.calls); campaign_id is set by campaign detection.
create table call_record (
    call_id          bigserial primary key,
    source_id        uuid         not null references call_source,
    source_call_id   varchar(100) not null,
    calling_number   varchar(16),                 -- E.164
    called_number    varchar(16),                 -- E.164
    call_time        timestamptz  not null,
    duration_seconds int,
    attestation      char(1) check (attestation in ('A', 'B', 'C')),
    origination_id   varchar(64),
    verdict          varchar(100),                -- the source's verdict or category, as sent
    transcript       text,
    callback_number  varchar(16),                 -- E.164
    called_state     char(2),                     -- USPS code
    received_at      timestamptz  not null,
    campaign_id      uuid,
    unique (source_id, source_call_id)
);
create index call_record_campaign_idx on call_record (campaign_id, call_time);
create index call_record_time_idx on call_record (call_time);

create sequence campaign_reference_seq;

-- A campaign: calls with near-duplicate messages, shared callback numbers or caller-ID patterns.
create table campaign (
    campaign_id              uuid primary key default gen_random_uuid(),
    reference                varchar(20)  not null unique,     -- CMP-2026-000007
    name                     varchar(200) not null,            -- a label staff can change
    category                 varchar(50),                      -- the category guess
    status                   varchar(20)  not null default 'new'
        check (status in ('new', 'watch', 'tracing', 'dismissed')),
    representative_transcript text,
    first_seen               timestamptz  not null,
    last_seen                timestamptz  not null,
    call_count               bigint       not null default 0,
    distinct_calling_numbers bigint       not null default 0,
    attestation_a            bigint       not null default 0,
    attestation_b            bigint       not null default 0,
    attestation_c            bigint       not null default 0,
    attestation_none         bigint       not null default 0,
    called_states            jsonb        not null default '{}', -- {"TX": 120, "CA": 80}
    callback_numbers         text[]       not null default '{}', -- the most frequent ones
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null
);
create index campaign_last_seen_idx on campaign (last_seen desc);

alter table call_record
    add constraint call_record_campaign_fk foreign key (campaign_id) references campaign;

-- Calls per campaign and hour (trend charts, growth; days are sums of hours).
create table campaign_volume (
    campaign_id uuid        not null references campaign,
    hour        timestamptz not null,
    calls       bigint      not null,
    primary key (campaign_id, hour)
);

-- Tracebacks started for a campaign (automatically or by staff from the campaign page).
alter table traceback add column campaign_id uuid references campaign;
create index traceback_campaign_id_idx on traceback (campaign_id);

-- Thresholds of dmn/campaign-priority.dmn a campaign has crossed: each is acted on once.
create table campaign_threshold_crossing (
    campaign_id          uuid         not null references campaign,
    threshold            varchar(60)  not null,
    action               varchar(20)  not null check (action in ('review', 'auto-trace')),
    crossed_at           timestamptz  not null,
    process_instance_key varchar(64),
    primary key (campaign_id, threshold)
);
