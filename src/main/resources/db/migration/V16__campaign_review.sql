-- Campaign review, automatic tracebacks and agency alerts (docs/campaigns.md).

-- The provider that terminates a source's calls (a carrier source is usually a registered provider):
-- tracebacks of the source's calls ask it first. Without one, hoptrace.campaign.default-terminating-provider.
alter table call_source add column terminating_provider_id uuid references provider;

-- Which call each campaign traceback started from, and for which threshold ('staff' when started by
-- hand): a retried job or a second click never traces the same call twice for the same reason.
create table campaign_traceback (
    campaign_id  uuid        not null references campaign,
    threshold    varchar(60) not null,
    call_id      bigint      not null references call_record,
    traceback_id uuid        not null unique references traceback,
    started_at   timestamptz not null,
    primary key (campaign_id, threshold, call_id)
);

-- Agencies alerted about a campaign, once per threshold.
create table campaign_alert (
    campaign_id uuid        not null references campaign,
    threshold   varchar(60) not null,
    agency_id   uuid        not null references agency,
    sent_at     timestamptz not null,
    primary key (campaign_id, threshold, agency_id)
);

-- What happened to a campaign, for its page: thresholds, reviews, staff actions, tracebacks, alerts.
create table campaign_event (
    event_id    bigserial primary key,
    campaign_id uuid         not null references campaign,
    at          timestamptz  not null,
    kind        varchar(40)  not null,
    detail      varchar(1000),
    actor       varchar(100) not null
);
create index campaign_event_campaign_idx on campaign_event (campaign_id, at desc);
