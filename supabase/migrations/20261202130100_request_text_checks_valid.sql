/*
 * The two hidden-character CHECKs of support_requests (20261201121200_free_text.sql) were added
 * NOT VALID, for requests written before them. Such a request could no longer be assigned or moved
 * (every UPDATE re-checks the row, and these do not touch the offending field), and the refusal,
 * raised inside a definer function, carried PostgreSQL's "Failing row contains (...)" detail with
 * the full national ID and mobile to a staff member (found in review). The hidden characters go
 * from those rows (they hid or reordered what staff read; the visible text stays), and the
 * constraints are then validated. The request history keeps its NOT VALID check: it is never
 * updated but by anonymisation, which replaces the note it checks.
 */
do $$
declare
  offending uuid;
begin
  for offending in
    select id from public.support_requests
     where email ~ internal.city_hidden_characters() or decision_note ~ internal.description_hidden_characters()
  loop
    -- The request this transaction rewrites: the workflow trigger lets it through (internal.rewriting_request()).
    perform set_config('irtiqaa.rewriting', offending::text, true);
    update public.support_requests
       set email = nullif(regexp_replace(email, internal.city_hidden_characters(), '', 'g'), ''),
           decision_note = regexp_replace(decision_note, internal.description_hidden_characters(), '', 'g')
     where id = offending;
  end loop;
  perform set_config('irtiqaa.rewriting', '', true);
end;
$$;

alter table public.support_requests validate constraint support_requests_email_characters;
alter table public.support_requests validate constraint support_requests_decision_note_characters;
