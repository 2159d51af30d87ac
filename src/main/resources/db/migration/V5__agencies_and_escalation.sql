-- Agencies (shared by the non-cooperation escalation and the legal process), each provider's
-- cooperation status, answers staff found insufficient, and escalations of non-cooperative providers.

create table agency (
    agency_id           uuid primary key default gen_random_uuid(),
    name                varchar(300) not null unique,
    agency_type         varchar(30)  not null
        check (agency_type in ('state-attorney-general', 'fcc', 'ftc', 'doj', 'state-regulator',
                               'local-law-enforcement', 'other')),
    jurisdiction_states char(2)[]    not null default '{}', -- USPS codes; empty: nationwide (federal agencies)
    contact_emails      text[]       not null default '{}',
    notices             text[]       not null default '{}', -- notices it wants: 'non-cooperation-referral', 'campaign-alert'
    verified_domains    text[]       not null default '{}', -- email domains its portal users must use
    active              boolean      not null default true,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);

-- cooperation status from the nightly assessment (dmn/provider-cooperation.dmn) and the escalation
alter table provider
    add column cooperation_status varchar(20) not null default 'cooperative'
        check (cooperation_status in ('cooperative', 'watch', 'non-cooperative')),
    add column cooperation_assessed_at timestamptz,
    add column listed_non_cooperative_at timestamptz; -- set when staff confirm an escalation

-- an answer staff found insufficient (counts against the provider's cooperation record)
alter table hop_answer
    add column insufficient_reason varchar(500),
    add column marked_insufficient_by varchar(100),
    add column marked_insufficient_at timestamptz;

-- a flag starts an escalation, or joins the provider's running one; handled once
alter table provider_flag
    add column escalation_id uuid,
    add column handled_at timestamptz;
create index provider_flag_unhandled_idx on provider_flag (flagged_at) where handled_at is null;

create sequence escalation_reference_seq;

create table escalation (
    escalation_id        uuid primary key default gen_random_uuid(),
    reference            varchar(20)  not null unique,   -- ESC-2026-000012
    provider_id          uuid         not null references provider,
    status               varchar(20)  not null check (status in ('running', 'closed')),
    step                 varchar(40)  not null,          -- current step of the ladder (docs/escalation.md)
    step_due_at          timestamptz,                    -- when the current step's period ends
    outcome              varchar(30)
        check (outcome in ('cured', 'downgraded', 'closed-by-staff', 'ladder-completed', 'cancelled')),
    outcome_reason       varchar(500),
    process_instance_key varchar(64),
    started_at           timestamptz  not null,
    closed_at            timestamptz
);
-- one escalation per provider at a time
create unique index escalation_one_running_idx on escalation (provider_id) where status = 'running';
create index escalation_provider_idx on escalation (provider_id, started_at desc);

-- what happened in an escalation, append-only: flags joined, notices sent, decisions, steps
create table escalation_event (
    event_id      bigserial primary key,
    escalation_id uuid         not null references escalation,
    happened_at   timestamptz  not null,
    kind          varchar(40)  not null,
    detail        text,
    actor         varchar(100)
);
create index escalation_event_idx on escalation_event (escalation_id, happened_at);

-- the cooperation record reads a provider's hops over rolling windows
create index hop_provider_requested_idx on hop (provider_id, requested_at);
