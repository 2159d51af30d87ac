-- Campaign detection (docs/campaign-detection.md): what later calls need to join existing campaigns.

-- When detection looked at a call and found no campaign for it yet (campaign_id stays null). Calls with
-- neither campaign nor this are new; calls with this but no campaign wait (hoptrace.campaigns.detection.pending-window)
-- for similar calls to arrive.
alter table call_record add column detection_checked_at timestamptz;
create index call_record_undetected_idx on call_record (call_id)
    where campaign_id is null and detection_checked_at is null;
create index call_record_pending_idx on call_record (call_time)
    where campaign_id is null and detection_checked_at is not null;

-- A few MinHash signatures per campaign (its representative message and the variants least like it).
create table campaign_signature (
    campaign_id uuid     not null references campaign,
    exemplar    smallint not null,
    shingles    int      not null,          -- how many word shingles the message had
    signature   int[]    not null,
    primary key (campaign_id, exemplar)
);

-- Numbers and caller-ID patterns seen in a campaign, with how many of its calls had them: callback
-- numbers (the campaign's top callback numbers), calling numbers (its distinct calling numbers), NPA-NXX
-- prefixes and neighbour spoofing per origination id (calls without message that joined by them).
create table campaign_key (
    campaign_id uuid        not null references campaign,
    kind        varchar(10) not null check (kind in ('callback', 'calling', 'prefix', 'neighbour')),
    key         bigint      not null,       -- E.164 digits, NPA-NXX with country code, origination id hash
    calls       bigint      not null,
    primary key (campaign_id, kind, key)
);
create index campaign_key_lookup_idx on campaign_key (kind, key);
