-- The agency registry's rules that the database can hold (org.hoptrace.agency.AgencyDraft has all of them,
-- with messages): names unique ignoring case, known notices, federal agencies nationwide, state agencies
-- with at least one state.

-- 'Illinois Attorney General' and 'illinois attorney general' are one agency
create unique index agency_name_lower_idx on agency (lower(name));

alter table agency
    add constraint agency_notices_known
        check (notices <@ array['non-cooperation-referral', 'campaign-alert']::text[]),
    add constraint agency_federal_nationwide
        check (agency_type not in ('fcc', 'ftc', 'doj') or cardinality(jurisdiction_states) = 0),
    add constraint agency_state_has_states
        check (agency_type not in ('state-attorney-general', 'state-regulator', 'local-law-enforcement')
               or cardinality(jurisdiction_states) > 0);

-- agency portal users: which agency has a user's email domain (AgencyRepository.withVerifiedDomain)
create index agency_verified_domains_idx on agency using gin (verified_domains);
