-- The escalation process (docs/escalation.md): which flag an event is about, so that the process
-- records a joined flag once however often its job runs, and a wake-up for the flag intake.

alter table escalation_event add column flag_id bigint references provider_flag;
create unique index escalation_event_flag_idx on escalation_event (escalation_id, kind, flag_id) where flag_id is not null;

-- tell the flag intake (LISTEN provider_flag) the moment a transaction that flagged a provider commits;
-- its periodic sweep picks up anything a missed notification left behind
create function provider_flag_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('provider_flag', new.flag_id::text);
    return null;
end $$;

create trigger provider_flag_inserted after insert on provider_flag
    for each row execute function provider_flag_notify();
