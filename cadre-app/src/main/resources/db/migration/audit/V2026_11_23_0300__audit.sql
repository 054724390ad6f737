-- The audit trail: one append-only record of every change to domain data.
create table audit.audit_entry (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default clock_timestamp(),
    actor_id      bigint,
    actor_name    text not null,
    action        text not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
    entity_type   text not null,
    entity_id     text not null,
    campus_id     bigint,
    summary       text not null,
    before_state  jsonb,
    after_state   jsonb
);
create index audit_entry_time on audit.audit_entry (occurred_at desc);
create index audit_entry_entity on audit.audit_entry (entity_type, entity_id);
create index audit_entry_actor on audit.audit_entry (actor_id);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end;
$$;

create trigger audit_entry_append_only
    before update or delete or truncate on audit.audit_entry
    for each statement execute function audit.refuse_change();
