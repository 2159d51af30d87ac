-- Batches of calls received from a data source (docs/calls.md): what each batch brought, and every
-- row it rejected with its line and reasons, so the whole report can be downloaded later.
create table call_batch (
    batch_id    uuid primary key,
    source_id   uuid        not null references call_source,
    received_at timestamptz not null,
    channel     varchar(10) not null check (channel in ('api', 'console')),
    received_by varchar(200) not null,           -- the source itself (API key) or the staff member
    format      varchar(10) not null check (format in ('json', 'ndjson', 'csv')),
    layout      varchar(10) not null check (layout in ('hoptrace', 'fcc', 'ftc')),
    received    bigint      not null,            -- rows read
    accepted    bigint      not null,            -- new calls stored
    duplicates  bigint      not null,            -- good rows already stored (same source call id)
    rejected    bigint      not null             -- bad rows, listed in call_batch_rejection
);
create index call_batch_source_idx on call_batch (source_id, received_at desc);

create table call_batch_rejection (
    batch_id   uuid   not null references call_batch on delete cascade,
    position   bigint not null,                  -- the row's place among the rows read, from 1
    line       bigint not null,                  -- CSV / NDJSON line (header = line 1), JSON array: line the item starts on
    item_index bigint,                           -- JSON array: the item's index, from 0
    reasons    text   not null,                  -- "field: why", separated by " | "
    primary key (batch_id, position)
);

create unique index call_source_key_prefix_idx on call_source (api_key_prefix) where api_key_prefix is not null;
