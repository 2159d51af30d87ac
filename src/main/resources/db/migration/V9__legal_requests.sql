-- The subpoena/CID lifecycle (docs/legal-requests.md): agency portal users, legal requests, their
-- documents and messages, and the hash-chained audit trail of everything done with a request.

-- Agency portal users. Invited by staff with an address of their agency's verified domain; they set a
-- password and enrol a TOTP authenticator when they accept the invitation.
create table agency_user (
    agency_user_id        uuid primary key default gen_random_uuid(),
    agency_id             uuid         not null references agency,
    email                 varchar(254) not null,
    full_name             varchar(200) not null,
    status                varchar(20)  not null check (status in ('invited', 'active', 'disabled')),
    password_hash         varchar(100),                   -- bcrypt; null until the invitation is accepted
    totp_secret           varchar(64),                    -- base32; null until enrolled
    invitation_token_hash char(64),                       -- SHA-256 (hex) of the emailed token; null once used
    invitation_expires_at timestamptz,
    invited_by            varchar(100) not null,
    invited_at            timestamptz  not null,
    activated_at          timestamptz,
    last_login_at         timestamptz,
    failed_logins         int          not null default 0,
    locked_until          timestamptz
);
create unique index agency_user_email_idx on agency_user (lower(email));
create index agency_user_agency_idx on agency_user (agency_id);

create sequence legal_request_reference_seq;

-- A subpoena, CID, court order or emergency disclosure request from an agency.
-- status: open until it ends with an outcome; step: where the process is (docs/legal-requests.md).
create table legal_request (
    legal_request_id     uuid primary key default gen_random_uuid(),
    reference            varchar(20)   not null unique,   -- LR-2026-000042
    agency_id            uuid          not null references agency,
    submitted_by         uuid          not null references agency_user,
    request_type         varchar(30)   not null
        check (request_type in ('subpoena', 'cid', 'court-order', 'emergency-disclosure')),
    issuing_authority    varchar(300)  not null,
    case_number          varchar(100),
    return_date          date,
    description          text,
    -- scope as the agency asked for it
    scope_numbers        text[]        not null default '{}',   -- E.164
    scope_providers      text[]        not null default '{}',   -- provider names as written by the agency
    scope_campaigns      text[]        not null default '{}',
    scope_tracebacks     text[]        not null default '{}',   -- TB-2026-000123
    scope_from           date,
    scope_to             date,
    -- scope the reviewer approved (same shape as above, JSON); null until approved
    approved_scope       jsonb,
    status               varchar(20)   not null check (status in ('open', 'closed')),
    step                 varchar(40)   not null,
    outcome              varchar(20)
        check (outcome in ('released', 'rejected', 'withdrawn', 'abandoned')),
    outcome_reason       varchar(2000),
    triage               varchar(20)   check (triage in ('expedited', 'standard', 'deficient')),
    review_due_at        timestamptz,                      -- the review SLA from the triage decision
    reviewed_by          varchar(100),
    signed_off_by        varchar(100),
    process_instance_key varchar(64),
    submitted_at         timestamptz   not null,
    updated_at           timestamptz   not null,
    released_at          timestamptz,
    closed_at            timestamptz
);
create index legal_request_agency_idx on legal_request (agency_id, submitted_at desc);
create index legal_request_status_idx on legal_request (status, submitted_at desc);

-- Documents of a request: what the agency sent (request, clarification) and the response package.
-- Text, metadata and proposed fields come from intake (Apache Tika) and are kept for the reviewer.
create table legal_request_document (
    legal_request_id uuid        not null references legal_request,
    document_id      uuid        not null references document,
    role             varchar(20) not null check (role in ('request', 'clarification', 'response')),
    extracted_text   text,
    metadata         jsonb       not null default '{}',
    proposed_fields  jsonb       not null default '{}',
    added_at         timestamptz not null,
    primary key (legal_request_id, document_id)
);
create index legal_request_document_document_idx on legal_request_document (document_id);

-- Messages between the agency and the reviewers: clarification questions and answers, notices.
create table legal_request_message (
    message_id       bigserial primary key,
    legal_request_id uuid         not null references legal_request,
    kind             varchar(30)  not null
        check (kind in ('clarification-question', 'clarification-answer', 'notice')),
    author_kind      varchar(10)  not null check (author_kind in ('agency', 'staff', 'system')),
    author           varchar(254) not null,
    body             text         not null,
    created_at       timestamptz  not null
);
create index legal_request_message_idx on legal_request_message (legal_request_id, created_at);

-- The audit trail: every view, download, decision and release on a request. Append-only (the trigger
-- below refuses updates and deletes); each entry carries the SHA-256 of the previous entry of the same
-- request, so a changed or removed entry breaks the chain (org.hoptrace.legal.LegalAuditTrail).
create table legal_audit_entry (
    entry_id         bigserial primary key,
    legal_request_id uuid         not null references legal_request,
    seq              int          not null,              -- 1, 2, 3 ... per request
    happened_at      timestamptz  not null,
    actor            varchar(254) not null,
    actor_kind       varchar(10)  not null check (actor_kind in ('agency', 'staff', 'system')),
    action           varchar(40)  not null,
    detail           text         not null default '',
    previous_hash    char(64)     not null,              -- 64 zeros for the first entry
    hash             char(64)     not null,
    unique (legal_request_id, seq)
);

create function legal_audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the legal audit trail is append-only: % refused', tg_op;
end $$;
create trigger legal_audit_entry_append_only before update or delete on legal_audit_entry
    for each row execute function legal_audit_entry_append_only();
